package dev.massbt.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.runs.RunRecorder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A run whose process is stopped (SIGTERM, as a scheduler or Ctrl-C sends) ends recorded FAILED
 * as interrupted, with one line saying so and no stack trace: a real child JVM, a real signal.
 */
class InterruptedRunTest {

    @Test
    void sigtermMarksTheRunFailedInterrupted_inOneLine() throws Exception {
        Warehouse w = SharedSpark.freshWarehouse("interrupted");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-XX:+Ignore"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.massbt.jobs.Main", "synth",
                "--symbols", "200", "--days", "300", "--seed", "3", "--run-id", "int-1", "--warehouse", w.root()));
        Path out = Path.of("target", "interrupted-child.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.readString(out).contains("runs: run int-1 written") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(p.isAlive()).as("still working when stopped: %s", Files.readString(out)).isTrue();
            int before = Files.readAllLines(out).size();
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the process ended").isTrue();
            List<String> lines = Files.readAllLines(out);
            List<String> after = lines.subList(before, lines.size());
            assertThat(after).filteredOn(l -> l.contains("interrupted; run int-1 is recorded FAILED")).hasSize(1);
            assertThat(after).as("no stack trace").noneMatch(l -> l.startsWith("\tat ") || l.contains("INTERNAL_ERROR"));
        } finally {
            p.destroyForcibly();
        }
        Row row = SharedSpark.session().read().format("delta").load(w.path("runs"))
                .where(col("run_id").equalTo("int-1")).first();
        assertThat(row.<String>getAs("status")).isEqualTo(RunRecorder.FAILED);
        assertThat(row.<String>getAs("error")).isEqualTo(RunRecorder.INTERRUPTED);
        assertThat(row.<Object>getAs("finished_at")).isNotNull();
    }
}
