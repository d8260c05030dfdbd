package dev.massbt.strategies.format;

import dev.massbt.strategies.indicator.IndicatorType;
import dev.massbt.strategies.indicator.Output;
import dev.massbt.strategies.indicator.ParamSpec;
import dev.massbt.strategies.indicator.ValueScale;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.List;
import java.util.Objects;

/**
 * One output of an indicator with its parameters, on a timeframe ({@code null} = the
 * strategy's primary timeframe). Parameters are in {@link IndicatorType#params()} order;
 * an instance is always in range.
 */
public record IndicatorRef(IndicatorType type, List<Double> params, String output, Timeframe timeframe)
        implements Operand {

    public IndicatorRef {
        Objects.requireNonNull(type, "type");
        params = List.copyOf(params);
        List<ParamSpec> specs = type.params();
        if (params.size() != specs.size()) {
            throw new IllegalArgumentException(type.key() + " takes " + specs.size() + " parameters, got " + params.size());
        }
        for (int i = 0; i < specs.size(); i++) {
            ParamSpec spec = specs.get(i);
            double v = params.get(i);
            if (!spec.accepts(v)) {
                throw new InvalidStrategyException("params." + spec.name(), "must be "
                        + (spec.integral() ? "a whole number " : "") + spec.rangeText() + " for " + type.key()
                        + ", got " + Numbers.text(v));
            }
        }
        String problem = type.crossParamProblem(values(params));
        if (problem != null) {
            throw new InvalidStrategyException("params", problem + " for " + type.key());
        }
        if (output == null) {
            output = type.defaultOutput().name();
        } else if (type.output(output) == null) {
            throw new InvalidStrategyException("output", "'" + output + "' is not an output of " + type.key()
                    + "; use one of " + type.outputs().stream().map(Output::name).toList());
        }
    }

    public static IndicatorRef of(IndicatorType type, double... params) {
        return new IndicatorRef(type, java.util.Arrays.stream(params).boxed().toList(), null, null);
    }

    public IndicatorRef withOutput(String newOutput) {
        return new IndicatorRef(type, params, newOutput, timeframe);
    }

    public IndicatorRef on(Timeframe newTimeframe) {
        return new IndicatorRef(type, params, output, newTimeframe);
    }

    public double[] paramValues() {
        return values(params);
    }

    public Output outputSpec() {
        return type.output(output);
    }

    /** Index of the first non-NaN value on its own timeframe. */
    public int lookback() {
        return type.lookback(paramValues(), output);
    }

    @Override
    public ValueScale scale() {
        return outputSpec().scale();
    }

    @Override
    public int complexity() {
        return type.complexity();
    }

    /** The indicator computation this output belongs to: type, params and timeframe. */
    public String computationKey() {
        StringBuilder sb = new StringBuilder(type.key()).append('(');
        List<ParamSpec> specs = type.params();
        for (int i = 0; i < specs.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Numbers.text(params.get(i)));
        }
        sb.append(')');
        if (timeframe != null) {
            sb.append('@').append(timeframe.label());
        }
        return sb.toString();
    }

    private static double[] values(List<Double> params) {
        double[] v = new double[params.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = params.get(i);
        }
        return v;
    }
}
