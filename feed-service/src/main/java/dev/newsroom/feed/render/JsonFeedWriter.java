package dev.newsroom.feed.render;

import static dev.newsroom.feed.render.ItemText.rfc3339;
import static dev.newsroom.feed.render.ItemText.text;
import static dev.newsroom.feed.render.ItemText.url;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.Separators.Spacing;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Writes JSON Feed 1.1 from a fixed Jackson model: the records below fix the key order (their components', in snake
 * case), so equal pages give equal bytes. The image's caption, credit and size travel in a "_media" extension object, which the spec lets readers
 * that do not know it ignore.
 */
final class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    /**
     * ObjectWriter is immutable and thread-safe (the pretty printer is copied per call); the mapper is private so
     * nobody reconfigures it. Emoji go out as UTF-8 rather than as escaped surrogate pairs; "\n" keeps bytes the
     * same on every platform.
     */
    private final ObjectWriter writer = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            // the spec's keys are the records' components in snake case
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build()
            .writer(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    byte[] write(FeedPage page) {
        List<JsonItem> items = new ArrayList<>(page.items().size());
        for (FeedItem item : page.items()) {
            items.add(item(item));
        }
        // one square icon serves as both: readers scale it down for the favicon of their source lists
        JsonDocument document = new JsonDocument(VERSION, text(page.title()), url(page.alternate()),
                url(page.self()), text(page.description()), url(page.next()), url(page.icon()), url(page.icon()),
                text(page.language()),
                page.hub() == null ? List.of() : List.of(new JsonHub("WebSub", url(page.hub()))), items);
        try {
            return writer.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Jackson could not write a JSON Feed model", e);
        }
    }

    private static JsonItem item(FeedItem item) {
        String html = ItemText.contentHtml(item);
        // JSON Feed needs content_html or content_text; an item without a body still says what it is about
        String plain = html != null ? null : text(item.summary() != null ? item.summary() : item.title());
        FeedImage image = item.image();
        List<JsonAuthor> authors = ItemText.names(item.authors()).stream().map(JsonAuthor::new).toList();
        return new JsonItem(text(item.id()), url(item.link()), text(item.title()), text(item.summary()), html, plain,
                image == null ? null : url(image.url()), rfc3339(item.published()), rfc3339(item.updated()),
                ItemText.categories(item), authors, text(item.language()), image == null ? null : media(image));
    }

    private static JsonMedia media(FeedImage image) {
        return new JsonMedia(text(image.caption()), text(image.credit()), text(image.mimeType()),
                image.width() > 0 ? image.width() : null, image.height() > 0 ? image.height() : null,
                image.length() > 0 ? image.length() : null);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record JsonDocument(
            String version,
            String title,
            String homePageUrl,
            String feedUrl,
            String description,
            String nextUrl,
            String icon,
            String favicon,
            String language,
            List<JsonHub> hubs,
            // items is required by the spec even when empty
            @JsonInclude(JsonInclude.Include.ALWAYS) List<JsonItem> items) {
    }

    record JsonHub(String type, String url) {
    }

    record JsonAuthor(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record JsonItem(
            String id,
            String url,
            String title,
            String summary,
            String contentHtml,
            String contentText,
            String image,
            String datePublished,
            String dateModified,
            List<String> tags,
            List<JsonAuthor> authors,
            String language,
            @JsonProperty("_media") JsonMedia media) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonMedia(
            String caption,
            String credit,
            String mimeType,
            Integer width,
            Integer height,
            Long sizeInBytes) {
    }
}
