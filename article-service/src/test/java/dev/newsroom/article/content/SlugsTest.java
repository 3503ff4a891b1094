package dev.newsroom.article.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "López|lopez",
        "Zürich: 5 Tote|zurich-5-tote",
        "Ærø Straße|aero-strasse",
        "Łódź, Kraków and Gdańsk|lodz-krakow-and-gdansk",
        "Don't panic — it's only İstanbul|dont-panic-its-only-istanbul",
        "Москва: объявлен режим ЧС|moskva-obyavlen-rezhim-chs",
        "Київ і Львів|kiyiv-i-lviv",
        "Αθήνα σήμερα|athina-simera",
        "Tokyo 東京 earthquake|tokyo-earthquake",
        "ﬁnal ＷＯＲＤ ２０２４|final-word-2024",
        "  --Already--slugged--  |already-slugged",
        "<script>alert(1)</script>|script-alert-1-script",
        "100% sure: 3.5 > 2|100-sure-3-5-2",
    })
    void derivesReadableAsciiFromTheHeadline(String headline, String slug) {
        assertThat(Slugs.fromHeadline(headline)).isEqualTo(slug);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"東京で地震", "🔥🔥🔥", "!!! ???", "مرحبا"})
    void fallsBackWhenNothingIsLeft(String headline) {
        assertThat(Slugs.fromHeadline(headline)).isEqualTo("article");
    }

    @Test
    void cutsLongHeadlinesAtAWordBoundary() {
        String slug = Slugs.fromHeadline("The quick brown fox jumps over the lazy dog and keeps running far beyond "
                + "the eightieth character of this slug");

        assertThat(slug).isEqualTo("the-quick-brown-fox-jumps-over-the-lazy-dog-and-keeps-running-far-beyond-the");
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.DERIVED_MAX_LENGTH);
    }

    @Test
    void cutsOneEndlessWordHard() {
        assertThat(Slugs.fromHeadline("a".repeat(500))).isEqualTo("a".repeat(80));
    }

    @Test
    void derivedSlugsAreAlwaysValid() {
        for (HostileInputs.Text text : HostileInputs.texts()) {
            assertThat(Slugs.isValid(Slugs.fromHeadline(text.input()))).as(text.name()).isTrue();
        }
        for (HostileInputs.Body body : HostileInputs.bodies()) {
            assertThat(Slugs.isValid(Slugs.fromHeadline(body.html()))).as(body.name()).isTrue();
        }
    }

    @Test
    void numbersCandidatesFromTwo() {
        assertThat(Slugs.candidate("budget-vote", 1)).isEqualTo("budget-vote");
        assertThat(Slugs.candidate("budget-vote", 2)).isEqualTo("budget-vote-2");
        assertThat(Slugs.candidate("budget-vote", 17)).isEqualTo("budget-vote-17");
        assertThatThrownBy(() -> Slugs.candidate("budget-vote", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsCandidatesOfLongSlugsValid() {
        String base = "word-".repeat(23) + "last"; // 119 characters
        String candidate = Slugs.candidate(base, 12);

        assertThat(candidate).endsWith("-12");
        assertThat(candidate.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(Slugs.isValid(candidate)).as("Slugs.isValid(candidate)").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "budget-vote", "2024-budget-vote-2", "x1-y2-z3"})
    void acceptsWellFormedSlugs(String slug) {
        assertThat(Slugs.isValid(slug)).as("Slugs.isValid(slug)").isTrue();
        assertThat(Slugs.isValid("a".repeat(120))).as("Slugs.isValid(\"a\".repeat(120))").isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-lead", "trail-", "dou--ble", "Upper", "sp ace", "ümlaut", "under_score", "a/b", "a.b",
        "slug\n"})
    void rejectsMalformedSlugs(String slug) {
        assertThat(Slugs.isValid(slug)).as("Slugs.isValid(slug)").isFalse();
        assertThat(Slugs.isValid("a".repeat(121))).as("Slugs.isValid(\"a\".repeat(121))").isFalse();
    }
}
