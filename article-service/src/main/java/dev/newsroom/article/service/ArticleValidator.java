package dev.newsroom.article.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.newsroom.article.Article;
import dev.newsroom.article.Author;
import dev.newsroom.article.LeadImage;
import dev.newsroom.article.RelatedLink;
import dev.newsroom.article.rest.ArticleInput;
import dev.newsroom.problem.Problem.FieldError;
import dev.newsroom.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks and normalizes what an editor sends; every problem is reported with its field at once. */
@ApplicationScoped
public class ArticleValidator {

    static final int HEADLINE_MAX = 300;

    ValidatedArticle validate(ArticleInput input, Article current) {
        List<FieldError> errors = new ArrayList<>();
        String headline = input.headline() == null ? null : input.headline().strip();
        if (headline == null || headline.isEmpty()) {
            errors.add(new FieldError("headline", "is required"));
        } else if (headline.length() > HEADLINE_MAX) {
            errors.add(new FieldError("headline", "is " + headline.length() + " characters; at most "
                    + HEADLINE_MAX + " are allowed"));
        }
        String section = input.section() == null ? null : input.section().strip().toLowerCase(Locale.ROOT);
        if (section == null || section.isEmpty()) {
            errors.add(new FieldError("section", "is required, e.g. \"politics\""));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<String> tags = input.tags() == null ? List.of() : input.tags().stream().filter(Objects::nonNull)
                .map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
        List<Author> authors = input.authors() == null ? List.of() : input.authors().stream()
                .filter(Objects::nonNull).map(author -> new Author(author.name())).toList();
        List<RelatedLink> related = input.related() == null ? List.of() : input.related().stream()
                .filter(Objects::nonNull).map(link -> new RelatedLink(link.title(), link.url())).toList();
        LeadImage leadImage = input.leadImage() == null ? null
                : new LeadImage(input.leadImage().mediaId(), input.leadImage().caption(), input.leadImage().credit());
        String language = input.language() == null || input.language().isBlank() ? "en" : input.language().strip();
        return new ValidatedArticle(input.slug(), headline, input.summary(), input.body(), section, tags, authors,
                language, leadImage, related, input.correction(), input.embargoUntil(), List.of());
    }
}
