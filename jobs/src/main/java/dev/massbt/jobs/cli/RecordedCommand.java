package dev.massbt.jobs.cli;

import picocli.CommandLine.Option;

/** A command that is a job run: it has a run id and a row in the {@code runs} table. */
abstract class RecordedCommand extends JobCommand {

    @Option(names = "--run-id", paramLabel = "ID", description = "Id of this run (default: a new one); re-running "
            + "an id replaces that run's rows and nothing else.")
    String runId;

    @Override
    final String runIdOption() {
        return runId;
    }

    @Override
    final boolean recorded() {
        return true;
    }
}
