package dev.massbt.jobs;

import dev.massbt.jobs.cli.Commands;
import picocli.CommandLine;

/**
 * The one entry point: {@code massbt <command>} through the {@code ./massbt} launcher, or
 * {@code spark-submit --class dev.massbt.jobs.Main massbt-jobs-<version>-all.jar <command>}.
 * Exit codes: 0 success, 1 the job failed, 2 bad arguments or input, 3 ({@code massbt airflow})
 * credentials refused.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = execute(args);
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (tests call this; only main exits). */
    public static int execute(String... args) {
        CommandLine cl = Commands.commandLine();
        return cl.execute(args);
    }

    /**
     * Runs a command line with {@code env} as its environment (the settings {@code massbt airflow}
     * reads), writing to {@code out} and {@code err}; returns its exit code.
     */
    public static int execute(java.util.Map<String, String> env, java.io.PrintWriter out, java.io.PrintWriter err,
                              String... args) {
        CommandLine cl = Commands.commandLine(env);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** Runs a command line writing to {@code out} and {@code err}; returns its exit code. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = Commands.commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }
}
