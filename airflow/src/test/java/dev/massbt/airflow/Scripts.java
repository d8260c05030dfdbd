package dev.massbt.airflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the airflow/ scripts as a user would, output to a log file under the run dir, with a timeout. */
final class Scripts {

    record Result(int code, String output, double seconds) {
    }

    private final Path repo;
    private final Path runDir;

    Scripts(Path repo, Path runDir) {
        this.repo = repo;
        this.runDir = runDir;
    }

    Path runDir() {
        return runDir;
    }

    /** {@code airflow/<script> args...} with {@code env} added to this process's environment. */
    Result run(String script, Map<String, String> env, long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add(repo.resolve("airflow").resolve(script).toString());
        command.addAll(List.of(args));
        Path out = runDir.resolve(script.replace(".sh", "") + "-" + System.nanoTime() + ".log");
        try {
            Files.createDirectories(runDir);
            ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException(script + " did not finish in " + timeoutSeconds + " s; output:\n"
                        + tail(Files.readString(out, StandardCharsets.UTF_8)));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last 200 lines: enough to see why a script failed without flooding the report. */
    static String tail(String s) {
        List<String> lines = s.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size()));
    }
}
