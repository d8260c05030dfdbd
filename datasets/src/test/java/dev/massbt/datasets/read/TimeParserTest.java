package dev.massbt.datasets.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.validate.Reason;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeParserTest {

    private static long micros(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @ParameterizedTest
    @CsvSource({
        "2013-10-07T08:00:00.464Z, 2013-10-07T08:00:00.464Z",
        "2013-10-07 08:00:00, 2013-10-07T08:00:00Z",
        "2013-10-07T08:00, 2013-10-07T08:00:00Z",
        "2013-10-07T08:00:00.123456789Z, 2013-10-07T08:00:00.123456Z",
        "2013-10-07T04:00:00-04:00, 2013-10-07T08:00:00Z",
        "2013-10-07T09:00:00+0100, 2013-10-07T08:00:00Z",
        "2013-10-07T09:00:00+01, 2013-10-07T08:00:00Z",
        "2013-10-07T08:00:00Z[UTC], 2013-10-07T08:00:00Z",
        "2013-10-07, 2013-10-07T00:00:00Z",
        "20131007, 2013-10-07T00:00:00Z",
        "1381132800, 2013-10-07T08:00:00Z",
        "1381132800464, 2013-10-07T08:00:00.464Z",
        "'\"2013-10-07T08:00:00Z\"', 2013-10-07T08:00:00Z"})
    void shapesAsTheyCome(String text, String expected) {
        assertThat(TimeSpec.AUTO.parser().parseMicros(text, "ts")).isEqualTo(micros(expected));
    }

    @Test
    void wrongTimesAreUnparsableAndSayWhatIsExpected() {
        for (String bad : new String[] {"2024-13-01", "2024-02-30", "2024-03-01T25:00", "yesterday", "2024-03-01T09:30:00+19:00"}) {
            assertThatThrownBy(() -> TimeSpec.AUTO.parser().parseMicros(bad, "ts")).isInstanceOf(RowRejected.class)
                    .hasMessageContaining("ts '" + bad + "'")
                    .satisfies(e -> assertThat(((RowRejected) e).reason()).isEqualTo(Reason.UNPARSABLE));
        }
    }

    @Test
    void anExplicitUnitWinsOverMagnitude_andDateOnlyIgnoresTheZone() {
        assertThat(TimeSpec.of(EpochUnit.MILLIS).parser().parseMicros("20131007", "ts")).isEqualTo(20_131_007_000L);
        TimeParser ny = TimeSpec.AUTO.withZone("America/New_York").parser();
        assertThat(ny.parseMicros("2013-10-07", "ts")).isEqualTo(micros("2013-10-07T00:00:00Z"));
        assertThat(ny.parseMicros("2013-10-07 09:30", "ts")).isEqualTo(micros("2013-10-07T13:30:00Z"));
        assertThat(ny.parseMicros("2013-10-07T09:30:00Z", "ts")).as("an offset wins").isEqualTo(micros("2013-10-07T09:30:00Z"));
    }

    @Test
    void badSpecsAreRefused() {
        assertThatThrownBy(() -> TimeSpec.AUTO.withZone("Mars/Olympus")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> TimeSpec.AUTO.withPattern("yyyy-MM-dd {")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern");
    }

    /** The hand parser against java.time, a plain second implementation, on any minute-aligned local time in a zone. */
    @Property(tries = 300)
    void localTimesAgreeWithJavaTime(@ForAll @LongRange(min = 0, max = 4_102_444_800L) long secondsAsIfUtc) {
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(secondsAsIfUtc, 0, ZoneOffset.UTC);
        ZoneId zone = ZoneId.of("Europe/London");
        String text = ldt.toString().length() == 16 ? ldt + ":00" : ldt.toString();
        TimeParser p = TimeSpec.AUTO.withZone("Europe/London").parser();
        if (zone.getRules().getValidOffsets(ldt).isEmpty()) {
            assertThatThrownBy(() -> p.parseMicros(text, "ts")).isInstanceOf(RowRejected.class);
        } else {
            Instant expected = ldt.atZone(zone).toInstant(); // the earlier offset in an overlap, as the parser's first pass
            assertThat(p.parseMicros(text, "ts")).isEqualTo(expected.getEpochSecond() * 1_000_000L);
        }
    }
}
