package dev.newsroom.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.jsoup.nodes.Element;

/**
 * How pages write a moment: RFC 3339 in UTC to the second for machines; for people in the newsroom's time zone with
 * the zone's short name, "1 March 2025, 08:15 UTC" or "1 March 2025, 03:15 EST".
 */
public final class Dates {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z",
            Locale.ENGLISH);

    private Dates() {
    }

    public static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static String readable(Instant instant, ZoneId zone) {
        return READABLE.format(instant.atZone(zone));
    }

    /** Appends a time element for instant to parent, readable in zone. */
    public static Element time(Element parent, Instant instant, ZoneId zone) {
        return parent.appendElement("time").attr("datetime", rfc3339(instant)).text(readable(instant, zone));
    }
}
