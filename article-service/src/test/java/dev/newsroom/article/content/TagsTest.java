package dev.newsroom.article.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void normalizesKeepingTheFirstSpellingOfEachTag() {
        List<String> tags = Tags.normalize(List.of("  EU ", "eu", "Climate   change", "Cafe\u0301", "café", "Straße",
                "STRASSE", "iPhone"));

        assertThat(tags).containsExactly("EU", "Climate change", "Café", "Straße", "iPhone");
    }

    @Test
    void dropsEmptyAndMissingTagsWhenNormalizing() {
        assertThat(Tags.normalize(Arrays.asList("a", null, " ", ""))).containsExactly("a");
        assertThat(Tags.normalize(null)).isEmpty();
    }

    @Test
    void acceptsReasonableTags() {
        assertThat(Tags.check(List.of("politics", "EU", "Climate change"))).isEmpty();
        assertThat(Tags.check(null)).isEmpty();
        assertThat(Tags.check(List.of())).isEmpty();
    }

    @Test
    void rejectsAnEmptyTagNamingItsPosition() {
        assertThat(Tags.check(Arrays.asList("politics", "  ")))
                .contains(new TextProblem("tags[1]", "is empty; give the tag a name or remove it"));
        assertThat(Tags.check(Arrays.asList("politics", null))).get().extracting(TextProblem::field)
                .isEqualTo("tags[1]");
    }

    @Test
    void rejectsALongOrUnstorableTag() {
        assertThat(Tags.check(List.of("x".repeat(50)))).isEmpty();
        assertThat(Tags.check(List.of("ok", "x".repeat(51))))
                .contains(new TextProblem("tags[1]", "is 51 characters long; at most 50 are allowed"));
        assertThat(Tags.check(List.of("bad\u0001tag"))).get().extracting(TextProblem::reason).asString()
                .contains("U+0001 at position 4");
    }

    @Test
    void countsTagsAfterRemovingDuplicates() {
        List<String> twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> "tag" + i).toList();
        List<String> withDuplicates = new ArrayList<>(twenty);
        withDuplicates.add("TAG1");
        List<String> tooMany = new ArrayList<>(twenty);
        tooMany.add("tag21");

        assertThat(Tags.check(withDuplicates)).isEmpty();
        assertThat(Tags.check(tooMany))
                .contains(new TextProblem("tags", "has 21 different tags; at most 20 are allowed"));
    }
}
