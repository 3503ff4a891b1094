package dev.newsroom.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;

/** Realistic articles and assets, the same for a given index on every run. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final int SECTIONS = 10;
    static final int TAGS = 50;
    private static final String BODY;

    static {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 8; p++) {
            body.append("<p>Paragraph ").append(p).append(" of a news story with <a href=\"https://news.example.org/")
                    .append(p).append("\">a link</a>, <em>emphasis</em> and enough words to look like reporting "
                            + "from the harbour, the council and the courts.</p>");
        }
        BODY = body.toString();
    }

    private Events() {
    }

    static UUID articleId(String run, int index) {
        return UUID.nameUUIDFromBytes(("article-" + run + "-" + index).getBytes(StandardCharsets.UTF_8));
    }

    static UUID assetId(String run, int index) {
        return UUID.nameUUIDFromBytes(("asset-" + run + "-" + index).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Ten sections, fifty tags; the first hundred articles are half in section-0 and all tagged tag-0, so those feeds
     * hold a full page of 50 items whether the read model has 100 articles or 100,000.
     */
    static String section(int index) {
        return "section-" + (index < 100 ? index % 2 : index % SECTIONS);
    }

    static String firstTag(int index) {
        return "tag-" + (index < 100 ? 0 : index % TAGS);
    }

    /** Article {@code index} at {@code revision}, first published {@code index} seconds after {@code epoch}. */
    static ArticleSnapshot article(String run, int index, int revision, String status, Instant epoch, int assets) {
        Instant published = epoch.plusSeconds(index);
        Instant updated = published.plusSeconds(60L * (revision - 1));
        UUID asset = assets > 0 && index % 2 == 0 ? assetId(run, index % assets) : null;
        List<String> tags = new ArrayList<>(List.of(firstTag(index), "tag-" + (index * 7 + 3) % TAGS));
        return new ArticleSnapshot(articleId(run, index), "story-" + run + "-" + index, status,
                "Story " + index + " of run " + run + (revision > 1 ? " (revision " + revision + ")" : ""),
                "The summary of story " + index + ", in one sentence.", BODY, section(index), tags,
                List.of(new ArticleSnapshot.Author("Reporter " + index % 17)), "en",
                asset == null ? null : new ArticleSnapshot.LeadImage(asset, null, null), List.of(), revision,
                published, updated, published, published, null, null,
                revision > 2 ? "An earlier version misspelled a name." : null,
                "UNPUBLISHED".equals(status) ? "legal" : null);
    }

    static MediaAssetSnapshot asset(String run, int index, int revision, Instant epoch) {
        UUID id = assetId(run, index);
        String base = "https://media.example.org/media/" + id;
        Instant updated = epoch.plusSeconds(index + 60L * revision);
        return new MediaAssetSnapshot(id, "Caption " + index + " r" + revision, "Photographer " + index % 23,
                null, "Alt text " + index, 2400, 1600, "image/jpeg", 900_000,
                List.of(new MediaAssetSnapshot.Rendition("original", base + "/original", 2400, 1600, "image/jpeg",
                                900_000),
                        new MediaAssetSnapshot.Rendition("large", base + "/large", 1200, 800, "image/jpeg", 210_000),
                        new MediaAssetSnapshot.Rendition("thumb", base + "/thumb", 400, 267, "image/jpeg", 30_000)),
                revision, false, epoch, updated);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
