package dev.massbt.strategies.kernel;

import dev.massbt.strategies.format.ExitRule;

/**
 * One strategy as the {@link Simulator} runs it: its signal bitsets over the primary bars and
 * its exit rules. Entry bitsets of an absent side are all-zero; {@code entryAny} is their OR;
 * exit bitsets and rules may be {@code null}.
 */
record StrategyBits(long[] longEntry, long[] shortEntry, long[] entryAny, long[] longExit, long[] shortExit,
                    ExitRule longRule, ExitRule shortRule) {
}
