package dev.massbt.jobs.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.backtest.StrategySet;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The {@code strategies} table and the run's {@code strategy_sets}: store strategies once by id,
 * and read back a run's set or a filtered selection in a stable order.
 */
public final class StrategyStore {

    private final SparkSession spark;
    private final RunWrites writes;

    public StrategyStore(SparkSession spark, RunWrites writes) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.writes = Objects.requireNonNull(writes, "writes");
    }

    /** What storing a list did. */
    public record Stored(int given, int distinct, long inserted, long strategiesVersion, long setsVersion) {
    }

    /**
     * Inserts the strategies not in the table yet (first occurrence of an id wins) and records
     * the distinct list, in order, as run {@code run}'s set.
     */
    public Stored store(RunId run, List<StoredStrategy> strategies) {
        Map<String, StoredStrategy> distinct = new LinkedHashMap<>();
        strategies.forEach(s -> distinct.putIfAbsent(s.id(), s));
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> rows = new ArrayList<>();
        List<Row> set = new ArrayList<>();
        int ordinal = 0;
        for (StoredStrategy s : distinct.values()) {
            rows.add(RowFactory.create(s.id(), s.name(), s.json(), s.origin(), s.source(), s.generation(),
                    CollectionConverters.asScala(s.parents()).toSeq(), s.complexity(), run.value(), now));
            set.add(RowFactory.create(run.value(), ordinal++, s.id()));
        }
        RunWrites.Written w = writes.insertNew(RunTable.STRATEGIES,
                spark.createDataFrame(rows, RunTable.STRATEGIES.schema()));
        long setsVersion = writes.replaceRun(RunTable.STRATEGY_SETS, run, set);
        return new Stored(strategies.size(), distinct.size(), w.inserted(), w.version(), setsVersion);
    }

    /** Records {@code set} (strategies already stored) as run {@code run}'s set; returns the table version. */
    public long recordSet(RunId run, StrategySet set) {
        List<Row> rows = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            rows.add(RowFactory.create(run.value(), i, set.id(i)));
        }
        return writes.replaceRun(RunTable.STRATEGY_SETS, run, rows);
    }

    /** The strategies of run {@code run}'s set, in its order. */
    public StrategySet ofRun(RunId run) {
        requireTables();
        Dataset<Row> sets = table(RunTable.STRATEGY_SETS).where(col("run_id").equalTo(lit(run.value())));
        List<Row> rows = sets.join(table(RunTable.STRATEGIES), "strategy_id").orderBy("ordinal")
                .select("strategy_id", "json").collectAsList();
        if (rows.isEmpty()) {
            throw JobErrors.runWithoutStrategies(run.value(), writes.path(RunTable.STRATEGY_SETS));
        }
        return toSet(rows);
    }

    /** Stored strategies matching the filter (origin may be null), by id order, at most {@code limit}. */
    public StrategySet select(String origin, Integer maxComplexity, int limit) {
        requireTables();
        Column where = lit(true);
        if (origin != null) {
            where = where.and(col("origin").equalTo(lit(origin)));
        }
        if (maxComplexity != null) {
            where = where.and(col("complexity").leq(lit(maxComplexity)));
        }
        List<Row> rows = table(RunTable.STRATEGIES).where(where).orderBy("strategy_id").limit(limit)
                .select("strategy_id", "json").collectAsList();
        if (rows.isEmpty()) {
            throw JobErrors.noStrategyMatches(origin, maxComplexity);
        }
        return toSet(rows);
    }

    private void requireTables() {
        if (!writes.exists(RunTable.STRATEGIES)) {
            throw JobErrors.noStoredStrategies(writes.warehouse().toString());
        }
        writes.create(RunTable.STRATEGY_SETS);
    }

    private Dataset<Row> table(RunTable t) {
        return spark.read().format("delta").load(writes.path(t));
    }

    private static StrategySet toSet(List<Row> rows) {
        List<String> ids = new ArrayList<>(rows.size());
        List<String> json = new ArrayList<>(rows.size());
        for (Row r : rows) {
            ids.add(r.getString(0));
            json.add(r.getString(1));
        }
        return new StrategySet(ids, json);
    }

    /** The set of {@code strategies} in order, without storing them. */
    public static StrategySet setOf(List<StoredStrategy> strategies) {
        Map<String, StoredStrategy> distinct = new LinkedHashMap<>();
        strategies.forEach(s -> distinct.putIfAbsent(s.id(), s));
        return new StrategySet(distinct.values().stream().map(StoredStrategy::id).toList(),
                distinct.values().stream().map(StoredStrategy::json).toList());
    }
}
