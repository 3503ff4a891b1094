package dev.newsroom.article.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.newsroom.events.content.ImageTextLimits;
import dev.newsroom.problem.Problem;
import dev.newsroom.problem.Refusal;

/** The checks of an article as sent, without a database: normalized values, and every problem reported at once. */
class ArticleValidatorTest {

    private final ArticleValidator validator = new ArticleValidator("http://localhost:8082/media/");

    @Test
    void normalizesWhatItAccepts() {
        ValidatedArticle valid = validator.validate(input("  A  <i>headline</i> ", "World", "<p>x<script>y</script></p>",
                "PT-br", List.of("EU", "eu", " Brexit "), null), true);
        assertThat(valid.content().headline()).isEqualTo("A <i>headline</i>");
        assertThat(valid.content().section()).isEqualTo("world");
        assertThat(valid.content().body()).isEqualTo("<p>x</p>");
        assertThat(valid.sanitizerRemoved()).singleElement().asString().contains("<script>");
        assertThat(valid.content().language()).isEqualTo("pt-BR");
        assertThat(valid.content().tags()).containsExactly("EU", "Brexit");
        assertThat(valid.content().slug()).isNull();
    }

    @Test
    void languageDefaultsToEnglish() {
        assertThat(validator.validate(input("H", "world", null, null, null, null), true).content().language())
                .isEqualTo("en");
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        ArticleInput input = new ArticleInput("Not a slug", "", "s\u0007", null, "a/b", List.of(""),
                List.of(new ArticleInput.AuthorInput(null)), "not a language tag!",
                new ArticleInput.LeadImageInput(null, null, null),
                List.of(new ArticleInput.RelatedLinkInput("t", "javascript:alert(1)")), null, null, 3L);
        assertThatThrownBy(() -> validator.validate(input, true)).isInstanceOfSatisfying(Refusal.class,
                problem -> {
                    assertThat(problem.reason()).isEqualTo(Refusal.Reason.INVALID);
                    assertThat(problem.errors()).extracting(Problem.FieldError::field)
                            .containsExactlyInAnyOrder("slug", "headline", "summary", "section", "tags[0]",
                                    "authors[0].name", "language", "leadImage.mediaId", "related[0].url", "version");
                });
    }

    @Test
    void aBodyOverAMegabyteIsTooLargeAndOneWithTooManyTagsIsInvalid() {
        assertThatThrownBy(() -> validator.validate(input("H", "world", "x".repeat(1_000_001), null, null, null), true))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Refusal.Reason.TOO_LARGE));
        assertThatThrownBy(() -> validator.validate(input("H", "world", "<b>".repeat(10_001), null, null, null), true))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Refusal.Reason.INVALID));
    }

    @Test
    void aVersionIsExpectedOnlyWhenReplacing() {
        ArticleInput withVersion = new ArticleInput(null, "H", null, null, "world", null, null, null, null, null,
                null, null, 4L);
        assertThat(validator.validate(withVersion, false).content().headline()).isEqualTo("H");
        assertThatThrownBy(() -> validator.validate(withVersion, true)).isInstanceOf(Refusal.class);
    }

    @Test
    void theUnpublishReasonIsPlainTextAndMayBeLeftOut() {
        assertThat(validator.reason("  Legal\n review ")).isEqualTo("Legal review");
        assertThat(validator.reason(" ")).isNull();
        assertThatThrownBy(() -> validator.reason("bad\u0000")).isInstanceOf(Refusal.class);
    }

    @Test
    void aLeadImagesCaptionAndCreditMayBeAsLongAsTheAssetsOwn() {
        ArticleInput longest = withLeadImage("c".repeat(ImageTextLimits.CAPTION_MAX), "r".repeat(ImageTextLimits.CREDIT_MAX));
        assertThat(validator.validate(longest, false).content().leadImage().caption()).hasSize(5000);

        ArticleInput tooLong = withLeadImage("c".repeat(ImageTextLimits.CAPTION_MAX + 1),
                "r".repeat(ImageTextLimits.CREDIT_MAX + 1));
        assertThatThrownBy(() -> validator.validate(tooLong, false)).isInstanceOfSatisfying(Refusal.class,
                problem -> assertThat(problem.errors()).extracting(Problem.FieldError::reason)
                        .containsExactly("is 5001 characters long; at most 5000 are allowed",
                                "is 501 characters long; at most 500 are allowed"));
    }

    @Test
    void theMediaPrefixIsTheServicesMediaPath() {
        assertThat(ArticleValidator.mediaPrefix("http://localhost:8082")).isEqualTo("http://localhost:8082/media/");
        assertThat(ArticleValidator.mediaPrefix("https://cdn.example/")).isEqualTo("https://cdn.example/media/");
    }

    private static ArticleInput withLeadImage(String caption, String credit) {
        return new ArticleInput(null, "H", null, null, "world", null, null, null,
                new ArticleInput.LeadImageInput(UUID.randomUUID(), caption, credit), null, null, null, null);
    }

    private static ArticleInput input(String headline, String section, String body, String language,
            List<String> tags, Long version) {
        return new ArticleInput(null, headline, null, body, section, tags, null, language, null, null, null, null,
                version);
    }
}
