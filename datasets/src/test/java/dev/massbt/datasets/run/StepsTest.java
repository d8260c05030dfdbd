package dev.massbt.datasets.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.SharedSpark;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** A run's steps label their Spark jobs, nest, and leave the session's labels as they found them. */
class StepsTest {

    @Test
    void aStepsJobsCarryItsGroupAndDescriptionAndNestedStepsRestoreTheOuterOnes() {
        SparkSession spark = SharedSpark.session();
        SparkContext sc = spark.sparkContext();
        Steps steps = Steps.of(sc, "backtest", "bt-steps");
        long n = steps.run("outer", "count a range", () -> {
            long inner = steps.run("inner", "count another", () -> {
                assertThat(sc.getLocalProperty("spark.job.description")).isEqualTo("massbt backtest bt-steps: count another");
                return spark.range(7).count();
            });
            assertThat(sc.getLocalProperty("spark.jobGroup.id")).isEqualTo("bt-steps-outer");
            assertThat(sc.getLocalProperty("spark.job.description")).isEqualTo("massbt backtest bt-steps: count a range");
            return inner + spark.range(3).count();
        });
        assertThat(n).isEqualTo(10);
        assertThat(sc.statusTracker().getJobIdsForGroup("bt-steps-inner")).isNotEmpty();
        assertThat(sc.statusTracker().getJobIdsForGroup("bt-steps-outer")).isNotEmpty();
        assertThat(sc.getLocalProperty("spark.jobGroup.id")).isNull();
        assertThat(sc.getLocalProperty("spark.job.description")).isNull();
        assertThatThrownBy(() -> steps.group("Bad Key")).hasMessageContaining("[a-z]+");
    }
}
