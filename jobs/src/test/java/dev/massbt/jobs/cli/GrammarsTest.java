package dev.massbt.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.validate.SymbolName;
import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.table.Locations;
import dev.massbt.strategies.metrics.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Airflow DAGs and the notebooks are deployed without massbt's jar, so they hold copies of
 * its grammars and lists; each copy must equal its one definition in Java.
 */
class GrammarsTest {

    private static final Path DAGS = Path.of("../airflow/dags/massbt_dags/common.py");
    private static final Path NOTEBOOKS = Path.of("../notebooks/massbt_nb.py");

    @Test
    void theDagsUseMassbtsRunIdSymbolFormatAndMetricDefinitions() throws IOException {
        String py = Files.readString(DAGS);
        assertThat(regex(py, "RUN_ID")).isEqualTo(RunId.PATTERN);
        assertThat(regex(py, "_NOT_RUN_ID")).isEqualTo("[^" + RunId.CHARS + "]");
        assertThat(regex(py, "SYMBOL")).isEqualTo(SymbolName.PATTERN);
        assertThat(tuple(py, "FORMATS")).isEqualTo(IngestCommand.FORMATS);
        assertThat(tuple(py, "METRICS")).isEqualTo(columns(Metric.rankableMetrics()));
        assertThat(tuple(py, "FITNESS_METRICS")).isEqualTo(columns(Metric.fitnessMetrics()));
    }

    @Test
    void theNotebooksUseMassbtsRunIdAndLocationGrammars() throws IOException {
        String py = Files.readString(NOTEBOOKS);
        assertThat(regex(py, "RUN_ID")).isEqualTo(RunId.PATTERN);
        assertThat(regex(py, "SCHEME")).isEqualTo(Locations.SCHEME_PATTERN);
        assertThat(tuple(py, "SCHEMES")).isEqualTo(Locations.SCHEMES);
    }

    @Test
    void theGrammarsMeanWhatTheySay() {
        assertThat(Pattern.matches(RunId.PATTERN, "scheduled__2026-11-21T00:00:00+00:00")).isTrue();
        assertThat(Pattern.matches(RunId.PATTERN, "x'; drop")).isFalse();
        assertThat(SymbolName.valid("BRK.B")).isTrue();
        assertThat(SymbolName.valid("btcusd")).isFalse();
        assertThat(Locations.scheme("s3a://bucket/x")).contains("s3a");
        assertThat(Locations.isUri("C:\\data\\x.csv")).as("a Windows drive is not a scheme").isFalse();
        assertThat(Locations.accepted()).isEqualTo("file:, hdfs: or s3a:");
    }

    /** The pattern of {@code NAME = re.compile(r"...")}. */
    private static String regex(String py, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " = re\\.compile\\(r\"([^\"]*)\"\\)").matcher(py);
        assertThat(m.find()).as("%s = re.compile(r\"...\") in the Python file", name).isTrue();
        return m.group(1);
    }

    /** The strings of {@code NAME = ("a", "b", ...)}, which may span lines. */
    private static List<String> tuple(String py, String name) {
        Matcher m = Pattern.compile("(?ms)^" + Pattern.quote(name) + " = \\((.*?)\\)").matcher(py);
        assertThat(m.find()).as("%s = (...) in the Python file", name).isTrue();
        return Arrays.stream(m.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.substring(1, s.length() - 1)).toList();
    }

    private static List<String> columns(List<Metric> metrics) {
        return metrics.stream().map(Metric::column).toList();
    }
}
