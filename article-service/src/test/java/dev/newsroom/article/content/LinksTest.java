package dev.newsroom.article.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinksTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.com",
        "http://example.com/path?q=1&r=2#frag",
        "HTTPS://EXAMPLE.COM/Upper",
        "https://münchen.de/stadt",
        "https://de.wikipedia.org/wiki/Zürich",
        "https://exa_mple.example/underscore",
        "http://[2001:db8::1]:8080/v6",
        "https://example.com/%20encoded",
    })
    void acceptsAbsoluteHttpUrls(String url) {
        assertThat(Links.checkUrl("related[0].url", url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "javascript:alert(1) => must start with http:// or https://, not javascript:",
        "JaVaScRiPt:alert(1) => must start with http:// or https://, not JaVaScRiPt:",
        "data:text/html,x => must start with http:// or https://, not data:",
        "ftp://example.com/file => must start with http:// or https://, not ftp:",
        "mailto:desk@example.com => must start with http:// or https://, not mailto:",
        "/relative/path => must be an absolute URL starting with http:// or https://",
        "//example.com/protocol-relative => must be an absolute URL starting with http:// or https://",
        "example.com => must be an absolute URL starting with http:// or https://",
        "http:example.com => must name a host, as in https://example.com/page",
        "https:///path-only => must name a host, as in https://example.com/page",
        "https://user:secret@example.com/ => must not contain a user name or password",
        "https://bank.example@evil.example/ => must not contain a user name or password",
        "https://example.com/a b => contains a space at position 22; a URL cannot (a space is written %20)",
        "' https://example.com' => contains a space at position 1; a URL cannot (a space is written %20)",
        "https://example.com/a|b => is not a valid URL (illegal character in path at position 22)",
    })
    void rejectsWithAReason(String url, String reason) {
        assertThat(Links.checkUrl("related[0].url", url)).contains(new TextProblem("related[0].url", reason));
    }

    @Test
    void rejectsControlCharactersAndTabsNamingThem() {
        assertThat(Links.checkUrl("url", "https://example.com/\u0000")).get().extracting(TextProblem::reason)
                .asString().contains("U+0000 at position 21");
        assertThat(Links.checkUrl("url", "https://exa\tmple.com")).get().extracting(TextProblem::reason)
                .asString().contains("U+0009 at position 12");
    }

    @Test
    void requiresAUrl() {
        assertThat(Links.checkUrl("url", null)).contains(new TextProblem("url", "is required"));
        assertThat(Links.checkUrl("url", "  ")).contains(new TextProblem("url", "is required"));
    }

    @Test
    void limitsLength() {
        String prefix = "https://example.com/";
        assertThat(Links.checkUrl("url", prefix + "a".repeat(Links.URL_MAX - prefix.length()))).isEmpty();
        assertThat(Links.checkUrl("url", prefix + "a".repeat(Links.URL_MAX - prefix.length() + 1)))
                .contains(new TextProblem("url", "is 2001 characters long; at most 2000 are allowed"));
    }

    @Test
    void normalizesOnlySurroundingWhitespace() {
        assertThat(Links.normalizeUrl("  https://example.com/a \n")).isEqualTo("https://example.com/a");
        assertThat(Links.normalizeUrl(null)).isNull();
    }
}
