package dev.massbt.datasets.synthetic;

import dev.massbt.datasets.read.Side;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A synthetic market: {@code symbols.size()} symbols x {@code days} days of one-minute bars
 * (and, on request, trades consistent with them), following {@link Dynamics}.
 *
 * <p><b>Deterministic by seed, per symbol</b>: each symbol has its own random stream seeded from
 * (seed, symbol name) only, so a symbol's data does not depend on which other symbols are
 * generated or in what order, and generating symbols in parallel gives the same data. The
 * normal variates come from this class (Marsaglia's polar method on
 * {@link SplittableRandom#nextDouble()}), not from a JDK default method, so they do not change
 * with the JDK.
 *
 * @param symbols  symbol names, distinct, non-blank
 * @param start    first UTC day
 * @param days     number of calendar days from {@code start} (closed days have no bars)
 * @param calendar which days have bars
 * @param seed     the master seed
 * @param dynamics the process
 */
public record SyntheticMarket(List<String> symbols, LocalDate start, int days, MarketCalendar calendar, long seed,
                              Dynamics dynamics) {

    private static final int MINUTES_PER_DAY = 1440;
    private static final long MINUTE_MILLIS = 60_000L;
    /** Ticks draw from their own stream, so asking for them does not change the bars. */
    private static final long TICK_STREAM_SALT = 0x5DEECE66DL;

    public SyntheticMarket {
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols is empty; give at least one symbol name");
        }
        if (symbols.stream().anyMatch(String::isBlank) || symbols.stream().distinct().count() != symbols.size()) {
            throw new IllegalArgumentException("symbols must be distinct and non-blank, got " + symbols);
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(dynamics, "dynamics");
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, got " + days);
        }
    }

    /** 24/7, default dynamics. */
    public static SyntheticMarket of(List<String> symbols, LocalDate start, int days, long seed) {
        return new SyntheticMarket(symbols, start, days, MarketCalendar.ALWAYS_OPEN, seed, Dynamics.DEFAULT);
    }

    public SyntheticMarket withCalendar(MarketCalendar c) {
        return new SyntheticMarket(symbols, start, days, c, seed, dynamics);
    }

    public SyntheticMarket withDynamics(Dynamics d) {
        return new SyntheticMarket(symbols, start, days, calendar, seed, d);
    }

    /** Number of bars each symbol gets. */
    public int barsPerSymbol() {
        int open = 0;
        for (int d = 0; d < days; d++) {
            if (calendar.isOpen(start.plusDays(d))) {
                open++;
            }
        }
        return open * MINUTES_PER_DAY;
    }

    /** One symbol's one-minute bars. */
    public BarSeries bars(String symbol) {
        BarSeries.Builder b = BarSeries.builder(Timeframe.M1, barsPerSymbol());
        generate(symbol, b, null);
        return b.build();
    }

    /**
     * One symbol's bars, plus trades consistent with them sent to {@code ticks}: aggregating the
     * trades into one-minute bars gives the same open, high, low, close and (up to rounding)
     * volume. Each bar has 4 to 11 trades: open first, then its high and low (in random order),
     * random prices between them, the close last. The bars are the same as {@link #bars(String)}'s:
     * the trades come from a separate random stream.
     */
    public BarSeries barsAndTicks(String symbol, TickSink ticks) {
        BarSeries.Builder b = BarSeries.builder(Timeframe.M1, barsPerSymbol());
        generate(symbol, b, Objects.requireNonNull(ticks, "ticks"));
        return b.build();
    }

    private void generate(String symbol, BarSeries.Builder out, TickSink ticks) {
        if (!symbols.contains(symbol)) {
            throw new IllegalArgumentException("unknown symbol '" + symbol + "'; this market has " + symbols);
        }
        Rng rng = new Rng(streamSeed(seed, symbol));
        Rng tickRng = ticks == null ? null : new Rng(streamSeed(seed ^ TICK_STREAM_SALT, symbol));
        Dynamics d = dynamics;
        double longRunVar = d.dailyVolatility() * d.dailyVolatility() / MINUTES_PER_DAY;
        double omega = longRunVar * (1 - d.alpha() - d.beta());
        double[] season = seasonality(d.uShape());
        double h = longRunVar;
        double lastReturn = 0;
        double price = d.startPrice();
        long dayStart = start.toEpochDay() * MINUTES_PER_DAY * MINUTE_MILLIS;
        for (int day = 0; day < days; day++, dayStart += MINUTES_PER_DAY * MINUTE_MILLIS) {
            if (!calendar.isOpen(start.plusDays(day))) {
                continue;
            }
            for (int m = 0; m < MINUTES_PER_DAY; m++) {
                h = omega + d.alpha() * lastReturn * lastReturn + d.beta() * h;
                double sd = Math.sqrt(h);
                double r = sd * rng.gaussian();
                if (d.jumpProbability() > 0 && rng.uniform() < d.jumpProbability()) {
                    r += d.jumpSize() * rng.gaussian();
                }
                lastReturn = r;
                double open = price;
                double close = open * Math.exp(r);
                double high = Math.max(open, close) * Math.exp(0.5 * sd * Math.abs(rng.gaussian()));
                double low = Math.min(open, close) * Math.exp(-0.5 * sd * Math.abs(rng.gaussian()));
                double volume = d.baseVolume() * season[m] * Math.sqrt(h / longRunVar)
                        * Math.exp(0.3 * rng.gaussian() - 0.045);
                long ts = dayStart + m * MINUTE_MILLIS;
                out.add(ts, open, high, low, close, volume);
                if (ticks != null) {
                    emitTicks(tickRng, ticks, ts, open, high, low, close, volume);
                }
                price = close;
            }
        }
    }

    private static void emitTicks(Rng rng, TickSink sink, long tsMillis, double open, double high, double low,
                                  double close, double volume) {
        int extra = (int) (rng.uniform() * 8);
        int n = 4 + extra;
        boolean highFirst = rng.uniform() < 0.5;
        // n weights for sizes, n increasing offsets within the minute
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 0.1 + rng.uniform();
            sum += w[i];
        }
        long base = tsMillis * 1000L;
        long step = 60_000_000L / n;
        double prev = open;
        double allocated = 0;
        for (int i = 0; i < n; i++) {
            double p;
            if (i == 0) {
                p = open;
            } else if (i == n - 1) {
                p = close;
            } else if (i == 1) {
                p = highFirst ? high : low;
            } else if (i == 2) {
                p = highFirst ? low : high;
            } else {
                p = low + (high - low) * rng.uniform();
            }
            double size = i == n - 1 ? volume - allocated : volume * w[i] / sum;
            allocated += size;
            Side side = p > prev ? Side.BUY : p < prev ? Side.SELL : (rng.uniform() < 0.5 ? Side.BUY : Side.SELL);
            long offset = i * step + (long) (rng.uniform() * step);
            sink.trade(base + offset, p, Math.max(size, Double.MIN_NORMAL), side);
            prev = p;
        }
    }

    /** Mean-one U-shape over the 1,440 minutes of a day. */
    static double[] seasonality(double a) {
        double[] s = new double[MINUTES_PER_DAY];
        double mid = (MINUTES_PER_DAY - 1) / 2.0;
        double sum = 0;
        for (int m = 0; m < MINUTES_PER_DAY; m++) {
            double x = (m - mid) / mid;
            s[m] = 1 + a * x * x;
            sum += s[m];
        }
        double mean = sum / MINUTES_PER_DAY;
        for (int m = 0; m < MINUTES_PER_DAY; m++) {
            s[m] /= mean;
        }
        return s;
    }

    /** Seed of a symbol's stream: SplitMix64's finalizer over the master seed and FNV-1a of the name. */
    static long streamSeed(long seed, String symbol) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        long z = seed + 0x9e3779b97f4a7c15L * (hash | 1);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniforms and standard normals from one SplittableRandom, normals by Marsaglia's polar method. */
    private static final class Rng {
        private final SplittableRandom random;
        private double spare;
        private boolean hasSpare;

        Rng(long seed) {
            random = new SplittableRandom(seed);
        }

        double uniform() {
            return random.nextDouble();
        }

        double gaussian() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u;
            double v;
            double s;
            do {
                u = 2 * random.nextDouble() - 1;
                v = 2 * random.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double f = Math.sqrt(-2 * Math.log(s) / s);
            spare = v * f;
            hasSpare = true;
            return u * f;
        }
    }
}
