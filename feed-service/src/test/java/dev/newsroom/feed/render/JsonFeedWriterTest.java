package dev.newsroom.feed.render;

import static dev.newsroom.feed.render.FeedFixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonFeedWriterTest {

    private final FeedRenderer renderer = new FeedRenderer();
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode render(FeedPage page) throws Exception {
        byte[] bytes = renderer.render(page, FeedFormat.JSON_FEED);
        StrictXml.strictUtf8(bytes);
        return mapper.readTree(bytes);
    }

    @Test
    void topLevelFollowsJsonFeed11InAFixedOrder() throws Exception {
        JsonNode feed = render(FeedFixtures.page());

        assertThat(feed.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("version", "title",
                "home_page_url", "feed_url", "description", "next_url", "icon", "favicon", "language", "hubs", "items");
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").asText()).isEqualTo("Newsroom: all stories");
        assertThat(feed.path("home_page_url").asText()).isEqualTo(BASE + "/");
        assertThat(feed.path("feed_url").asText()).isEqualTo(BASE + "/feeds/atom.xml?page=2");
        assertThat(feed.path("next_url").asText()).isEqualTo(BASE + "/feeds/atom.xml?page=3");
        assertThat(feed.path("icon").asText()).isEqualTo(FeedFixtures.ICON);
        assertThat(feed.path("favicon").asText()).isEqualTo(FeedFixtures.ICON);
        assertThat(feed.path("language").asText()).isEqualTo("en");
        assertThat(feed.path("hubs").get(0).path("type").asText()).isEqualTo("WebSub");
        assertThat(feed.path("hubs").get(0).path("url").asText()).isEqualTo(FeedFixtures.HUB);
        assertThat(feed.path("items")).hasSize(2);
    }

    @Test
    void itemCarriesEveryField() throws Exception {
        JsonNode item = render(FeedFixtures.page()).path("items").get(0);

        assertThat(item.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("id", "url", "title",
                "summary", "content_html", "image", "date_published", "date_modified", "tags", "authors", "language",
                "_media");
        assertThat(item.path("_media").properties()).extracting(java.util.Map.Entry::getKey).containsExactly(
                "caption", "credit", "mime_type", "width", "height", "size_in_bytes");
        assertThat(item.path("id").asText()).isEqualTo("urn:uuid:3f2a8c1e-0000-4000-8000-000000000001");
        assertThat(item.path("url").asText()).isEqualTo(BASE + "/articles/harbour-reopens");
        assertThat(item.path("title").asText()).isEqualTo("Harbour reopens after storm");
        assertThat(item.path("summary").asText()).isEqualTo("The harbour reopened on Monday & fishing resumed.");
        assertThat(Jsoup.parseBodyFragment(item.path("content_html").asText()).text())
                .startsWith("Correction: An earlier version gave the wrong date.")
                .contains("Boats left at dawn.", "Quote: ]]> stays.");
        assertThat(item.path("image").asText()).isEqualTo(BASE + "/media/6f1c/large");
        assertThat(item.path("date_published").asText()).isEqualTo("2025-03-01T08:15:30Z");
        assertThat(item.path("date_modified").asText()).isEqualTo("2025-03-02T10:00:00Z");
        assertThat(item.path("tags")).extracting(JsonNode::asText).containsExactly("local", "harbour", "weather");
        assertThat(item.path("authors").findValuesAsText("name")).containsExactly("Ana Silva", "Omar Haddad");
        assertThat(item.path("language").asText()).isEqualTo("en");
        assertThat(item.path("_media").path("caption").asText()).isEqualTo("Harbour at dawn, boats & \"nets\"");
        assertThat(item.path("_media").path("credit").asText()).isEqualTo("Jane Doe/Agency");
        assertThat(item.path("_media").path("size_in_bytes").asLong()).isEqualTo(182_344);
    }

    @Test
    void absentValuesAreLeftOutRatherThanNull() throws Exception {
        FeedPage page = FeedFixtures.page();
        FeedPage last = new FeedPage(page.id(), page.title(), null, null, page.self(), page.alternate(), null, null,
                null, null, null, page.updated(), page.built(), List.of(FeedFixtures.hostile()), List.of());
        JsonNode feed = render(last);
        JsonNode item = feed.path("items").get(0);

        assertThat(feed.has("next_url")).as("feed.has(\"next_url\")").isFalse();
        assertThat(feed.has("hubs")).as("feed.has(\"hubs\")").isFalse();
        assertThat(feed.has("icon")).as("feed.has(\"icon\")").isFalse();
        assertThat(feed.has("description")).as("feed.has(\"description\")").isFalse();
        assertThat(item.has("image")).as("item.has(\"image\")").isFalse();
        assertThat(item.has("authors")).as("item.has(\"authors\")").isFalse();
        assertThat(item.has("_media")).as("item.has(\"_media\")").isFalse();
        assertThat(item.path("language").asText()).isEqualTo("ar");
    }

    @Test
    void emptyFeedStillHasItems() throws Exception {
        JsonNode feed = render(FeedFixtures.page(List.of()));

        assertThat(feed.path("items").isArray()).as("feed.path(\"items\").isArray()").isTrue();
        assertThat(feed.path("items")).isEmpty();
    }
}
