package dev.massbt.jobs.backtest;

import java.io.Serializable;

/** One backtest task: the strategies [fromStrategy, toStrategy) of the run on symbol number {@code symbol}. */
public record TaskSpec(int symbol, int fromStrategy, int toStrategy) implements Serializable {

    public TaskSpec {
        if (symbol < 0 || fromStrategy < 0 || toStrategy <= fromStrategy) {
            throw new IllegalArgumentException("bad task " + symbol + " [" + fromStrategy + ", " + toStrategy + ")");
        }
    }

    public int strategies() {
        return toStrategy - fromStrategy;
    }
}
