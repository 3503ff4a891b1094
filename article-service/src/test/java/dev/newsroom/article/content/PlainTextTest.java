package dev.newsroom.article.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PlainTextTest {

    static List<HostileInputs.Text> texts() {
        return HostileInputs.texts();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void hostileHeadlineIsAcceptedOrRejectedWithAReason(HostileInputs.Text vector) {
        String headline = PlainText.normalizeHeadline(vector.input());

        Optional<TextProblem> problem = PlainText.check("headline", headline, PlainText.HEADLINE_MAX, true);

        if (vector.valid()) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).get().satisfies(p -> {
                assertThat(p.field()).isEqualTo("headline");
                assertThat(p.reason()).contains(vector.reason());
            });
        }
    }

    @Test
    void markupInAHeadlineIsKeptAsText() {
        assertThat(PlainText.normalizeHeadline("<b>Breaking</b> &amp; more")).isEqualTo("<b>Breaking</b> &amp; more");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'  Hello   world  '|'Hello world'",
        "'Line\r\nbreak\tand tab'|'Line break and tab'",
        "'A\u2028B\u3000C'|'A B C'",
        "'10\u00a0km'|'10\u00a0km'",
        "'wide\u00a0\u00a0gap'|'wide gap'",
        "'\u00a0edge\u00a0'|'edge'",
        "'Cafe\u0301'|'Caf\u00e9'",
    })
    void normalizesToNfcTrimmedWithSingleSpaces(String raw, String normalized) {
        assertThat(PlainText.normalizeHeadline(raw)).isEqualTo(normalized);
        assertThat(PlainText.normalizeSummary(raw)).isEqualTo(normalized);
    }

    @Test
    void leavesCharactersItMustRejectForTheCheckToName() {
        String headline = PlainText.normalizeHeadline("\u000bTitle\u000c");

        assertThat(headline).isEqualTo("\u000bTitle\u000c");
        assertThat(PlainText.check("headline", headline, 300, true)).contains(new TextProblem("headline",
                "contains the control character U+000B at position 1, which cannot be stored; remove it"));
    }

    @Test
    void keepsNullForTheRequiredCheck() {
        assertThat(PlainText.normalizeHeadline(null)).isNull();
        assertThat(PlainText.check("headline", null, 300, true)).contains(new TextProblem("headline", "is required"));
        assertThat(PlainText.check("summary", null, 1000, false)).isEmpty();
        assertThat(PlainText.check("summary", "", 1000, false)).isEmpty();
    }

    @Test
    void countsLengthInCodePoints() {
        assertThat(PlainText.check("summary", "📰".repeat(1000), PlainText.SUMMARY_MAX, false)).isEmpty();
        assertThat(PlainText.check("summary", "x".repeat(1001), PlainText.SUMMARY_MAX, false))
                .contains(new TextProblem("summary", "is 1001 characters long; at most 1000 are allowed"));
    }

    @Test
    void corpusHasItsShare() {
        assertThat(texts()).hasSizeGreaterThanOrEqualTo(20);
    }
}
