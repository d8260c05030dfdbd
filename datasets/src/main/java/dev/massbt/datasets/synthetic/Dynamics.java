package dev.massbt.datasets.synthetic;

/**
 * The price and volume process of the synthetic market, per one-minute bar.
 *
 * <ul>
 *   <li>Log return r = sqrt(h) z + J, z standard normal; GARCH(1,1) variance
 *       h' = omega + alpha r^2 + beta h with omega = v (1 - alpha - beta), v = dailyVolatility^2 / 1440,
 *       so the long-run daily volatility is {@code dailyVolatility}.</li>
 *   <li>Jumps J: with probability {@code jumpProbability} per bar, normal with standard deviation
 *       {@code jumpSize} (log return); they feed the GARCH variance like any return.</li>
 *   <li>Open = previous close; high/low extend beyond max/min(open, close) by a half-normal
 *       excursion of scale sqrt(h)/2.</li>
 *   <li>Volume = baseVolume x U(minute of the UTC day) x sqrt(h / v) x lognormal noise; U is the
 *       U-shape (1 + a x^2) / (1 + a/3) over x in [-1, 1] (mean 1), a = {@code uShape}.</li>
 * </ul>
 */
public record Dynamics(double startPrice, double dailyVolatility, double alpha, double beta, double jumpProbability,
                       double jumpSize, double baseVolume, double uShape) {

    /** Crypto-like: 3% daily volatility, persistent clustering, a jump every ~2 days of minutes. */
    public static final Dynamics DEFAULT = new Dynamics(100.0, 0.03, 0.05, 0.94, 1.0 / 2880, 0.005, 10.0, 2.0);

    public Dynamics {
        requireFinite("startPrice", startPrice);
        requireFinite("dailyVolatility", dailyVolatility);
        if (!(startPrice > 0)) {
            throw new IllegalArgumentException("startPrice must be > 0, got " + startPrice);
        }
        if (!(dailyVolatility > 0)) {
            throw new IllegalArgumentException("dailyVolatility must be > 0, got " + dailyVolatility);
        }
        if (!(alpha >= 0) || !(beta >= 0) || !(alpha + beta < 1)) {
            throw new IllegalArgumentException("GARCH needs alpha >= 0, beta >= 0 and alpha + beta < 1 (stationary), got "
                    + "alpha " + alpha + ", beta " + beta);
        }
        if (!(jumpProbability >= 0 && jumpProbability <= 1)) {
            throw new IllegalArgumentException("jumpProbability must be in [0, 1], got " + jumpProbability);
        }
        if (!(jumpSize >= 0) || Double.isInfinite(jumpSize)) {
            throw new IllegalArgumentException("jumpSize must be a finite number >= 0, got " + jumpSize);
        }
        if (!(baseVolume > 0) || Double.isInfinite(baseVolume)) {
            throw new IllegalArgumentException("baseVolume must be a finite number > 0, got " + baseVolume);
        }
        if (!(uShape >= 0) || Double.isInfinite(uShape)) {
            throw new IllegalArgumentException("uShape must be a finite number >= 0 (0 = flat volume), got " + uShape);
        }
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }
}
