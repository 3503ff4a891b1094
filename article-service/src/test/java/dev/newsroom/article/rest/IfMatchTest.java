package dev.newsroom.article.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.newsroom.problem.ProblemException;

/** If-Match as clients send it: one strong tag, a slip of W/, a list naming one version; never "*". */
class IfMatchTest {

    @Test
    void readsTheVersionOfAnETag() {
        assertThat(IfMatch.version("\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.version(" W/\"3\" ")).isEqualTo(3L);
        assertThat(IfMatch.version("\"3\", \"3\"")).isEqualTo(3L);
        assertThat(IfMatch.version("12")).isEqualTo(12L);
        assertThat(IfMatch.version(null)).isNull();
        assertThat(IfMatch.version("  ")).isNull();
    }

    @Test
    void refusesAWildcardAsItWouldOverwriteUnseen() {
        assertThatThrownBy(() -> IfMatch.version("*")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(428));
    }

    @Test
    void aTagNamingNoVersionNeverMatches() {
        for (String header : new String[] {"\"abc\"", "\"\"", "\"1\", \"2\"", "\"99999999999999999999\"", "\"-1\""}) {
            assertThatThrownBy(() -> IfMatch.version(header)).as(header)
                    .isInstanceOfSatisfying(ProblemException.class,
                            problem -> assertThat(problem.status()).isEqualTo(412));
        }
    }
}
