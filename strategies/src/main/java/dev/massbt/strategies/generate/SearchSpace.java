package dev.massbt.strategies.generate;

import dev.massbt.strategies.timeframe.Timeframe;
import java.util.List;
import java.util.Objects;

/**
 * Which timeframes generated strategies may use. Every primary timeframe must be at least
 * the timeframe of the bars they will run on; secondaries that are not higher multiples of
 * a strategy's primary are simply not offered to it.
 */
public record SearchSpace(List<Timeframe> primaries, List<Timeframe> secondaries) {

    /** Primaries 1m, 5m, 15m, 1h; secondaries 1h, 4h, 1d: a spread for one-minute bars. */
    public static final SearchSpace DEFAULT = new SearchSpace(
            List.of(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1),
            List.of(Timeframe.H1, Timeframe.H4, Timeframe.D1));

    public SearchSpace {
        primaries = List.copyOf(Objects.requireNonNull(primaries, "primaries"));
        secondaries = List.copyOf(Objects.requireNonNull(secondaries, "secondaries"));
        if (primaries.isEmpty()) {
            throw new IllegalArgumentException("at least one primary timeframe is needed");
        }
    }

    /** Only {@code primary}, no secondary timeframes. */
    public static SearchSpace only(Timeframe primary) {
        return new SearchSpace(List.of(primary), List.of());
    }
}
