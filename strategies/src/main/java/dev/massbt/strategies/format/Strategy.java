package dev.massbt.strategies.format;

import dev.massbt.strategies.timeframe.Timeframe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A trading strategy: data, never code. An instance is always valid: the constructor
 * enforces the specification's limits and reports the JSON path of what breaks them.
 *
 * <p>Entries and exits are per side; a side without an entry never trades; a side with an
 * entry and no exit holds until the end of the evaluated segment.
 *
 * @param name        1..{@value #MAX_NAME_LENGTH} printable characters
 * @param version     the strategy's own revision number, &gt;= 1
 * @param primary     timeframe the strategy decides and trades on
 * @param secondary   higher timeframes its conditions may read (each a whole multiple of primary)
 * @param longEntry   may be {@code null}
 * @param shortEntry  may be {@code null}
 * @param longExit    may be {@code null}
 * @param shortExit   may be {@code null}
 */
public record Strategy(String name, int version, Timeframe primary, List<Timeframe> secondary,
                       RuleGroup longEntry, RuleGroup shortEntry, ExitRule longExit, ExitRule shortExit) {

    public static final int MAX_INDICATORS = 5;
    public static final int MAX_CONDITIONS = 10;
    public static final int MAX_TIMEFRAMES = 3;
    public static final int MAX_COMPLEXITY = 100;
    public static final int MAX_NAME_LENGTH = 200;

    public Strategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(primary, "primary");
        secondary = List.copyOf(secondary);
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidStrategyException("name", "must be 1.." + MAX_NAME_LENGTH
                    + " printable characters, got " + (name.isBlank() ? "a blank name" : name.length() + " characters"));
        }
        if (version < 1) {
            throw new InvalidStrategyException("version", "must be a whole number >= 1, got " + version);
        }
        checkTimeframes(primary, secondary);
        if (longEntry == null && shortEntry == null) {
            throw new InvalidStrategyException("entry_rules", "needs a 'long' or a 'short' rule group; without an entry the strategy never trades");
        }
        checkEntry("entry_rules.long", longEntry);
        checkEntry("entry_rules.short", shortEntry);
        if (longExit != null && longEntry == null) {
            throw new InvalidStrategyException("exit_rules.long", "there is no entry_rules.long to exit from; remove it or add the entry");
        }
        if (shortExit != null && shortEntry == null) {
            throw new InvalidStrategyException("exit_rules.short", "there is no entry_rules.short to exit from; remove it or add the entry");
        }
        checkLimits(primary, secondary, longEntry, shortEntry, longExit, shortExit);
    }

    /** Every condition with its JSON path, in document order. */
    public void forEachCondition(BiConsumer<String, Condition> action) {
        forEachCondition(longEntry, shortEntry, longExit, shortExit, action);
    }

    public List<Condition> conditions() {
        List<Condition> all = new ArrayList<>();
        forEachCondition((path, c) -> all.add(c));
        return all;
    }

    /** Distinct indicator computations (type, params, timeframe) the strategy reads. */
    public Set<String> indicatorKeys() {
        Set<String> keys = new LinkedHashSet<>();
        forEachCondition((path, c) -> {
            if (c.left() instanceof IndicatorRef r) {
                keys.add(r.computationKey());
            }
            if (c.right() instanceof IndicatorRef r) {
                keys.add(r.computationKey());
            }
        });
        return keys;
    }

    /**
     * The complexity score: the sum over conditions of 1 + each indicator's weight + 1 for a
     * cross + 1 per operand on a secondary timeframe, plus 1 per stop-loss, take-profit and
     * max-bars exit. At most {@value #MAX_COMPLEXITY}.
     */
    public int complexity() {
        return complexity(longEntry, shortEntry, longExit, shortExit);
    }

    public ExitRule exit(Side side) {
        return side == Side.LONG ? longExit : shortExit;
    }

    public RuleGroup entry(Side side) {
        return side == Side.LONG ? longEntry : shortEntry;
    }

    private static void checkTimeframes(Timeframe primary, List<Timeframe> secondary) {
        Set<Timeframe> seen = new HashSet<>();
        seen.add(primary);
        for (int i = 0; i < secondary.size(); i++) {
            Timeframe tf = Objects.requireNonNull(secondary.get(i), "secondary timeframe");
            String path = "timeframes.secondary[" + i + "]";
            if (!seen.add(tf)) {
                throw new InvalidStrategyException(path, "'" + tf + "' is listed twice (or is the primary); list each timeframe once");
            }
            if (!tf.isHigherThan(primary)) {
                throw new InvalidStrategyException(path, "'" + tf + "' must be a higher timeframe than the primary '"
                        + primary + "' and a whole multiple of it");
            }
        }
        if (1 + secondary.size() > MAX_TIMEFRAMES) {
            throw new InvalidStrategyException("timeframes.secondary", "a strategy may use at most " + MAX_TIMEFRAMES
                    + " timeframes (primary included), got " + (1 + secondary.size()));
        }
    }

    private static void checkEntry(String path, RuleGroup entry) {
        if (entry != null && entry.conditions().isEmpty()) {
            throw new InvalidStrategyException(path + ".conditions", "an entry needs at least one condition");
        }
    }

    private static void checkLimits(Timeframe primary, List<Timeframe> secondary, RuleGroup longEntry,
                                    RuleGroup shortEntry, ExitRule longExit, ExitRule shortExit) {
        int[] count = {0};
        Set<String> indicators = new LinkedHashSet<>();
        forEachCondition(longEntry, shortEntry, longExit, shortExit, (path, c) -> {
            count[0]++;
            if (count[0] > MAX_CONDITIONS) {
                throw new InvalidStrategyException(path, "a strategy may have at most " + MAX_CONDITIONS
                        + " conditions in all; remove some");
            }
            checkOperand(path, "", c.left(), primary, secondary, indicators);
            checkOperand(path, "operand.", c.right(), primary, secondary, indicators);
        });
        int score = complexity(longEntry, shortEntry, longExit, shortExit);
        if (score > MAX_COMPLEXITY) {
            throw new InvalidStrategyException("", "complexity score " + score + " exceeds " + MAX_COMPLEXITY
                    + "; use fewer conditions, simpler indicators or fewer secondary timeframes");
        }
    }

    private static void checkOperand(String path, String prefix, Operand operand, Timeframe primary,
                                     List<Timeframe> secondary, Set<String> indicators) {
        if (!(operand instanceof IndicatorRef ref)) {
            return;
        }
        Timeframe tf = ref.timeframe();
        if (tf == primary) {
            throw new InvalidStrategyException(path + "." + prefix + "timeframe", "'" + tf
                    + "' is the primary timeframe; leave timeframe out for the primary");
        }
        if (tf != null && !secondary.contains(tf)) {
            throw new InvalidStrategyException(path + "." + prefix + "timeframe", "uses timeframe '" + tf
                    + "' which is not declared in timeframes.secondary; add it there or remove the condition");
        }
        if (indicators.add(ref.computationKey()) && indicators.size() > MAX_INDICATORS) {
            throw new InvalidStrategyException(path + "." + prefix + "indicator", "a strategy may use at most "
                    + MAX_INDICATORS + " distinct indicators (type, params, timeframe), this is the "
                    + indicators.size() + "th: " + ref.computationKey());
        }
    }

    private static int complexity(RuleGroup longEntry, RuleGroup shortEntry, ExitRule longExit, ExitRule shortExit) {
        int score = 0;
        score += longEntry == null ? 0 : longEntry.complexity();
        score += shortEntry == null ? 0 : shortEntry.complexity();
        score += longExit == null ? 0 : longExit.complexity();
        score += shortExit == null ? 0 : shortExit.complexity();
        return score;
    }

    private static void forEachCondition(RuleGroup longEntry, RuleGroup shortEntry, ExitRule longExit,
                                         ExitRule shortExit, BiConsumer<String, Condition> action) {
        visit("entry_rules.long", longEntry, action);
        visit("entry_rules.short", shortEntry, action);
        visit("exit_rules.long", longExit == null ? null : longExit.signal(), action);
        visit("exit_rules.short", shortExit == null ? null : shortExit.signal(), action);
    }

    private static void visit(String path, RuleGroup group, BiConsumer<String, Condition> action) {
        if (group == null) {
            return;
        }
        List<Condition> cs = group.conditions();
        for (int i = 0; i < cs.size(); i++) {
            action.accept(path + ".conditions[" + i + "]", cs.get(i));
        }
    }
}
