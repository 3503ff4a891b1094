package dev.newsroom.feed.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import dev.newsroom.events.ArticleEventType;
import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MalformedEventException;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.events.MediaEventType;
import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.repository.ArticleRow;
import dev.newsroom.feed.repository.MediaRow;
import dev.newsroom.feed.repository.Placement;
import dev.newsroom.feed.repository.PlacementQueries;
import dev.newsroom.feed.repository.ReadModelWriter;
import dev.newsroom.feed.repository.WriteMode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Applies a batch of events to the read model in one transaction. Duplicates and older revisions change nothing;
 * when something changed, every replica hears of it when the transaction commits.
 */
@ApplicationScoped
public class ReadModelUpdater {

    private final ReadModelWriter writer;
    private final PlacementQueries placementQueries;
    private final ObjectMapper json;
    private final ReplicaNotices notices;
    private final Clock clock;

    public ReadModelUpdater(ReadModelWriter writer, PlacementQueries placementQueries, ObjectMapper json,
            ReplicaNotices notices, Clock clock) {
        this.writer = writer;
        this.placementQueries = placementQueries;
        // PostgreSQL text and jsonb cannot hold U+0000; no feed could carry it either, so it goes before storing
        this.json = json == null ? null : json.copy().registerModule(new SimpleModule("without-nul")
                .addSerializer(String.class, new StdSerializer<>(String.class) {
                    @Override
                    public void serialize(String value, JsonGenerator out, SerializerProvider provider)
                            throws IOException {
                        out.writeString(withoutNul(value));
                    }
                }));
        this.notices = notices;
        this.clock = clock;
    }

    /** The span (outside the transaction, so it includes the commit) shows operators what the write costs. */
    @WithSpan("feed read-model write")
    @Transactional
    public AppliedChanges apply(List<? extends ReadModelEvent> events, WriteMode mode) {
        if (events.isEmpty()) {
            return AppliedChanges.NONE;
        }
        Span.current().setAttribute("newsroom.feed.events", events.size())
                .setAttribute("newsroom.feed.rebuild", mode.isRebuild());
        Instant now = clock.instant();
        List<ReadModelEvent.Article> articles = newestPerId(events, ReadModelEvent.Article.class);
        List<ReadModelEvent.Media> media = newestPerId(events, ReadModelEvent.Media.class);
        boolean live = !mode.isRebuild();

        // Where changed articles were listed before: a moved or withdrawn article changes the feeds it leaves.
        List<Placement> before = live ? placementQueries.ofArticles(articles.stream().map(ReadModelEvent::id).toList())
                : List.of();
        List<ArticleRow> articleRows = articles.stream().map(article -> row(article, now)).toList();
        boolean[] articleChanged = writer.upsertArticles(articleRows, mode);
        boolean[] mediaChanged = writer.upsertMedia(media.stream().map(this::row).toList(), mode);

        int changed = 0;
        Set<FeedScope> scopes = new LinkedHashSet<>();
        List<Instant> visibleTimes = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < articleRows.size(); i++) {
            if (articleChanged[i]) {
                changed++;
                ArticleRow row = articleRows.get(i);
                if (row.visibleFrom() != null && !row.visibleFrom().isAfter(now)) {
                    visibleTimes.add(articles.get(i).time());
                }
                if (live) {
                    placements.add(new Placement(row.id(), row.section(), row.tags()));
                    before.stream().filter(placement -> placement.id().equals(row.id())).forEach(placements::add);
                }
            }
        }
        List<UUID> changedMedia = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            if (mediaChanged[i]) {
                changed++;
                changedMedia.add(media.get(i).id());
                visibleTimes.add(media.get(i).time());
            }
        }
        Span.current().setAttribute("newsroom.feed.changed", changed);
        if (changed == 0) {
            return AppliedChanges.NONE;
        }
        if (live && !changedMedia.isEmpty()) {
            placements.addAll(placementQueries.usingMedia(changedMedia));
        }
        if (live) {
            scopes.add(FeedScope.ALL);
            placements.forEach(placement -> scopes.addAll(scopesOf(placement)));
        }
        if (!live) {
            // replayed events are old: their times say nothing about how fast feeds follow the newsroom
            visibleTimes.clear();
        }
        Instant earliest = visibleTimes.stream().min(Instant::compareTo).orElse(null);
        writer.notifyReplicas(ReplicaNotices.CHANNEL, notices.payload(earliest, scopes));
        return new AppliedChanges(changed, scopes, visibleTimes);
    }

    static Set<FeedScope> scopesOf(Placement placement) {
        Set<FeedScope> scopes = new LinkedHashSet<>();
        if (placement.section() != null) {
            scopes.add(FeedScope.section(placement.section()));
        }
        if (placement.tags() != null) {
            placement.tags().stream().filter(Objects::nonNull).map(FeedScope::tag).forEach(scopes::add);
        }
        return scopes;
    }

    /**
     * The newest revision of each id, in order of first appearance: applying it alone leaves the read model exactly
     * as applying every event of the batch in turn would, since the upsert keeps the highest revision.
     */
    private static <E extends ReadModelEvent> List<E> newestPerId(List<? extends ReadModelEvent> events,
            Class<E> kind) {
        Map<UUID, E> newest = new LinkedHashMap<>();
        for (ReadModelEvent event : events) {
            if (kind.isInstance(event)) {
                E typed = kind.cast(event);
                newest.merge(typed.id(), typed, (kept, candidate) ->
                        candidate.revision() >= kept.revision() ? candidate : kept);
            }
        }
        return List.copyOf(newest.values());
    }

    private ArticleRow row(ReadModelEvent.Article event, Instant now) {
        ArticleSnapshot article = event.snapshot();
        boolean unpublished = event.type() == ArticleEventType.UNPUBLISHED || "UNPUBLISHED".equals(article.status());
        boolean published = !unpublished && "PUBLISHED".equals(article.status());
        // A held-back article that readers have seen before is gone for them, exactly as an unpublished one.
        boolean withdrawn = unpublished || !published && article.firstPublishedAt() != null;
        String status = published ? "PUBLISHED" : withdrawn ? "UNPUBLISHED" : article.status();
        ArticleSnapshot stored = status.equals(article.status()) ? article : withStatus(article, status);
        // An embargo or a schedule holds an article back from every feed until its time, whatever the events say.
        Instant visibleFrom = published ? latest(article.updatedAt(), article.publishedAt(),
                article.firstPublishedAt(), article.embargoUntil(), article.scheduledAt()) : null;
        Instant removedAt = withdrawn ? article.updatedAt() : null;
        Instant listedAt = Stream.of(article.firstPublishedAt(), article.publishedAt(), article.updatedAt())
                .filter(Objects::nonNull).findFirst().orElseThrow();
        UUID media = article.leadImage() == null ? null : article.leadImage().mediaId();
        return new ArticleRow(article.id(), article.revision(), withoutNul(article.slug()), status,
                withoutNul(article.section()), article.tags() == null ? List.of()
                        : article.tags().stream().filter(Objects::nonNull).map(ReadModelUpdater::withoutNul).toList(),
                media, visibleFrom, visibleFrom != null && visibleFrom.isAfter(now) ? visibleFrom : null, listedAt,
                article.updatedAt(), removedAt, write(stored));
    }

    private MediaRow row(ReadModelEvent.Media event) {
        MediaAssetSnapshot asset = event.snapshot();
        boolean deleted = event.type() == MediaEventType.DELETED || asset.deleted();
        MediaAssetSnapshot stored = deleted == asset.deleted() ? asset
                : new MediaAssetSnapshot(asset.id(), asset.caption(), asset.credit(), asset.byline(), asset.altText(),
                        asset.width(), asset.height(), asset.mimeType(), asset.bytes(), asset.renditions(),
                        asset.revision(), true, asset.createdAt(), asset.updatedAt());
        return new MediaRow(asset.id(), asset.revision(), deleted, write(stored));
    }

    private String write(Object snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("cannot store " + snapshot.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    static String withoutNul(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
    }

    private static ArticleSnapshot withStatus(ArticleSnapshot a, String status) {
        return new ArticleSnapshot(a.id(), a.slug(), status, a.headline(), a.summary(), a.body(), a.section(),
                a.tags(), a.authors(), a.language(), a.leadImage(), a.related(), a.revision(), a.createdAt(),
                a.updatedAt(), a.publishedAt(), a.firstPublishedAt(), a.scheduledAt(), a.embargoUntil(),
                a.correction(), a.unpublishReason());
    }

    /** The latest of the given times after the first, or the first when all others are missing. */
    private static Instant latest(Instant fallback, Instant... instants) {
        return Stream.of(instants).filter(Objects::nonNull).max(Instant::compareTo).orElse(fallback);
    }
}
