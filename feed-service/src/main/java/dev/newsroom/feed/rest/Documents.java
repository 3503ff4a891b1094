package dev.newsroom.feed.rest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.BiConsumer;

import dev.newsroom.feed.service.RenderedFeed;
import dev.newsroom.problem.ProblemException;
import io.vertx.core.http.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Answers a GET with a rendered document: the compressed form the client accepts (brotli, else gzip, else none),
 * Vary: Accept-Encoding, and 304 when the client's copy is current. Each encoding has its own strong ETag (RFC 9110
 * 8.8.3: different bytes), and a tag of any encoding of the same rendering counts as current. Both ways a document
 * is served (rendered through Jakarta REST, or from memory by {@link CachedDocumentRoutes}) write its headers here.
 */
final class Documents {

    /** Pages of a list beyond this are refused: no reader goes that far, and a crawler's asking wastes renders. */
    static final int MAX_PAGE = 10_000;
    /**
     * Readers poll; fifteen seconds lets shared caches absorb a crowd while a story still spreads within seconds,
     * and a stale copy beats an error when this service is down.
     */
    static final String CACHE_CONTROL = "public, max-age=15, stale-if-error=86400";
    // header values the router writes on every answer, encoded once
    private static final CharSequence CACHE_CONTROL_VALUE = HttpHeaders.createOptimized(CACHE_CONTROL);
    private static final CharSequence VARY_VALUE = HttpHeaders.createOptimized(jakarta.ws.rs.core.HttpHeaders.ACCEPT_ENCODING);

    private Documents() {
    }

    /** Refuses a page number outside 1 to {@link #MAX_PAGE}, naming the parameter. */
    static void checkPage(int page) {
        if (page < 1 || page > MAX_PAGE) {
            throw ProblemException.invalid("page", "must be between 1 and " + MAX_PAGE);
        }
    }


    /** The content codings this service sends, in the order it prefers them. */
    enum Coding {
        BROTLI("br"), GZIP("gzip"), IDENTITY(null);

        final String token;

        Coding(String token) {
            this.token = token;
        }

        /** The document's bytes in this coding. */
        byte[] bytes(RenderedFeed document) {
            return switch (this) {
                case BROTLI -> document.brotli();
                case GZIP -> document.gzip();
                case IDENTITY -> document.body();
            };
        }
    }

    /** The document in the coding the request accepts, or 304 when the copy it holds is current. */
    static Response response(RenderedFeed document, DocumentRequest request) {
        Coding coding = coding(request.acceptEncoding(), document.brotli() != null);
        boolean notModified = notModified(document, request.ifNoneMatch(), request.ifModifiedSince());
        Response.ResponseBuilder response = notModified ? Response.notModified() : Response.ok(coding.bytes(document));
        headers(document, coding, !notModified, (name, value) -> response.header(name.toString(), value.toString()));
        return response.build();
    }

    /**
     * Writes the headers of an answer with the document in coding: validators, Vary, caching and the security
     * headers; with the body (not a 304) also its type and coding.
     */
    static void headers(RenderedFeed document, Coding coding, boolean withBody,
            BiConsumer<CharSequence, CharSequence> header) {
        header.accept(HttpHeaders.ETAG, etag(document, coding));
        header.accept(HttpHeaders.VARY, VARY_VALUE);
        header.accept(HttpHeaders.LAST_MODIFIED, document.lastModifiedHttp());
        header.accept(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL_VALUE);
        SecurityHeaders.write(document.mediaType(), header);
        if (withBody) {
            header.accept(HttpHeaders.CONTENT_TYPE, document.mediaType());
            if (coding.token != null) {
                header.accept(HttpHeaders.CONTENT_ENCODING, coding.token);
            }
        }
    }

    /** The ETag of one encoding: the rendering's tag, with the coding inside the quotes when compressed. */
    static String etag(RenderedFeed document, Coding coding) {
        String tag = document.etag();
        return coding.token == null ? tag : tag.substring(0, tag.length() - 1) + "-" + coding.token + "\"";
    }

    /** RFC 9110 12.5.3: the most preferred coding with q > 0; ties go to brotli, then gzip; identity otherwise. */
    static Coding coding(String acceptEncoding, boolean brotliAvailable) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return Coding.IDENTITY;
        }
        double brotli = -1;
        double gzip = -1;
        double any = 0;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String token = pieces[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            switch (token) {
                case "br" -> brotli = q;
                case "gzip", "x-gzip" -> gzip = q;
                case "*" -> any = q;
                default -> { }
            }
        }
        // a coding not listed takes the q of "*" when there is one
        brotli = brotli < 0 ? any : brotli;
        gzip = gzip < 0 ? any : gzip;
        if (brotliAvailable && brotli > 0 && brotli >= gzip) {
            return Coding.BROTLI;
        }
        return gzip > 0 ? Coding.GZIP : Coding.IDENTITY;
    }

    /** RFC 9110 13.2.2: If-None-Match decides when present (weak comparison); If-Modified-Since only without it. */
    static boolean notModified(RenderedFeed document, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*")) {
                    return true;
                }
                for (Coding coding : Coding.values()) {
                    if (tag.equals(etag(document, coding))) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !document.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // RFC 9110: an invalid date is ignored
            }
        }
        return false;
    }
}
