package dev.newsroom.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class NewsroomTimeTest {

    private final NewsroomTime utc = new NewsroomTime(ZoneId.of("UTC"));
    private final NewsroomTime newYork = new NewsroomTime(ZoneId.of("America/New_York"));

    @Test
    void aMomentIsWrittenInTheNewsroomsZoneWithItsShortName() {
        Instant moment = Instant.parse("2026-12-02T17:52:30Z");

        assertThat(utc.display(moment)).isEqualTo("2 Dec 2026, 17:52 UTC");
        assertThat(newYork.display(moment)).isEqualTo("2 Dec 2026, 12:52 EST");
        assertThat(newYork.display(Instant.parse("2026-07-02T17:52:00Z"))).isEqualTo("2 Jul 2026, 13:52 EDT");
        assertThat(newYork.display(null)).isEmpty();
    }

    @Test
    void aPickedDateAndTimeIsInTheNewsroomsZone() {
        assertThat(newYork.picked("2030-01-15T06:00")).isEqualTo(Instant.parse("2030-01-15T11:00:00Z"));
        assertThat(utc.picked("2030-01-15T06:00")).isEqualTo(Instant.parse("2030-01-15T06:00:00Z"));
        // 02:30 does not exist on the night clocks go forward: it is taken as 03:30 EDT
        assertThat(newYork.picked("2026-03-08T02:30")).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void anInstantAsApiClientsSendItIsTakenAsItIsAndAnythingElseIsNothing() {
        assertThat(newYork.picked("2030-01-15T06:00:00Z")).isEqualTo(Instant.parse("2030-01-15T06:00:00Z"));
        assertThat(newYork.picked("tomorrow at six")).isNull();
        assertThat(newYork.picked(" ")).isNull();
    }
}
