package dev.massbt.strategies.format;

import java.util.List;
import java.util.Objects;

/** Conditions combined by AND or OR. Empty only in an exit that relies on its risk exits. */
public record RuleGroup(Operator operator, List<Condition> conditions) {

    public RuleGroup {
        Objects.requireNonNull(operator, "operator");
        conditions = List.copyOf(conditions);
    }

    public static RuleGroup and(Condition... conditions) {
        return new RuleGroup(Operator.AND, List.of(conditions));
    }

    public static RuleGroup or(Condition... conditions) {
        return new RuleGroup(Operator.OR, List.of(conditions));
    }

    public int complexity() {
        return conditions.stream().mapToInt(Condition::complexity).sum();
    }
}
