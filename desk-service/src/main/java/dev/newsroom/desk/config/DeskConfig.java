package dev.newsroom.desk.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The desk's settings (the API addresses are the REST clients' {@code quarkus.rest-client.*.url}). */
@ConfigMapping(prefix = "newsroom.desk")
public interface DeskConfig {

    /** How editors sign in: {@code form} (the local demo users, forwarded as HTTP Basic) or {@code oidc}. */
    @WithDefault("form")
    SignIn signIn();

    /** Key for the session cookie (AES, base64 of 16 or 32 bytes); without it a random one per start. */
    Optional<String> sessionKey();

    /** How long a sign-in lasts. */
    @WithDefault("PT10H")
    Duration sessionLength();

    /** Stories per page in the list. */
    @WithDefault("20")
    int pageSize();

    /** How long a save waits for article-service to learn of a just-uploaded photo (its 422 on leadImage). */
    @WithDefault("PT8S")
    Duration leadImageWait();

    /** The sections offered in the list's filter and the editor (a story may still name another). */
    @WithDefault("politics,economy,world,business,sport,culture,science,opinion,local")
    java.util.List<String> sections();

    /** The public site's name, as the preview shows it. */
    @WithDefault("Newsroom")
    String siteName();

    /** The public site's address, which the preview's links point to. */
    @WithDefault("http://localhost:8083")
    String siteUrl();

    /** The names readers see for sections (as feed-service's {@code newsroom.site.section-names}), for the preview. */
    Optional<java.util.List<String>> sectionNames();

    /**
     * The newsroom's own time zone (an IANA name such as Europe/Lisbon): the desk shows every moment in it, and the
     * times an editor picks to schedule or embargo a story are in it.
     */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** The two ways to sign in. */
    enum SignIn {
        form, oidc
    }
}
