package dev.newsroom.feed.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.newsroom.events.ArticleSnapshot;

import lombok.Getter;
import lombok.Setter;
import lombok.experimental.Accessors;

/** An article as article-service would put it on the topic, changed one field at a time by tests. */
@Accessors(fluent = true, chain = true)
public final class TestArticle {

    @Getter private final UUID id;
    @Getter private String slug;
    @Setter private String status = "PUBLISHED";
    @Getter @Setter private String headline;
    @Setter private String summary = "A summary.";
    @Setter private String body = "<p>Body text.</p>";
    @Getter @Setter private String section = "world";
    private List<String> tags = List.of("weather");
    private List<String> authors = List.of("Ana Silva");
    private ArticleSnapshot.LeadImage leadImage;
    @Getter @Setter private long revision = 1;
    private Instant firstPublishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private Instant publishedAt = firstPublishedAt;
    private Instant updatedAt = firstPublishedAt;
    @Setter private Instant embargoUntil;
    @Setter private String correction;

    private TestArticle(UUID id, String headline) {
        this.id = id;
        this.headline = headline;
        this.slug = headline.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "")
                + "-" + id.toString().substring(0, 8);
    }

    public static TestArticle headlined(String headline) {
        return new TestArticle(UUID.randomUUID(), headline);
    }

    /** The next revision, saved one second later. */
    public TestArticle next() {
        revision++;
        updatedAt = updatedAt.plusSeconds(1);
        return this;
    }

    public TestArticle tags(String... tags) {
        this.tags = List.of(tags);
        return this;
    }

    public TestArticle authors(String... authors) {
        this.authors = List.of(authors);
        return this;
    }

    public TestArticle leadImage(UUID mediaId, String caption, String credit) {
        this.leadImage = new ArticleSnapshot.LeadImage(mediaId, caption, credit);
        return this;
    }

    public TestArticle published(Instant at) {
        this.firstPublishedAt = at;
        this.publishedAt = at;
        this.updatedAt = at;
        return this;
    }

    /** A draft or a scheduled article: it never reached readers. */
    public TestArticle neverPublished() {
        this.firstPublishedAt = null;
        this.publishedAt = null;
        return this;
    }

    public ArticleSnapshot snapshot() {
        return new ArticleSnapshot(id, slug, status, headline, summary, body, section, tags,
                authors.stream().map(ArticleSnapshot.Author::new).toList(), "en", leadImage, List.of(), revision,
                updatedAt, updatedAt, publishedAt, firstPublishedAt, null, embargoUntil, correction,
                "UNPUBLISHED".equals(status) ? "legal" : null);
    }
}
