package dev.massbt.strategies.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.strategies.indicator.IndicatorType;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's own checks, for code that builds strategies without JSON (generators, codec). */
class StrategyRecordTest {

    private static final IndicatorRef RSI = IndicatorRef.of(IndicatorType.RSI, 14);

    private static Strategy withCondition(Condition c, List<Timeframe> secondary) {
        return new Strategy("s", 1, Timeframe.H1, secondary, RuleGroup.and(c), null, ExitRule.risk(2, 0), null);
    }

    @Test
    void theprimaryTimeframeIsNeverSpelledOut() {
        Condition explicitPrimary = Condition.of(RSI.on(Timeframe.H1), Comparison.GREATER_THAN, 50);
        assertThatThrownBy(() -> withCondition(explicitPrimary, List.of()))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("entry_rules.long.conditions[0].timeframe")
                .hasMessageContaining("is the primary timeframe; leave timeframe out");
    }

    @Test
    void secondaryTimeframesMustBeDeclaredAndHigher() {
        Condition on4h = Condition.of(RSI.on(Timeframe.H4), Comparison.GREATER_THAN, 50);
        assertThatThrownBy(() -> withCondition(on4h, List.of()))
                .hasMessageContaining("uses timeframe '4h' which is not declared in timeframes.secondary");
        assertThat(withCondition(on4h, List.of(Timeframe.H4)).indicatorKeys()).containsExactly("rsi(14)@4h");
        assertThatThrownBy(() -> withCondition(on4h, List.of(Timeframe.M15)))
                .hasMessageContaining("timeframes.secondary[0]: '15m' must be a higher timeframe than the primary '1h'");
    }

    @Test
    void complexityFollowsTheDocumentedFormula() {
        // rsi(14)@4h > 50: 1 + rsi 1 + secondary 1 = 3; sma(10) crosses above close: 1 + 1 + cross 1 = 3;
        // stop-loss 1.
        Condition a = Condition.of(RSI.on(Timeframe.H4), Comparison.GREATER_THAN, 50);
        Condition b = new Condition(IndicatorRef.of(IndicatorType.SMA, 10), Comparison.CROSSES_ABOVE,
                new PriceRef(PriceField.CLOSE));
        Strategy s = new Strategy("s", 1, Timeframe.H1, List.of(Timeframe.H4), RuleGroup.and(a, b), null,
                ExitRule.risk(2, 0), null);
        assertThat(s.complexity()).isEqualTo(7);
    }
}
