package dev.massbt.strategies.kernel;

import dev.massbt.strategies.bars.BarSeries;
import java.util.Objects;

/**
 * A strategy's four signals over the bars of its primary timeframe, as bitsets (bit i of
 * word i/64 = the signal decided at the close of bar i).
 */
public record Signals(BarSeries bars, long[] longEntry, long[] shortEntry, long[] longExit, long[] shortExit) {

    public Signals {
        Objects.requireNonNull(bars, "bars");
    }

    public boolean longEntry(int i) {
        return Bits.get(longEntry, i);
    }

    public boolean shortEntry(int i) {
        return Bits.get(shortEntry, i);
    }

    public boolean longExit(int i) {
        return Bits.get(longExit, i);
    }

    public boolean shortExit(int i) {
        return Bits.get(shortExit, i);
    }
}
