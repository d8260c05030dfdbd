package dev.massbt.jobs.cli;

import dev.massbt.jobs.airflow.AirflowException;
import dev.massbt.jobs.error.ExternalFailure;
import dev.massbt.jobs.runs.RunRecorder;
import dev.massbt.strategies.error.UserException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code massbt} command line: sub-commands, error handling and exit codes. */
@Command(name = "massbt", mixinStandardHelpOptions = true, versionProvider = Commands.Version.class,
        description = "Mass backtesting of trading strategies on Apache Spark, results in Delta Lake tables.",
        subcommands = {IngestCommand.class, SynthCommand.class, DatasetsCommand.class, GenerateCommand.class,
            BacktestCommand.class, OptimizeCommand.class, EvolveCommand.class, RankCommand.class, RunsCommand.class,
            DemoCommand.class, BenchCommand.class, AirflowCommand.class,
            CommandLine.HelpCommand.class})
public final class Commands implements Runnable {

    /** Exit code of bad arguments or bad input, a {@link UserException} (picocli's usage code). */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code of a job that failed for another reason: a bug, or a system massbt uses failed. */
    public static final int FAILED = CommandLine.ExitCode.SOFTWARE;
    /** Exit code of {@code massbt airflow} when Airflow refused the credentials. */
    public static final int AUTH = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line, with {@code env} as the environment the commands read their settings from. */
    public static CommandLine commandLine(java.util.Map<String, String> env) {
        java.util.Objects.requireNonNull(env, "env");
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == AirflowCommand.class ? cls.cast(new AirflowCommand(env)) : defaults.create(cls);
            }
        };
        CommandLine cl = new CommandLine(new Commands(), factory);
        cl.setParameterExceptionHandler(Commands::badArguments);
        cl.setExecutionExceptionHandler(Commands::failed);
        return cl;
    }

    /** One line, the command's name and what is wrong, and where help is: exit 2. */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see "
                + cl.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return USAGE;
    }

    /**
     * How a command that failed while running ends, one message each:
     * <ul>
     *   <li>the user's input was wrong (a {@link UserException} anywhere in the cause chain: bad
     *       options, files, strategies, run ids): its message, exit 2;</li>
     *   <li>an Airflow call: its kind's code (2 unknown DAG/run/task, 3 credentials refused, 1
     *       unavailable);</li>
     *   <li>a system massbt uses failed ({@link ExternalFailure}, or I/O): its message, exit 1;</li>
     *   <li>anything else is a bug in massbt: "this is a bug", exit 1.</li>
     * </ul>
     * The stack trace follows with {@code MASSBT_STACKTRACE=1}.
     */
    private static int failed(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        if (e instanceof JobCommand.RunInterrupted) {
            return FAILED; // the shutdown hook has said it in one line and recorded the run
        }
        if (e instanceof AirflowException a) {
            err.println(name + ": " + a.getMessage());
            err.flush();
            return a.exitCode();
        }
        UserException user = UserException.in(e);
        if (user != null) {
            err.println(name + ": " + user.getMessage());
            err.flush();
            return USAGE;
        }
        boolean external = e instanceof ExternalFailure || e instanceof UncheckedIOException;
        err.println(name + " failed: " + (external ? "" : "this is a bug in massbt: ") + rootMessage(e));
        // the launcher sets the property; under spark-submit the variable arrives as it is
        if (Boolean.getBoolean("massbt.stacktrace") || "1".equals(System.getenv("MASSBT_STACKTRACE"))) {
            e.printStackTrace(err);
        } else {
            err.println(external ? "(run with MASSBT_STACKTRACE=1 for the stack trace)"
                    : "(please report it with the output of the same command run with MASSBT_STACKTRACE=1)");
        }
        err.flush();
        return FAILED;
    }

    private static String rootMessage(Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : e.toString();
        Throwable cause = e.getCause();
        if (cause == null || cause == e || cause.getMessage() == null || m.contains(cause.getMessage())) {
            return m;
        }
        // the cause's first line: Spark's own messages go on with call sites
        return m + " (cause: " + cause.getMessage().lines().findFirst().orElse("").strip() + ")";
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"massbt " + RunRecorder.codeVersion()};
        }
    }
}
