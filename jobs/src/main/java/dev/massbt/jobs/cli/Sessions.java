package dev.massbt.jobs.cli;

import dev.massbt.datasets.table.DeltaSessions;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.error.ExternalFailure;
import dev.massbt.jobs.error.JobErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession of a command: under spark-submit (which sets {@code spark.master}) the
 * cluster's, with Delta and UTC added; otherwise the embedded default, {@code local[cores]} on
 * loopback.
 */
final class Sessions {

    /** The environment variable that holds {@code spark.authenticate}'s shared secret. */
    static final String SECRET_ENV = "MASSBT_SPARK_SECRET";

    private Sessions() {
    }

    static SparkSession open(Warehouse warehouse, int cores) {
        if (System.getProperty("spark.master") != null) {
            SparkSession.Builder builder = DeltaSessions.configure(SparkSession.builder(), warehouse).appName("massbt");
            authSecret(System.getProperties(), System.getenv())
                    .ifPresent(secret -> builder.config("spark.authenticate.secret", secret));
            try {
                return builder.getOrCreate();
            } catch (IllegalStateException e) {
                // a standalone master that never accepts the driver stops the context under construction
                ExternalFailure stopped = stoppedByMaster(System.getProperty("spark.master"), e);
                throw stopped != null && String.valueOf(e.getMessage()).contains("stopped SparkContext") ? stopped : e;
            }
        }
        int n = cores > 0 ? cores : Runtime.getRuntime().availableProcessors();
        return DeltaSessions.local(warehouse, n);
    }

    /**
     * The secret to add to a cluster session: with {@code spark.authenticate=true} and neither
     * {@code spark.authenticate.secret} nor a secret file configured, the value of
     * {@value #SECRET_ENV}, which keeps the secret off every command line ({@code ps} shows
     * {@code --conf} values). Without it a standalone master ({@code spark://}) cannot be
     * joined; YARN and Kubernetes generate a secret per application themselves.
     *
     * @throws dev.massbt.strategies.error.UserException when a standalone cluster needs a secret and none is given
     */
    static Optional<String> authSecret(Properties sparkProperties, Map<String, String> env) {
        if (!Boolean.parseBoolean(sparkProperties.getProperty("spark.authenticate", "false"))
                || SECRET_KEYS.stream().anyMatch(k -> sparkProperties.getProperty(k) != null)) {
            return Optional.empty();
        }
        String secret = env.get(SECRET_ENV);
        if (secret != null && !secret.isBlank()) {
            return Optional.of(secret);
        }
        if (sparkProperties.getProperty("spark.master", "").startsWith("spark://")) {
            throw JobErrors.noSecret(SECRET_ENV);
        }
        return Optional.empty();
    }

    /**
     * A failure because the cluster manager stopped the application says so, instead of Spark's
     * "Cannot call methods on a stopped SparkContext": a standalone master that refuses the
     * driver's secret, or is not there, gives up after its registration retries (3 x 20 s) and
     * stops the SparkContext; one that removes the application does the same. Null for another master.
     */
    static ExternalFailure stoppedByMaster(String master, Exception e) {
        if (master == null || !master.startsWith("spark://")) {
            return null;
        }
        return new ExternalFailure("the Spark master " + master + " stopped this application (it did not "
                + "accept the driver's registration, or removed the application). Check that the master is up at "
                + "that address and that " + SECRET_ENV + " holds the cluster's spark.authenticate secret", e);
    }

    private static final List<String> SECRET_KEYS = List.of("spark.authenticate.secret",
            "spark.authenticate.secret.file", "spark.authenticate.secret.driver.file",
            "spark.authenticate.secret.executor.file");
}
