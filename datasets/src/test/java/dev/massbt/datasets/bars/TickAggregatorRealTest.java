package dev.massbt.datasets.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.read.TradeReader;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One-minute bars from the real Bitstamp trades, against a plain map-based aggregation of the raw text. */
class TickAggregatorRealTest {

    /** The reference: per minute, from the CSV text, with nothing shared with the product code. */
    private static final class Ref {
        double open;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double close;
        double volume;
        double pv;
        long count;
    }

    @Test
    void bitstampMinuteBars_matchAnIndependentAggregation() throws IOException {
        TradeBars tb;
        try (TradeReader r = TradeReader.open(TestFiles.bitstampTrades(), TradeFormat.BITSTAMP, ValidationRules.DEFAULT,
                Quarantine.keepingFirst(0))) {
            tb = TickAggregator.aggregate(r, Timeframe.M1);
        }
        TreeMap<Long, Ref> ref = new TreeMap<>();
        List<String> lines = Files.readAllLines(TestFiles.bitstampTrades());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double amount = Double.parseDouble(f[2]);
            if (amount == 0) {
                continue; // quarantined as zero_size by the reader
            }
            long minute = Long.parseLong(f[0]) / 60 * 60_000L;
            double price = Double.parseDouble(f[1]);
            Ref b = ref.computeIfAbsent(minute, k -> {
                Ref n = new Ref();
                n.open = price;
                return n;
            });
            b.high = Math.max(b.high, price);
            b.low = Math.min(b.low, price);
            b.close = price;
            b.volume += amount;
            b.pv += price * amount;
            b.count++;
        }
        BarSeries bars = tb.bars();
        // 9,399 minutes have trades out of the 9,603 spanned: 162 gaps, no bar for them.
        assertThat(bars.size()).isEqualTo(ref.size()).isEqualTo(9_399);
        int i = 0;
        long trades = 0;
        for (var e : ref.entrySet()) {
            Ref b = e.getValue();
            assertThat(bars.ts()[i]).isEqualTo(e.getKey());
            assertThat(bars.open()[i]).isEqualTo(b.open);
            assertThat(bars.high()[i]).isEqualTo(b.high);
            assertThat(bars.low()[i]).isEqualTo(b.low);
            assertThat(bars.close()[i]).isEqualTo(b.close);
            assertThat(bars.volume()[i]).isCloseTo(b.volume, within(1e-9 * Math.max(1, b.volume)));
            assertThat(tb.vwap()[i]).isCloseTo(b.pv / b.volume, within(1e-9 * b.high));
            assertThat(tb.tradeCount()[i]).isEqualTo(b.count);
            assertThat(tb.buyVolume()[i] + tb.sellVolume()[i]).isCloseTo(b.volume, within(1e-9 * Math.max(1, b.volume)));
            trades += tb.tradeCount()[i];
            i++;
        }
        assertThat(trades).isEqualTo(99_982);
    }
}
