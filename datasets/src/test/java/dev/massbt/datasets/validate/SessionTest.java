package dev.massbt.datasets.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static final Session NEW_YORK = Session.parse("09:30-16:00 America/New_York");
    private static final Session CHICAGO_OVERNIGHT = Session.parse("18:00-17:00 America/Chicago");

    private static long micros(String instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
    }

    @Test
    void parsesWhatTheOptionTakes_andPrintsItBack() {
        assertThat(NEW_YORK).isEqualTo(new Session(LocalTime.of(9, 30), LocalTime.of(16, 0),
                ZoneId.of("America/New_York")));
        assertThat(NEW_YORK.overnight()).isFalse();
        assertThat(CHICAGO_OVERNIGHT.overnight()).isTrue();
        assertThat(Session.parse("  9:30-16:00   UTC ")).hasToString("09:30-16:00 UTC");
        assertThat(Session.parse(NEW_YORK.toString())).isEqualTo(NEW_YORK);
    }

    @Test
    void badValuesSayWhatIsWrongWithAnExample() {
        assertThatThrownBy(() -> Session.parse("25:00-16:00 America/New_York"))
                .hasMessageContaining("'25:00-16:00 America/New_York' is not a session: 25:00 is not a time of day")
                .hasMessageContaining("e.g. '09:30-16:00 America/New_York'");
        assertThatThrownBy(() -> Session.parse("09:30-16:00")).hasMessageContaining("the zone is missing");
        assertThatThrownBy(() -> Session.parse("09:30-16:00 Mars/Olympus"))
                .hasMessageContaining("'Mars/Olympus' is not a zone id");
        assertThatThrownBy(() -> Session.parse("09:30-09:30 UTC")).hasMessageContaining("it starts when it ends");
        assertThatThrownBy(() -> Session.parse("9.30 to 16 UTC")).hasMessageContaining("write HH:MM-HH:MM ZONE");
    }

    @Test
    void newYorkFollowsDaylightSaving_startIncludedEndExcluded() {
        SessionCursor c = NEW_YORK.cursor();
        // summer, EDT: 09:30-16:00 is 13:30-20:00 UTC
        assertThat(c.inSession(micros("2024-07-01T13:29:59.999999Z"))).isFalse();
        assertThat(c.inSession(micros("2024-07-01T13:30:00Z"))).isTrue();
        assertThat(c.inSession(micros("2024-07-01T19:59:59.999999Z"))).isTrue();
        assertThat(c.inSession(micros("2024-07-01T20:00:00Z"))).isFalse();
        // winter, EST: 14:30-21:00 UTC (the same cursor, going back in time)
        assertThat(c.inSession(micros("2024-01-02T13:30:00Z"))).isFalse();
        assertThat(c.inSession(micros("2024-01-02T14:29:59.999999Z"))).isFalse();
        assertThat(c.inSession(micros("2024-01-02T14:30:00Z"))).isTrue();
        assertThat(c.inSession(micros("2024-01-02T20:59:59.999999Z"))).isTrue();
        assertThat(c.inSession(micros("2024-01-02T21:00:00Z"))).isFalse();
        // across the spring-forward weekend: Friday in EST, Monday in EDT
        assertThat(c.inSession(micros("2024-03-08T14:29:00Z"))).isFalse();
        assertThat(c.inSession(micros("2024-03-08T14:30:00Z"))).isTrue();
        assertThat(c.inSession(micros("2024-03-11T13:30:00Z"))).isTrue();
        assertThat(c.inSession(micros("2024-03-11T20:00:00Z"))).isFalse();
    }

    @Test
    void anOvernightSessionCrossesMidnight() {
        SessionCursor c = CHICAGO_OVERNIGHT.cursor();
        // CDT: closed 17:00-18:00 Chicago, 22:00-23:00 UTC
        assertThat(c.inSession(micros("2024-07-01T21:59:59.999999Z"))).isTrue();
        assertThat(c.inSession(micros("2024-07-01T22:00:00Z"))).isFalse();
        assertThat(c.inSession(micros("2024-07-01T22:59:59Z"))).isFalse();
        assertThat(c.inSession(micros("2024-07-01T23:00:00Z"))).isTrue();
        assertThat(c.inSession(micros("2024-07-02T05:00:00Z"))).as("midnight in Chicago").isTrue();
        assertThat(c.inSession(micros("2024-07-02T21:59:00Z"))).isTrue();
        // CST: 23:00-24:00 UTC
        assertThat(c.inSession(micros("2024-01-02T22:30:00Z"))).isTrue();
        assertThat(c.inSession(micros("2024-01-02T23:00:00Z"))).isFalse();
        assertThat(c.inSession(micros("2024-01-03T00:00:00Z"))).isTrue();
    }

    @Test
    void theCursorAgreesWithTheWallClock_tradeByTradeThroughAYear() {
        for (Session s : new Session[] {NEW_YORK, CHICAGO_OVERNIGHT}) {
            SessionCursor c = s.cursor();
            for (long ts = micros("2024-01-01T00:00:00Z"); ts < micros("2025-01-01T00:00:00Z"); ts += 419_000_001L) {
                LocalTime t = Instant.EPOCH.plus(ts, ChronoUnit.MICROS).atZone(s.zone()).toLocalTime();
                boolean expected = s.overnight() ? !t.isBefore(s.start()) || t.isBefore(s.end())
                        : !t.isBefore(s.start()) && t.isBefore(s.end());
                assertThat(c.inSession(ts)).as("%s at %d", s, ts).isEqualTo(expected);
            }
        }
    }
}
