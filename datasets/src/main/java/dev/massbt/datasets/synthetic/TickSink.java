package dev.massbt.datasets.synthetic;

import dev.massbt.datasets.read.Side;

/** Receives synthetic trades in time order. */
@FunctionalInterface
public interface TickSink {
    void trade(long tsMicros, double price, double size, Side side);
}
