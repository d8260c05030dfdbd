package dev.massbt.strategies.indicator;

import java.util.List;
import java.util.SplittableRandom;

/** Valid parameter values for an {@link IndicatorType}, in {@link IndicatorType#params()} order. */
final class ParamSets {

    private ParamSets() {
    }

    /** Every parameter at the bottom of its range. */
    static double[] min(IndicatorType type) {
        return valid(type, type.params().stream().mapToDouble(ParamSpec::min).toArray());
    }

    /** Every parameter at the top of its range. */
    static double[] max(IndicatorType type) {
        return valid(type, type.params().stream().mapToDouble(ParamSpec::max).toArray());
    }

    /**
     * Uniform in each range, integral where the spec says so, with periods capped at
     * {@code periodCap} to keep series short; re-drawn until the parameters are consistent.
     */
    static double[] random(IndicatorType type, SplittableRandom rnd, int periodCap) {
        List<ParamSpec> specs = type.params();
        while (true) {
            double[] p = new double[specs.size()];
            for (int i = 0; i < p.length; i++) {
                ParamSpec s = specs.get(i);
                if (s.integral()) {
                    int hi = (int) Math.min(s.max(), Math.max(s.min(), periodCap));
                    p[i] = (int) s.min() + rnd.nextInt(hi - (int) s.min() + 1);
                } else {
                    p[i] = s.min() + rnd.nextDouble() * (s.max() - s.min());
                }
            }
            if (type.crossParamProblem(p) == null) {
                return p;
            }
        }
    }

    /** The largest lookback over all outputs. */
    static int maxLookback(IndicatorType type, double[] p) {
        return type.outputs().stream().mapToInt(o -> type.lookback(p, o.name())).max().orElseThrow();
    }

    private static double[] valid(IndicatorType type, double[] p) {
        String problem = type.crossParamProblem(p);
        if (problem != null) {
            throw new IllegalStateException(type + " " + problem);
        }
        return p;
    }
}
