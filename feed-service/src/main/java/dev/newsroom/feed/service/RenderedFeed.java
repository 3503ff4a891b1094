package dev.newsroom.feed.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A rendered document (feed, page, sitemap) ready to serve: its bytes, also gzip- and brotli-compressed (brotli null
 * when unavailable), its validators (ETag, Last-Modified, also as the header's HTTP-date) and the moment it may no
 * longer be true.
 */
public record RenderedFeed(byte[] body, byte[] gzip, byte[] brotli, String mediaType, String etag,
        Instant lastModified, String lastModifiedHttp, Instant expires) {

    /** RFC 9110 IMF-fixdate; Java's RFC_1123 formatter drops the leading zero of the day. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Compresses body once, here, so that serving it never compresses again. */
    public RenderedFeed(byte[] body, String mediaType, String etag, Instant lastModified, Instant expires) {
        this(body, Compression.gzip(body), Compression.brotli(body), mediaType, etag, lastModified,
                HTTP_DATE.format(lastModified), expires);
    }

    /** The latest of times to the second, as Last-Modified carries it; the epoch when there is none. */
    static Instant lastModified(Stream<Instant> times) {
        return times.filter(Objects::nonNull).max(Instant::compareTo).orElse(Instant.EPOCH)
                .truncatedTo(ChronoUnit.SECONDS);
    }

    boolean fresh(long nowMillis) {
        return expires.toEpochMilli() > nowMillis;
    }
}
