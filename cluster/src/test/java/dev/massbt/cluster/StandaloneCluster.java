package dev.massbt.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on loopback, driven through the scripts in {@code cluster/}
 * exactly as a user runs them: start.sh, submit.sh, kill-executor.sh, stop.sh. Each instance
 * has a fresh random {@code spark.authenticate} secret, passed to the scripts only through the
 * environment.
 */
final class StandaloneCluster implements AutoCloseable {

    /** A finished spark-submit: massbt's exit code and everything it printed. */
    record Submitted(int exitCode, String output) {
    }

    private final Path repo;
    private final Path runDir;
    private final String secret;
    private final AtomicInteger submits = new AtomicInteger();

    private StandaloneCluster(Path repo, Path runDir) {
        this.repo = repo;
        this.runDir = runDir;
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.secret = HexFormat.of().formatHex(bytes);
    }

    /** Starts {@code workers} workers of one core and 1 GB each; returns once all registered. */
    static StandaloneCluster start(Path repo, Path runDir, int workers) {
        StandaloneCluster c = new StandaloneCluster(repo, runDir);
        Submitted r = c.run(List.of(c.script("start.sh"), "--workers", Integer.toString(workers), "--cores", "1",
                "--memory", "1g", "--run-dir", runDir.toString()), runDir.resolve("start.out"), 300);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("cluster/start.sh failed (exit " + r.exitCode() + "):\n" + r.output());
        }
        return c;
    }

    Path runDir() {
        return runDir;
    }

    /** massbt {@code args} through submit.sh, with extra spark-submit options before them. */
    Submitted submit(List<String> sparkOptions, List<String> args) {
        Path out = runDir.resolve("submit-" + submits.incrementAndGet() + ".out");
        return run(submitCommand(sparkOptions, args), out, 900);
    }

    Submitted submit(String... args) {
        return submit(List.of(), List.of(args));
    }

    /** Starts a submit without waiting; its output goes to {@code out}. */
    Process submitAsync(List<String> sparkOptions, List<String> args, Path out) {
        return submitAsync(secret, sparkOptions, args, out);
    }

    /** Starts a submit whose driver holds {@code driverSecret} instead of the cluster's. */
    Process submitAsync(String driverSecret, List<String> sparkOptions, List<String> args, Path out) {
        try {
            return builder(submitCommand(sparkOptions, args), out, driverSecret).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The master's state page ({@code /json/}: workers, active and completed applications). */
    String masterState() throws IOException {
        String env = read(runDir.resolve("cluster.env"));
        Matcher m = Pattern.compile("MASTER_WEBUI='([^']+)'").matcher(env);
        if (!m.find()) {
            throw new IllegalStateException("no MASTER_WEBUI in " + runDir.resolve("cluster.env"));
        }
        return get(m.group(1) + "/json/");
    }

    /** The body of an HTTP GET of a loopback status page (the master's, a driver's REST API). */
    static String get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(5000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    /** SIGKILLs the executor JVM(s) of worker {@code worker}; returns their pids. */
    List<Long> killExecutor(int worker) {
        Submitted r = run(List.of(script("kill-executor.sh"), "--run-dir", runDir.toString(),
                Integer.toString(worker)), runDir.resolve("kill-" + worker + ".out"), 60);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("kill-executor.sh " + worker + " failed: " + r.output());
        }
        List<Long> pids = new ArrayList<>();
        for (String s : r.output().trim().split("\\s+")) {
            pids.add(Long.parseLong(s));
        }
        return pids;
    }

    /** Text of a file under the run dir, or "" when it does not exist. */
    String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Submitted r = run(List.of(script("stop.sh"), "--run-dir", runDir.toString()), runDir.resolve("stop.out"), 120);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("cluster/stop.sh failed: " + r.output());
        }
    }

    private List<String> submitCommand(List<String> sparkOptions, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(script("submit.sh"), "--run-dir", runDir.toString()));
        cmd.addAll(sparkOptions);
        cmd.add("--");
        cmd.addAll(args);
        return cmd;
    }

    private String script(String name) {
        return repo.resolve("cluster").resolve(name).toString();
    }

    private ProcessBuilder builder(List<String> command, Path out) {
        return builder(command, out, secret);
    }

    private ProcessBuilder builder(List<String> command, Path out, String secretToUse) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        Map<String, String> env = pb.environment();
        env.put("MASSBT_SPARK_SECRET", secretToUse);
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("MASSBT_DRIVER_MEMORY", "1g");
        return pb;
    }

    private Submitted run(List<String> command, Path out, long timeoutSeconds) {
        try {
            Files.createDirectories(runDir);
            Process p = builder(command, out).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + timeoutSeconds + " s; output:\n"
                        + read(out));
            }
            return new Submitted(p.exitValue(), read(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
