package dev.massbt.strategies.kernel;

import java.util.List;

/**
 * Results of one kernel run, strategy-major ({@code strategies x segments}), with how much
 * work sharing saved: distinct indicator computations and distinct conditions evaluated
 * for the whole chunk.
 */
public record ChunkResult(List<StrategyResult> results, int indicatorComputations, int distinctConditions,
                          long strategyBars) {

    public ChunkResult {
        results = List.copyOf(results);
    }
}
