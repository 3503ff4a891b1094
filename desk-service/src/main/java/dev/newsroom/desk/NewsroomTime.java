package dev.newsroom.desk;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.newsroom.desk.config.DeskConfig;

/**
 * Moments as the newsroom reads and picks them: in its own time zone ({@code newsroom.desk.time-zone}, UTC unless
 * set), the same for every editor whatever their browser's zone, so "Scheduled for 3 Dec 2026, 06:00 EST" means one
 * thing to the whole desk.
 */
@ApplicationScoped
@Named("newsroomTime")
public class NewsroomTime {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z",
            Locale.ENGLISH);
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

    private final ZoneId zone;

    @Inject
    public NewsroomTime(DeskConfig config) {
        this(config.timeZone());
    }

    NewsroomTime(ZoneId zone) {
        this.zone = zone;
    }

    /** "2 Dec 2026, 17:52 UTC", or in Lisbon in summer "2 Jul 2026, 18:52 WEST". */
    public String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant.atZone(zone));
    }

    /** The zone's name, as the fields where an editor picks a time say it ("UTC", "Europe/Lisbon"). */
    public String zoneName() {
        return zone.getId();
    }

    /** The zone's short name now ("UTC", "WET"), which the editor's script writes after the times it shows. */
    public String zoneLabelNow() {
        return LABEL.format(Instant.now().atZone(zone));
    }

    /**
     * The moment an editor picked: a date and time of a datetime-local field, in the newsroom's zone (a time that a
     * clock change skips is moved forward by the gap, a repeated one is the first), or an ISO-8601 instant as API
     * clients send it; null when it is neither.
     */
    public Instant picked(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeException notAnInstant) {
            try {
                return LocalDateTime.parse(text.trim()).atZone(zone).toInstant();
            } catch (DateTimeException neither) {
                return null;
            }
        }
    }
}
