package dev.newsroom.article.service;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import dev.newsroom.article.Author;
import dev.newsroom.article.LeadImage;
import dev.newsroom.article.RelatedLink;
import dev.newsroom.article.RevisionContent;
import dev.newsroom.article.config.ArticleConfig;
import dev.newsroom.article.content.BodySanitizer;
import dev.newsroom.article.content.Links;
import dev.newsroom.article.content.PlainText;
import dev.newsroom.article.content.SanitizedHtml;
import dev.newsroom.article.content.Slugs;
import dev.newsroom.article.content.Tags;
import dev.newsroom.article.content.Timestamps;
import dev.newsroom.article.content.TextProblem;
import dev.newsroom.events.content.ImageTextLimits;
import dev.newsroom.problem.Problem.FieldError;
import dev.newsroom.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks, normalizes and sanitizes what an editor sends, without touching the database: every problem is reported
 * with its field at once, and what the sanitizer removed from the body travels on to the response.
 */
@ApplicationScoped
public class ArticleValidator {

    static final int SECTION_MAX = 80;
    static final int LANGUAGE_MAX = 35;
    static final int AUTHORS_MAX = 20;
    static final int AUTHOR_NAME_MAX = 200;
    static final int RELATED_MAX = 20;
    static final int RELATED_TITLE_MAX = 300;
    static final int CORRECTION_MAX = 2000;
    static final int REASON_MAX = 2000;
    static final String DEFAULT_LANGUAGE = "en";

    /** A section names a feed URL (/feeds/sections/{section}/...), so it keeps to one readable path segment. */
    private static final Pattern SECTION = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private final BodySanitizer sanitizer;

    @Inject
    public ArticleValidator(ArticleConfig config) {
        this(mediaPrefix(config.mediaBaseUrl()));
    }

    ArticleValidator(String mediaPrefix) {
        this.sanitizer = new BodySanitizer(mediaPrefix);
    }

    /** Where body images must come from: media-service's {@code /media/} under its public base URL. */
    static String mediaPrefix(String mediaBaseUrl) {
        String base = mediaBaseUrl.strip();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/media/";
    }

    /**
     * @param creating whether this is a new article: a version in the body is then a mistake (nothing to compare)
     * @throws Refusal naming every invalid field, or saying that the body is too large to consider
     */
    public ValidatedArticle validate(ArticleInput input, boolean creating) {
        if (input == null) {
            throw Refusal.malformed("send the article as a JSON object");
        }
        SanitizedHtml body = sanitizedBody(input.body());
        List<FieldError> errors = new ArrayList<>();

        String headline = PlainText.normalizeHeadline(input.headline());
        add(errors, PlainText.check("headline", headline, PlainText.HEADLINE_MAX, true));
        String summary = emptyToNull(PlainText.normalizeSummary(input.summary()));
        add(errors, PlainText.check("summary", summary, PlainText.SUMMARY_MAX, false));
        String section = section(input.section(), errors);
        String slug = slug(input.slug(), errors);
        add(errors, Tags.check(input.tags()));
        List<String> tags = Tags.normalize(input.tags());
        List<Author> authors = authors(input.authors(), errors);
        String language = language(input.language(), errors);
        LeadImage leadImage = leadImage(input.leadImage(), errors);
        List<RelatedLink> related = related(input.related(), errors);
        String correction = emptyToNull(PlainText.normalizeSummary(input.correction()));
        add(errors, PlainText.check("correction", correction, CORRECTION_MAX, false));
        Timestamps.check("embargoUntil", input.embargoUntil()).ifPresent(errors::add);
        if (creating && input.version() != null) {
            errors.add(new FieldError("version", "is not accepted when creating: a new article starts at version 0"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        RevisionContent content = new RevisionContent(slug, headline, summary, body.html(), section, tags, authors,
                language, leadImage, related, correction, input.embargoUntil(), null);
        return new ValidatedArticle(content, body.removed());
    }

    /** The reason given for unpublishing: plain text, normalized like a summary; {@code null} when none is given. */
    public String reason(String raw) {
        String reason = emptyToNull(PlainText.normalizeSummary(raw));
        PlainText.check("reason", reason, REASON_MAX, false).ifPresent(problem -> {
            throw Refusal.invalid(problem.field(), problem.reason());
        });
        return reason;
    }

    private SanitizedHtml sanitizedBody(String html) {
        if (BodySanitizer.isTooLarge(html)) {
            throw tooLarge(BodySanitizer.checkSize("body", html).orElseThrow());
        }
        Optional<TextProblem> size = BodySanitizer.checkSize("body", html);
        if (size.isPresent()) {
            throw Refusal.invalid(size.get().field(), size.get().reason());
        }
        SanitizedHtml clean = sanitizer.sanitize(html);
        // Parsing re-opens unclosed formatting elements, so a body within the limits can come out larger.
        if (BodySanitizer.isTooLarge(clean.html())) {
            throw Refusal.invalid("body", "grows beyond " + BodySanitizer.MAX_BODY_BYTES
                    + " bytes once its unclosed tags are closed; close your tags or simplify the markup");
        }
        return clean;
    }

    private static Refusal tooLarge(TextProblem problem) {
        return Refusal.tooLarge(problem.field(), problem.field() + " " + problem.reason());
    }

    private static String section(String raw, List<FieldError> errors) {
        String section = PlainText.normalizeHeadline(raw);
        Optional<TextProblem> problem = PlainText.check("section", section, SECTION_MAX, true);
        if (problem.isPresent()) {
            add(errors, problem);
            return null;
        }
        section = section.toLowerCase(Locale.ROOT);
        if (!SECTION.matcher(section).matches()) {
            errors.add(new FieldError("section", "must be lowercase letters, digits and hyphens, e.g. \"politics\" or"
                    + " \"local-news\", since it names the section's feed"));
        }
        return section;
    }

    private static String slug(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String slug = raw.strip();
        if (!Slugs.isValid(slug)) {
            errors.add(new FieldError("slug", "must be lowercase ASCII letters and digits in words joined by hyphens, "
                    + "at most " + Slugs.MAX_LENGTH + " characters, e.g. \"city-council-votes-budget\""));
        }
        return slug;
    }

    private static List<Author> authors(List<ArticleInput.AuthorInput> input, List<FieldError> errors) {
        return entries("authors", input, AUTHORS_MAX, "entries", "a name", errors, (author, field) -> {
            String name = PlainText.normalizeHeadline(author.name());
            add(errors, PlainText.check(field + ".name", name, AUTHOR_NAME_MAX, true));
            return new Author(name);
        });
    }

    private static String language(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LANGUAGE;
        }
        String tag = raw.strip();
        if (tag.length() > LANGUAGE_MAX) {
            errors.add(new FieldError("language", "is " + tag.length() + " characters long; a BCP 47 tag such as "
                    + "\"en\" or \"pt-BR\" has at most " + LANGUAGE_MAX));
            return null;
        }
        try {
            String canonical = new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
            if (canonical.isEmpty() || canonical.equals("und")) {
                throw new IllformedLocaleException("no language");
            }
            return canonical;
        } catch (IllformedLocaleException e) {
            errors.add(new FieldError("language", "is not a BCP 47 language tag; use e.g. \"en\", \"fr\" or \"pt-BR\""));
            return null;
        }
    }

    private static LeadImage leadImage(ArticleInput.LeadImageInput input, List<FieldError> errors) {
        if (input == null) {
            return null;
        }
        UUID mediaId = input.mediaId();
        if (mediaId == null) {
            errors.add(new FieldError("leadImage.mediaId", "is required: the id media-service gave the image"));
        }
        String caption = emptyToNull(PlainText.normalizeSummary(input.caption()));
        add(errors, PlainText.check("leadImage.caption", caption, ImageTextLimits.CAPTION_MAX, false));
        String credit = emptyToNull(PlainText.normalizeHeadline(input.credit()));
        add(errors, PlainText.check("leadImage.credit", credit, ImageTextLimits.CREDIT_MAX, false));
        return new LeadImage(mediaId, caption, credit);
    }

    private static List<RelatedLink> related(List<ArticleInput.RelatedLinkInput> input, List<FieldError> errors) {
        return entries("related", input, RELATED_MAX, "links", "a title and a url", errors, (link, field) -> {
            String title = PlainText.normalizeHeadline(link.title());
            add(errors, PlainText.check(field + ".title", title, RELATED_TITLE_MAX, true));
            String url = Links.normalizeUrl(link.url());
            add(errors, Links.checkUrl(field + ".url", url));
            return new RelatedLink(title, url);
        });
    }

    /**
     * A list field: absent is empty, more than {@code max} entries is one error for the list, a null entry is an
     * error of its own; every other entry is checked by {@code check}, which gets the entry's field name.
     */
    private static <I, O> List<O> entries(String field, List<I> input, int max, String plural, String shape,
            List<FieldError> errors, BiFunction<I, String, O> check) {
        if (input == null) {
            return List.of();
        }
        if (input.size() > max) {
            errors.add(new FieldError(field, "has " + input.size() + " " + plural + "; at most " + max));
            return List.of();
        }
        List<O> checked = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            String entryField = field + "[" + i + "]";
            if (input.get(i) == null) {
                errors.add(new FieldError(entryField, "must be an object with " + shape));
                continue;
            }
            checked.add(check.apply(input.get(i), entryField));
        }
        return List.copyOf(checked);
    }

    private static void add(List<FieldError> errors, Optional<TextProblem> problem) {
        problem.ifPresent(text -> errors.add(new FieldError(text.field(), text.reason())));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
