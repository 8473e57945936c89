package io.esbridge.sync;

import java.util.List;

import io.esbridge.run.RunReport;

/**
 * What one sync execution did.
 *
 * @param dryRun        a dry run: the calls were only listed, and the sync state (watermarks, synced keys,
 *                      disappeared records) was left as it was
 * @param replays       the reports of the replays of earlier syncs' failed records
 * @param phases        one report per phase, in order
 * @param dependencyReplays the passes that replayed, after the phases, their records that had failed for a record
 *                      they depend on (a customer before its reseller, its subscriptions then): see
 *                      {@code ReplayService.replayDependencies}
 * @param statusChanges the report of the run that suspended or cancelled records no longer in billing, or null (none
 *                      found, es.sync.disappeared=REPORT, or no reconciliation)
 * @param disappeared   the customers and subscriptions no longer in billing (reconciliation only)
 * @param problems      why a phase's watermark did not move, or why the sync stopped
 */
public record SyncResult(
        String executionId,
        SyncMode mode,
        boolean dryRun,
        List<RunReport> replays,
        List<RunReport> phases,
        List<RunReport> dependencyReplays,
        RunReport statusChanges,
        List<Disappeared> disappeared,
        List<String> problems) {

    /**
     * The records still failed at the end: a dependency pass replays records that had failed before, so its records
     * replace their earlier failures by its outcomes.
     */
    public long failed() {
        return replays.stream().mapToLong(RunReport::failed).sum()
                + phases.stream().mapToLong(RunReport::failed).sum()
                + dependencyReplays.stream().mapToLong(r -> r.failed() - r.in()).sum()
                + (statusChanges == null ? 0 : statusChanges.failed());
    }

    public boolean complete() {
        return problems.isEmpty();
    }

    /** Lines for the log and the command line. */
    public String summary() {
        StringBuilder text =
                new StringBuilder("sync " + executionId + " (" + mode.name().toLowerCase()
                        + (dryRun
                                ? ", dry run: no write call made; watermarks, synced keys and disappeared records left as they were"
                                : "")
                        + ")");
        replays.forEach(r -> text.append("\n  retry  ").append(r.summary()));
        phases.forEach(r -> text.append("\n  phase  ").append(r.summary()));
        dependencyReplays.forEach(r -> text.append("\n  after  ").append(r.summary()));
        if (statusChanges != null) {
            text.append("\n  status ").append(statusChanges.summary());
        }
        disappeared.forEach(d -> text.append("\n  gone   ")
                .append(d.type())
                .append(' ')
                .append(d.billingKey())
                .append(": ")
                .append(d.action())
                .append(d.message() == null ? "" : " (" + d.message() + ")"));
        problems.forEach(p -> text.append("\n  PROBLEM ").append(p));
        return text.toString();
    }
}
