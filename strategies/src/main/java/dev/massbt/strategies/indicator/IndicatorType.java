package dev.massbt.strategies.indicator;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The indicators a strategy may use, with their parameters, outputs and warm-up lengths.
 * This is the single registry that the JSON format, validation, the kernel and the
 * generators read; the arithmetic lives in {@link Indicators}.
 *
 * <p>Parameters are passed around as {@code double[]} in the order of {@link #params()}.
 * Warm-up ({@link #lookback}) is the index of the first non-NaN value.
 */
public enum IndicatorType {
    SMA("sma", Input.CLOSE, 1, List.of(ParamSpec.period("period", 2, 500)),
            List.of(Output.price("value"))),
    EMA("ema", Input.CLOSE, 1, List.of(ParamSpec.period("period", 2, 500)),
            List.of(Output.price("value"))),
    WMA("wma", Input.CLOSE, 1, List.of(ParamSpec.period("period", 2, 500)),
            List.of(Output.price("value"))),
    RSI("rsi", Input.CLOSE, 1, List.of(ParamSpec.period("period", 2, 500)),
            List.of(Output.bounded("value", 0, 100, 20, 80))),
    MACD("macd", Input.CLOSE, 3,
            List.of(ParamSpec.period("fast", 2, 200), ParamSpec.period("slow", 3, 500),
                    ParamSpec.period("signal", 2, 200)),
            List.of(Output.of("line", ValueScale.ZERO_CENTERED), Output.of("signal", ValueScale.ZERO_CENTERED),
                    Output.of("histogram", ValueScale.ZERO_CENTERED))),
    BOLLINGER("bollinger", Input.CLOSE, 2,
            List.of(ParamSpec.period("period", 2, 500), ParamSpec.real("stddev", 0.5, 5.0)),
            List.of(Output.price("middle"), Output.price("upper"), Output.price("lower"),
                    Output.bounded("percent_b", -10, 10, -0.2, 1.2))),
    ATR("atr", Input.HLC, 1, List.of(ParamSpec.period("period", 2, 500)),
            List.of(Output.of("value", ValueScale.VOLATILITY))),
    STOCHASTIC("stochastic", Input.HLC, 2,
            List.of(ParamSpec.period("k_period", 2, 500), ParamSpec.period("d_period", 1, 50)),
            List.of(Output.bounded("k", 0, 100, 10, 90), Output.bounded("d", 0, 100, 10, 90))),
    ROC("roc", Input.CLOSE, 1, List.of(ParamSpec.period("period", 1, 500)),
            List.of(Output.zeroCentered("value", -100, 1e6, 2))),
    DONCHIAN("donchian", Input.HL, 1, List.of(ParamSpec.period("period", 2, 500)),
            List.of(Output.price("upper"), Output.price("lower"))),
    CCI("cci", Input.HLC, 1, List.of(ParamSpec.period("period", 2, 500)),
            List.of(Output.zeroCentered("value", -1e4, 1e4, 200))),
    ADX("adx", Input.HLC, 2, List.of(ParamSpec.period("period", 2, 250)),
            List.of(Output.bounded("adx", 0, 100, 15, 50), Output.bounded("plus_di", 0, 100, 10, 40),
                    Output.bounded("minus_di", 0, 100, 10, 40))),
    OBV("obv", Input.CV, 1, List.of(),
            List.of(Output.of("value", ValueScale.VOLUME))),
    VWAP("vwap", Input.HLCV, 1, List.of(ParamSpec.period("period", 2, 500)),
            List.of(Output.price("value"))),
    /** 100 * (SMA(fast) / SMA(slow) - 1): percent gap of a fast over a slow SMA; crosses 0 when they cross. */
    SMA_CROSS("sma_cross", Input.CLOSE, 2,
            List.of(ParamSpec.period("fast", 2, 499), ParamSpec.period("slow", 3, 500)),
            List.of(Output.zeroCentered("value", -100, 1e6, 2))),
    /** 100 * (EMA(fast) / EMA(slow) - 1), as {@link #SMA_CROSS} with exponential averages. */
    EMA_CROSS("ema_cross", Input.CLOSE, 2,
            List.of(ParamSpec.period("fast", 2, 499), ParamSpec.period("slow", 3, 500)),
            List.of(Output.zeroCentered("value", -100, 1e6, 2)));

    /** Which bar columns an indicator reads. */
    public enum Input { CLOSE, HL, HLC, HLCV, CV }

    private final String key;
    private final Input input;
    private final int complexity;
    private final List<ParamSpec> params;
    private final List<Output> outputs;

    IndicatorType(String key, Input input, int complexity, List<ParamSpec> params, List<Output> outputs) {
        this.key = key;
        this.input = input;
        this.complexity = complexity;
        this.params = params;
        this.outputs = outputs;
    }

    /** The name used in strategy JSON, e.g. {@code sma_cross}. */
    public String key() {
        return key;
    }

    public Input input() {
        return input;
    }

    /** This indicator's share of a strategy's complexity score. */
    public int complexity() {
        return complexity;
    }

    public List<ParamSpec> params() {
        return params;
    }

    public List<Output> outputs() {
        return outputs;
    }

    /** The output used when a condition names none: the first one. */
    public Output defaultOutput() {
        return outputs.get(0);
    }

    /** The output called {@code name}, or {@code null}. */
    public Output output(String name) {
        for (Output o : outputs) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    public int outputIndex(String name) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key + " has no output '" + name + "'");
    }

    /**
     * A rule between parameters that ranges alone cannot state, or {@code null} when the
     * values are consistent. Values are in {@link #params()} order and already in range.
     */
    public String crossParamProblem(double[] values) {
        return switch (this) {
            case MACD, SMA_CROSS, EMA_CROSS -> values[0] < values[1] ? null
                    : "fast (" + (long) values[0] + ") must be less than slow (" + (long) values[1] + ")";
            default -> null;
        };
    }

    /** Index of the first non-NaN value of {@code output} for these parameters. */
    public int lookback(double[] p, String output) {
        return switch (this) {
            case SMA, EMA, WMA, BOLLINGER, ATR, CCI, VWAP -> (int) p[0] - 1;
            case RSI, ROC, DONCHIAN -> (int) p[0];
            case MACD -> "line".equals(output) ? (int) p[1] - 1 : (int) p[1] + (int) p[2] - 2;
            case STOCHASTIC -> "d".equals(output) ? (int) p[0] + (int) p[1] - 2 : (int) p[0] - 1;
            case ADX -> "adx".equals(output) ? 2 * (int) p[0] - 1 : (int) p[0];
            case OBV -> 0;
            case SMA_CROSS, EMA_CROSS -> (int) p[1] - 1;
        };
    }

    /** The type named {@code key} in JSON, or {@code null}. */
    public static IndicatorType fromKey(String key) {
        Objects.requireNonNull(key, "key");
        for (IndicatorType t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        return null;
    }

    public static String keysText() {
        return Arrays.stream(values()).map(IndicatorType::key).collect(Collectors.joining(", "));
    }
}
