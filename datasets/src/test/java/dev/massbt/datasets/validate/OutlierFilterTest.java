package dev.massbt.datasets.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lone prints off the tape go; a market that moves stays. Windows counted by hand. */
class OutlierFilterTest {

    /** Feeds prices 0..n-1 (the print is its index) and returns the indexes rejected, with the messages. */
    private static List<String> rejected(double bps, double... prices) {
        OutlierFilter<Integer> f = new OutlierFilter<>(bps, 10);
        List<String> out = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        OutlierFilter.Sink<Integer> sink = (i, v) -> {
            order.add(i);
            if (v != null) {
                out.add(i + ": " + v.message());
            }
        };
        for (int i = 0; i < prices.length; i++) {
            f.add(i, prices[i], sink);
        }
        f.flush(sink);
        assertThat(order).as("every print decided once, in order").hasSize(prices.length).isSorted();
        return out;
    }

    private static double[] flat(int n, double price) {
        double[] p = new double[n];
        java.util.Arrays.fill(p, price);
        return p;
    }

    @Test
    void aLonePrintFarFromTheTapeIsAnOutlier() {
        double[] p = flat(40, 100);
        p[20] = 102; // 200 bps off
        assertThat(rejected(50, p)).containsExactly("20: price 102.0 is 200 bps from the median 100.0 of the 21 prints "
                + "around it (limit 50.0 bps)");
        assertThat(rejected(250, p)).as("within the limit").isEmpty();
    }

    @Test
    void aGenuineJumpIsNotAnOutlier_norAreThePrintsAfterIt() {
        double[] p = flat(60, 100);
        for (int i = 30; i < 60; i++) {
            p[i] = 102;
        }
        assertThat(rejected(50, p)).isEmpty();
    }

    @Test
    void atTheEdgesTheWindowIsWhatThereIs_andTooFewPrintsDecideNothing() {
        double[] start = flat(15, 100);
        start[0] = 110;
        assertThat(rejected(50, start)).singleElement().asString().startsWith("0: price 110.0 is 1000 bps from the "
                + "median 100.0 of the 11 prints");
        assertThat(rejected(50, 100, 100, 150, 100)).as("4 prints: no window").isEmpty();
    }

    @Test
    void twoBadPrintsSideBySideAreBothCaught_theirNeighboursAreNot() {
        double[] p = flat(40, 100);
        p[20] = 95;
        p[21] = 95.5;
        assertThat(rejected(100, p)).extracting(s -> s.substring(0, s.indexOf(':'))).containsExactly("20", "21");
    }
}
