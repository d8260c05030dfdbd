package dev.massbt.jobs.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.strategies.error.UserException;
import dev.massbt.strategies.metrics.MetricsConfig;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Annualising by the days the data has, checked against counts made by hand. */
class CalendarTest {

    private static final long DAY = 86_400_000L;

    private static long millis(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Weekday-only bars of 2019 (FX closes Saturday; here every weekday trades): 261 days in 365. */
    @Test
    void autoCountsTheDaysWithBars() {
        SymbolRange weekdays2019 = new SymbolRange("EURUSD", millis("2019-01-01"), millis("2020-01-01"), 261 * 1440,
                261);
        assertThat(Calendar.AUTO.periodsPerYear(List.of(weekdays2019))).isEqualTo(Math.round(261 * 365.25 / 365));
        SymbolRange crypto = new SymbolRange("BTCUSD", millis("2019-01-01"), millis("2020-01-01"), 365 * 1440);
        assertThat(Calendar.AUTO.periodsPerYear(List.of(crypto))).isEqualTo(365);
        assertThat(Calendar.AUTO.periodsPerYear(List.of(weekdays2019, crypto)))
                .as("the mean over symbols").isEqualTo(Math.round((261 * 365.25 / 365 + 365.25) / 2));
    }

    @Test
    void aShortRangeIsStillAYearlyRate_andTheResultStaysIn1To366() {
        SymbolRange oneDay = new SymbolRange("X", millis("2024-03-01"), millis("2024-03-01") + 60_000, 1, 1);
        assertThat(Calendar.AUTO.periodsPerYear(List.of(oneDay))).isEqualTo(365);
        SymbolRange weeklyBarsOnly = new SymbolRange("W", millis("2020-01-06"), millis("2021-01-04"), 52, 52);
        assertThat(Calendar.AUTO.periodsPerYear(List.of(weeklyBarsOnly))).isEqualTo(Math.round(52 * 365.25 / 364));
    }

    @Test
    void fixedCalendarsAreAsGiven_andBadOnesAreRefused() {
        SymbolRange r = new SymbolRange("X", 0, 10 * DAY, 10);
        assertThat(Calendar.parse("252").periodsPerYear(List.of(r))).isEqualTo(252);
        assertThat(Calendar.parse("AUTO").auto()).isTrue();
        assertThat(Calendar.parse("252").apply(new MetricsConfig(365, 0.02), List.of(r)))
                .isEqualTo(new MetricsConfig(252, 0.02));
        assertThatThrownBy(() -> Calendar.parse("weekly")).isInstanceOf(UserException.class)
                .hasMessageContaining("--calendar 'weekly'");
        assertThatThrownBy(() -> Calendar.parse("400")).isInstanceOf(UserException.class).hasMessageContaining("1..366");
        assertThatThrownBy(() -> Calendar.parse("0")).isInstanceOf(UserException.class);
    }
}
