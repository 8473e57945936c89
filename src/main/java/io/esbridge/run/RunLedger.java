package io.esbridge.run;

import io.esbridge.record.SourceRef;

/**
 * Opens runs (one file, one push, one sync execution) and learns how many records each brought in, so that its report
 * can prove {@code in = created + updated + unchanged + failed}.
 */
public interface RunLedger {

    /** Opens a run for a source and answers its id. */
    default String open(SourceRef.Kind kind, String sourceName) {
        return open(kind, sourceName, null, null);
    }

    /**
     * Opens a run for a source read as text in {@code charset} ({@code charsetFrom} says who chose it: a setting, or
     * detection), which its report names, and answers its id.
     */
    String open(SourceRef.Kind kind, String sourceName, String charset, String charsetFrom);

    /**
     * Every record of the run has been read and handed on (to provisioning or to the rejects): there were
     * {@code records}. Answers the run's report, complete.
     */
    RunReport inputComplete(String runId, long records);

    /**
     * The rest of the run's input cannot be read ({@code source} says from where, {@code reason} why): it counts as
     * one more record, failed, so that the report shows it; the records read before it keep their outcomes.
     */
    void inputUnreadable(String runId, String source, String reason);
}
