package dev.massbt.jobs.evolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.ingest.SyntheticIngest;
import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Evolution on Spark: tables written, and a killed-and-resumed run ends exactly like an uninterrupted one. */
class EvolveTest {

    private static SparkSession spark;
    private static RunWrites writes;
    private static final DatasetRef.Synthetic MARKET = new DatasetRef.Synthetic(1, 8, 21);
    private static final EvolveConfig CONFIG = new EvolveConfig(12, 4, 99, 3, 0.8, 0.1, 1, 0.6,
            new FitnessSpec("sharpe", 0.0, 1), 3);

    @BeforeAll
    static void setUp() {
        spark = SharedSpark.session();
        Warehouse w = SharedSpark.freshWarehouse("evolve");
        writes = new RunWrites(spark, w);
        SyntheticIngest.on(spark).warehouse(w).dataset(MARKET).execute();
    }

    private static EvolveAction action(String run) {
        return EvolveAction.on(spark, writes, RunId.of(run)).config(CONFIG).symbols(MARKET.symbolNames())
                .split(new Split.Fraction(0.7));
    }

    private static Dataset<Row> table(RunTable t, String run) {
        return spark.read().format("delta").load(writes.path(t)).where(col("run_id").equalTo(lit(run)));
    }

    @Test
    void resumedRunEndsWithTheSamePopulationAsAnUninterruptedOne() {
        EvolveResult whole = action("evo-whole").execute();
        assertThat(whole.generations()).isEqualTo(4);
        assertThat(whole.history()).hasSize(4);
        assertThat(whole.finalIds()).hasSize(12);

        EvolveResult part = action("evo-part").stopAfter(2).execute();
        assertThat(part.generations()).isEqualTo(2);
        assertThat(part.leaderboard()).isNull();
        EvolveResult resumed = action("evo-part").resume().execute();
        assertThat(resumed.resumedFrom()).isEqualTo(2);
        assertThat(resumed.finalIds()).isEqualTo(whole.finalIds());
        assertThat(resumed.finalFitness()).isEqualTo(whole.finalFitness());

        // every generation's population is in the evolution table, 12 individuals each
        Dataset<Row> evo = table(RunTable.EVOLUTION, "evo-whole");
        assertThat(evo.where(col("member")).count()).isEqualTo(4 * 12);
        assertThat(evo.select("generation").distinct().count()).isEqualTo(4);
        assertThat(table(RunTable.EVOLUTION, "evo-part").where(col("member")).count()).isEqualTo(4 * 12);
        // and every strategy evaluated, kept or not, once
        assertThat(evo.where(org.apache.spark.sql.functions.not(col("member"))).count()
                + evo.where(col("member")).select("strategy_id").distinct().count())
                .isGreaterThanOrEqualTo(whole.evaluations());
        assertThat(evo.select("strategy_id").distinct().count()).isEqualTo(whole.evaluations());
        // offspring carry their parents' ids
        assertThat(evo.where(org.apache.spark.sql.functions.size(col("parents")).gt(0)).count()).isPositive();

        // every evaluated strategy is a trial: in-sample results and returns; the best 3 out of sample too
        long trials = whole.evaluations();
        assertThat(table(RunTable.RESULTS, "evo-whole").where(col("segment").equalTo(lit(Split.IN_SAMPLE))).count())
                .isEqualTo(trials);
        assertThat(table(RunTable.RETURNS, "evo-whole").count()).isEqualTo(trials + 3);
        assertThat(table(RunTable.RESULTS, "evo-whole").where(col("segment").equalTo(lit(Split.OUT_OF_SAMPLE)))
                .count()).isEqualTo(3);
        assertThat(table(RunTable.STRATEGY_SETS, "evo-whole").count()).isEqualTo(trials);
        assertThat(table(RunTable.RESULTS, "evo-part").count()).isEqualTo(trials + 3);
        // the leaderboard holds the best 3, ranked in-sample with the out-of-sample figures beside
        List<Row> board = table(RunTable.LEADERBOARD, "evo-whole").orderBy("rank").collectAsList();
        assertThat(board).hasSize(3);
        assertThat(board).allSatisfy(r -> assertThat(r.isNullAt(r.fieldIndex("oos_sharpe"))).isFalse());
        assertThat(whole.leaderboard().entries().get(0).isSharpe())
                .isEqualTo(whole.finalFitness().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }
}
