package dev.newsroom.problem;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many wrong passwords are tolerated before a user name or an address has to wait. */
@ConfigMapping(prefix = "newsroom.login-throttle")
public interface LoginThrottleConfig {

    /** Failures counted within this window; the wait ends when the window does. */
    @WithDefault("15m")
    Duration window();

    /** Failures for one user name from one address: a person mistyping, or a guesser at one account. */
    @WithDefault("5")
    int perUserAndAddress();

    /** Failures from one address across user names: a guesser trying many accounts. */
    @WithDefault("20")
    int perAddress();

    /** Failures for one user name from any address: a guesser spread over many addresses. */
    @WithDefault("100")
    int perUser();
}
