package dev.massbt.datasets.validate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Whether trades are in a {@link Session}, fast for trades in time order: it remembers the span
 * the last trade fell in (one session, or the break between two) and computes a new one, with
 * the zone's rules for that day, only when a trade leaves it; a trade inside allocates nothing.
 * Trades out of order are answered correctly, only more slowly. Not thread-safe: one per stream.
 */
public final class SessionCursor {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final Session session;
    /** The span the answer holds for, [from, to) epoch microseconds; empty until the first trade. */
    private long from = Long.MAX_VALUE;
    private long to = Long.MIN_VALUE;
    private boolean in;

    SessionCursor(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Whether a trade at {@code tsMicros} (epoch microseconds) is in the session. */
    public boolean inSession(long tsMicros) {
        if (tsMicros < from || tsMicros >= to) {
            locate(tsMicros);
        }
        return in;
    }

    /**
     * The session, or the break, holding {@code ts}. Sessions are shorter than a day on the
     * wall clock, so among those opening on the local day before {@code ts}'s, on its day and
     * the day after, one holds it or it lies between two.
     */
    private void locate(long ts) {
        LocalDate day = localDate(ts);
        long previousClose = ts;
        for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            long open = session.openMicros(d);
            long close = session.closeMicros(d);
            if (ts < open) {
                set(previousClose, open, false);
                return;
            }
            if (ts < close) {
                set(open, close, true);
                return;
            }
            previousClose = close;
        }
        set(ts, ts + 1, false); // not reached: the session opening the day after starts after ts
    }

    private void set(long spanFrom, long spanTo, boolean inSession) {
        from = spanFrom;
        to = spanTo;
        in = inSession;
    }

    private LocalDate localDate(long ts) {
        long second = Math.floorDiv(ts, MICROS_PER_SECOND);
        int offset = session.zone().getRules().getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
        return LocalDate.ofEpochDay(Math.floorDiv(second + offset, 86_400L));
    }
}
