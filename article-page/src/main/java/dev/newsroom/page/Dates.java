package dev.newsroom.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.jsoup.nodes.Element;

/** How pages write a moment: RFC 3339 in UTC to the second for machines, "1 March 2025, 08:15 UTC" for people. */
public final class Dates {

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Dates() {
    }

    public static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static String readable(Instant instant) {
        return READABLE.format(instant);
    }

    /** Appends a time element for instant to parent. */
    public static Element time(Element parent, Instant instant) {
        return parent.appendElement("time").attr("datetime", rfc3339(instant)).text(readable(instant));
    }
}
