package io.esbridge.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One run of one source (a file, a push, a sync phase, a replay, the disappeared records of a sync), from its opening
 * to its report: the source hands its records on under {@link #runId()}, says when the rest of its input cannot be read
 * ({@link #inputUnreadable}), and closes it with the number of records it handed on. Closing waits until every one of
 * them has its outcome, so the report it answers is complete, and only then runs what the source asked to happen
 * after (a file's report and rejects beside it). Made by {@link RunSessions}.
 */
public final class RunSession {

    private final String runId;
    private final boolean dryRun;
    private final RunStore runs;
    private final RunCompletion completion;
    private final List<Consumer<RunReport>> afterClose = new ArrayList<>();
    private RunReport report;

    RunSession(String runId, boolean dryRun, RunStore runs, RunCompletion completion) {
        this.runId = runId;
        this.dryRun = dryRun;
        this.runs = runs;
        this.completion = completion;
    }

    public String runId() {
        return runId;
    }

    /** Whether provisioning only lists its calls ({@code es.provisioning.dry-run}): then no state may change. */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * The rest of the input cannot be read ({@code source} says from where, {@code reason} why): it counts as one more
     * record, failed, so that the report shows it; the caller counts it in what it closes the run with.
     */
    public void inputUnreadable(String source, String reason) {
        runs.inputUnreadable(runId, source, reason);
    }

    /** What to do with the report once the run is closed (e.g. write it beside the file); in the order given. */
    public RunSession afterClose(Consumer<RunReport> step) {
        afterClose.add(step);
        return this;
    }

    /**
     * Every record of the run has been handed on (to provisioning or to the rejects): there were {@code records}.
     * Waits until each has its outcome, closes the run and answers its report, complete. A second close answers the
     * first one's report: the run has one end.
     */
    public synchronized RunReport close(long records) {
        if (report == null) {
            completion.awaitOutcomes(runId);
            report = runs.inputComplete(runId, records);
            afterClose.forEach(step -> step.accept(report));
        }
        return report;
    }
}
