package dev.newsroom.page;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;

/** A published article with a hostile body and a lead photo in three renditions, for the rendering tests. */
final class Fixtures {

    static final Site SITE = new Site("Newsroom", "https://news.example.org", List.of("local", "world"),
            SectionNames.parse(List.of("local=Local news")));
    static final UUID MEDIA_ID = UUID.fromString("6f1c0000-0000-4000-8000-000000000001");
    static final Instant PUBLISHED = Instant.parse("2025-03-01T08:15:30.250Z");
    static final Instant UPDATED = Instant.parse("2025-03-02T10:00:00Z");
    static final String HEADLINE = "Harbour <script>alert(1)</script> & \"reopens\"\u0000";
    static final String HOSTILE_BODY = "<p onclick=\"steal()\" style=\"color:red\">Boats left at <strong>dawn</strong>.</p>"
            + "<script>alert(2)</script><style>body{display:none}</style>"
            + "<p><a href=\"javascript:alert(3)\">bad</a> <a href=\"/articles/storm\">storm</a></p>"
            + "<img src=\"https://news.example.org/media/1/large\" onerror=\"alert(4)\" alt=\"Boats\">"
            + "<iframe src=\"https://evil.example/\"></iframe>";

    private Fixtures() {
    }

    static ArticleSnapshot article(String language) {
        return new ArticleSnapshot(UUID.fromString("3f2a8c1e-0000-4000-8000-000000000001"), "harbour-reopens",
                "PUBLISHED", HEADLINE, "The harbour reopened & fishing resumed.", HOSTILE_BODY, "local",
                List.of("harbour", "weather"),
                List.of(new ArticleSnapshot.Author("Ana Silva"), new ArticleSnapshot.Author("Omar Haddad")), language,
                new ArticleSnapshot.LeadImage(MEDIA_ID, null, "Jane Doe/Agency"),
                List.of(new ArticleSnapshot.RelatedLink("Storm warning issued", "https://news.example.org/articles/storm"),
                        new ArticleSnapshot.RelatedLink("Click me", "javascript:alert(5)")),
                3, PUBLISHED, UPDATED, PUBLISHED, PUBLISHED, null, null, "An earlier version gave the wrong date.", null);
    }

    static MediaAssetSnapshot asset() {
        return new MediaAssetSnapshot(MEDIA_ID, "Harbour at dawn, boats & \"nets\"", "Asset Credit", null,
                "Fishing boats leaving the harbour at dawn", 4000, 2667, "image/jpeg", 2_000_000,
                List.of(rendition("original", 4000, 2667), rendition("large", 1200, 800), rendition("thumb", 320, 213)),
                2, false, PUBLISHED, PUBLISHED);
    }

    /** A listing of the hostile article, the minimal one and ten ordinary stories. */
    static ListPage listing(boolean lead) {
        List<ListPage.Story> stories = new ArrayList<>();
        stories.add(new ListPage.Story(article("en"), asset()));
        stories.add(new ListPage.Story(minimal(), null));
        for (int i = 0; i < 10; i++) {
            stories.add(new ListPage.Story(story(i), i % 2 == 0 ? asset() : null));
        }
        return new ListPage(lead ? SITE.name() : SITE.sectionName("local"),
                lead ? null : "Stories from around the harbour",
                lead ? SITE.home() : SITE.section("local"), lead ? null : "local",
                lead ? SITE.feeds() : SITE.sectionFeeds("local"), stories,
                URI.create(SITE.baseUrl() + "/?page=1"), URI.create(SITE.baseUrl() + "/?page=3"),
                lead);
    }

    static ArticleSnapshot story(int i) {
        return new ArticleSnapshot(UUID.nameUUIDFromBytes(("story" + i).getBytes()), "story-" + i, "PUBLISHED",
                "Council votes on the new harbour plan, part " + i, "The vote follows months of debate.",
                "<p>Body.</p>", i % 3 == 0 ? "world" : "local", List.of("council"),
                List.of(new ArticleSnapshot.Author("Lea Martin")), "en",
                new ArticleSnapshot.LeadImage(MEDIA_ID, null, null), List.of(), 1, PUBLISHED, PUBLISHED,
                PUBLISHED.minusSeconds(3600L * i), PUBLISHED.minusSeconds(3600L * i), null, null, null, null);
    }

    static ArticleSnapshot minimal() {
        return new ArticleSnapshot(UUID.fromString("3f2a8c1e-0000-4000-8000-000000000002"), "just", "PUBLISHED",
                "Just a headline", null, null, null, null, null, null, null, null, 1, null, null, null, null, null,
                null, null, null);
    }

    private static MediaAssetSnapshot.Rendition rendition(String name, int width, int height) {
        return new MediaAssetSnapshot.Rendition(name, "https://media.example.org/media/" + MEDIA_ID + "/" + name,
                width, height, "image/jpeg", 1000);
    }
}
