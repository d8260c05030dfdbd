package dev.massbt.strategies.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * OHLCV columns for indicator tests: random series, and the real data shipped in the
 * ta4j-examples jar (read as plain resources; no ta4j-examples class is ever loaded, they
 * are built for Java 21).
 */
record Bars(String name, ZonedDateTime[] end, double[] open, double[] high, double[] low, double[] close,
            double[] volume) {

    int size() {
        return close.length;
    }

    /**
     * A random walk around 100 on a 0.01 tick: ties between prices are common, some bars are
     * completely flat, about one bar in ten has no volume and there are runs of zero volume.
     */
    static Bars random(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ZonedDateTime[] end = new ZonedDateTime[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double price = 100;
        int zeroVolumeRun = 0;
        for (int i = 0; i < n; i++) {
            end[i] = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(i + 1L);
            double open = price;
            if (rnd.nextInt(20) == 0) {
                o[i] = open;
                h[i] = open;
                l[i] = open;
                c[i] = open;
            } else {
                double close = Math.max(1, tick(open * Math.exp(0.01 * gaussian(rnd))));
                o[i] = open;
                c[i] = close;
                h[i] = Math.ceil(Math.max(open, close) * (1 + 0.003 * rnd.nextDouble()) * 100) / 100;
                l[i] = Math.floor(Math.min(open, close) * (1 - 0.003 * rnd.nextDouble()) * 100) / 100;
                price = close;
            }
            if (zeroVolumeRun == 0 && rnd.nextInt(50) == 0) {
                zeroVolumeRun = 1 + rnd.nextInt(40);
            }
            if (zeroVolumeRun > 0) {
                zeroVolumeRun--;
                v[i] = 0;
            } else {
                v[i] = rnd.nextInt(10) == 0 ? 0 : Math.floor(rnd.nextDouble() * 1000) / 10;
            }
        }
        return new Bars("random-" + seed, end, o, h, l, c, v);
    }

    private static double tick(double price) {
        return Math.round(price * 100) / 100.0;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** A copy in which every input at an index after {@code t} is replaced by other random values. */
    Bars withFutureReplaced(int t, long seed) {
        Bars other = random(seed, size());
        double[] o = open.clone();
        double[] h = high.clone();
        double[] l = low.clone();
        double[] c = close.clone();
        double[] v = volume.clone();
        for (int i = t + 1; i < size(); i++) {
            o[i] = other.open[i] * 1.37;
            h[i] = other.high[i] * 1.37;
            l[i] = other.low[i] * 1.37;
            c[i] = other.close[i] * 1.37;
            v[i] = other.volume[i] + 1;
        }
        return new Bars(name + "-future-replaced", end, o, h, l, c, v);
    }

    /** Apple Inc. daily bars of 2013, {@code date,open,high,low,close,volume}. */
    static Bars appleDaily() {
        List<String[]> rows = csvRows("/appleinc_bars_from_20130101_usd.csv");
        int n = rows.size();
        Bars bars = empty("apple-daily", n);
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            bars.end[i] = LocalDate.parse(r[0]).plusDays(1).atStartOfDay(ZoneOffset.UTC);
            bars.open[i] = Double.parseDouble(r[1]);
            bars.high[i] = Double.parseDouble(r[2]);
            bars.low[i] = Double.parseDouble(r[3]);
            bars.close[i] = Double.parseDouble(r[4]);
            bars.volume[i] = Double.parseDouble(r[5]);
        }
        return bars;
    }

    /**
     * Bitstamp BTC/USD trades from 2013-11-25, {@code timestamp(epoch s),price,amount},
     * aggregated into 5-minute bars: open = first trade, high/low = extremes, close = last
     * trade, volume = summed amount. Intervals without trades produce no bar.
     */
    static Bars bitstampFiveMinutes() {
        List<String[]> rows = csvRows("/bitstamp_trades_from_20131125_usd.csv");
        long seconds = 300;
        List<double[]> ohlcv = new ArrayList<>();
        List<Long> buckets = new ArrayList<>();
        long previousTs = Long.MIN_VALUE;
        for (String[] r : rows) {
            long ts = Long.parseLong(r[0]);
            if (ts < previousTs) {
                throw new IllegalStateException("trades are not in time order at " + ts);
            }
            previousTs = ts;
            double price = Double.parseDouble(r[1]);
            double amount = Double.parseDouble(r[2]);
            long bucket = Math.floorDiv(ts, seconds);
            if (buckets.isEmpty() || buckets.get(buckets.size() - 1) != bucket) {
                buckets.add(bucket);
                ohlcv.add(new double[] {price, price, price, price, amount});
            } else {
                double[] bar = ohlcv.get(ohlcv.size() - 1);
                bar[1] = Math.max(bar[1], price);
                bar[2] = Math.min(bar[2], price);
                bar[3] = price;
                bar[4] += amount;
            }
        }
        int n = ohlcv.size();
        Bars bars = empty("bitstamp-5m", n);
        for (int i = 0; i < n; i++) {
            double[] bar = ohlcv.get(i);
            bars.end[i] = ZonedDateTime.ofInstant(Instant.ofEpochSecond((buckets.get(i) + 1) * seconds), ZoneOffset.UTC);
            bars.open[i] = bar[0];
            bars.high[i] = bar[1];
            bars.low[i] = bar[2];
            bars.close[i] = bar[3];
            bars.volume[i] = bar[4];
        }
        return bars;
    }

    private static Bars empty(String name, int n) {
        return new Bars(name, new ZonedDateTime[n], new double[n], new double[n], new double[n], new double[n],
                new double[n]);
    }

    /** Data rows of a CSV resource, header skipped. */
    private static List<String[]> csvRows(String resource) {
        try (InputStream in = Objects.requireNonNull(Bars.class.getResourceAsStream(resource), resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.trim().split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + size() + " bars)";
    }
}
