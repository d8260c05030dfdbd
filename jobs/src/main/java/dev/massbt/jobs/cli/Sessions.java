package dev.massbt.jobs.cli;

import dev.massbt.datasets.table.DeltaSessions;
import dev.massbt.datasets.table.Warehouse;
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
            return builder.getOrCreate();
        }
        int n = cores > 0 ? cores : Runtime.getRuntime().availableProcessors();
        return DeltaSessions.local(warehouse, n);
    }

    /**
     * The secret to add to a cluster session: with {@code spark.authenticate=true} and no
     * {@code spark.authenticate.secret} configured, the value of {@value #SECRET_ENV}, which keeps
     * the secret off every command line ({@code ps} shows {@code --conf} values).
     *
     * @throws IllegalArgumentException when authentication is on and no secret is given either way
     */
    static Optional<String> authSecret(Properties sparkProperties, Map<String, String> env) {
        if (!Boolean.parseBoolean(sparkProperties.getProperty("spark.authenticate", "false"))
                || sparkProperties.getProperty("spark.authenticate.secret") != null) {
            return Optional.empty();
        }
        String secret = env.get(SECRET_ENV);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("spark.authenticate is true but no secret is given: set " + SECRET_ENV
                    + " to the cluster's shared secret (the same value the master and workers were started with)");
        }
        return Optional.of(secret);
    }
}
