package dev.massbt.strategies.kernel;

/**
 * Trading costs in basis points of traded notional. Commission is charged on every fill
 * (entry and exit); slippage moves every fill price against the trader (buys higher,
 * sells lower), stop and take-profit fills included.
 */
public record CostModel(double commissionBps, double slippageBps) implements java.io.Serializable {

    public static final CostModel ZERO = new CostModel(0, 0);
    private static final double MAX_BPS = 1000;

    public CostModel {
        if (!(commissionBps >= 0 && commissionBps <= MAX_BPS)) {
            throw new IllegalArgumentException("commission must be 0..1000 basis points, got " + commissionBps);
        }
        if (!(slippageBps >= 0 && slippageBps <= MAX_BPS)) {
            throw new IllegalArgumentException("slippage must be 0..1000 basis points, got " + slippageBps);
        }
    }

    double commission() {
        return commissionBps * 1e-4;
    }

    double slippage() {
        return slippageBps * 1e-4;
    }
}
