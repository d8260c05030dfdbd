package dev.massbt.strategies.generate;

import java.util.List;
import java.util.Objects;

/**
 * What expanding a {@link GridTemplate} gave: the strategies to evaluate, in grid order, and
 * the combinations skipped, counted by reason.
 *
 * @param template     the template's name
 * @param combinations every combination of the grid, skipped ones included
 * @param points       the combinations to evaluate, in grid order; never empty
 * @param skipped      the skipped combinations by reason, in order of first occurrence
 */
public record GridExpansion(String template, int combinations, List<GridPoint> points, List<Skipped> skipped) {

    /** Why combinations were left out. */
    public enum Reason {
        /** A constraint of the template does not hold. */
        CONSTRAINT,
        /** The values make an invalid strategy (e.g. sma_cross with fast &gt;= slow). */
        INVALID,
        /** The values make the same strategy as an earlier combination. */
        DUPLICATE
    }

    /**
     * Combinations left out for one reason.
     *
     * @param detail  which constraint, or the JSON path of the invalid field, or empty
     * @param example the first combination skipped so, with the problem when invalid
     */
    public record Skipped(Reason reason, String detail, int count, String example) {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(example, "example");
            if (count < 1) {
                throw new IllegalArgumentException("a skip reason counts at least one combination, got " + count);
            }
        }

        /** {@code constraint 'fast < slow'}, {@code invalid strategy at entry_rules...}, {@code duplicate}. */
        public String description() {
            return switch (reason) {
                case CONSTRAINT -> "constraint '" + detail + "' fails";
                case INVALID -> "invalid strategy" + (detail.isEmpty() ? "" : " at " + detail);
                case DUPLICATE -> "same strategy as an earlier combination";
            };
        }
    }

    public GridExpansion {
        Objects.requireNonNull(template, "template");
        points = List.copyOf(points);
        skipped = List.copyOf(skipped);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a grid expansion has at least one combination to evaluate");
        }
        long skippedCount = skipped.stream().mapToLong(Skipped::count).sum();
        if (points.size() + skippedCount != combinations) {
            throw new IllegalArgumentException(points.size() + " evaluated + " + skippedCount + " skipped != "
                    + combinations + " combinations");
        }
    }

    public int evaluated() {
        return points.size();
    }

    public int skippedCount() {
        return combinations - points.size();
    }

    /** Combinations skipped for {@code reason}. */
    public int skipped(Reason reason) {
        return skipped.stream().filter(s -> s.reason() == reason).mapToInt(Skipped::count).sum();
    }
}
