package dev.newsroom.feed.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A feed document ready to serve, with its validators (ETag, Last-Modified, also as the header's HTTP-date) and
 * the moment it may no longer be true.
 */
public record RenderedFeed(byte[] body, String mediaType, String etag, Instant lastModified, String lastModifiedHttp,
        Instant expires) {

    /** RFC 9110 IMF-fixdate; Java's RFC_1123 formatter drops the leading zero of the day. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public RenderedFeed(byte[] body, String mediaType, String etag, Instant lastModified, Instant expires) {
        this(body, mediaType, etag, lastModified, HTTP_DATE.format(lastModified), expires);
    }

    boolean fresh(long nowMillis) {
        return expires.toEpochMilli() > nowMillis;
    }
}
