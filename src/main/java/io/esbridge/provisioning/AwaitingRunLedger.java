package io.esbridge.provisioning;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import io.esbridge.record.SourceRef;
import io.esbridge.run.RunCompletion;
import io.esbridge.run.RunLedger;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;

/**
 * The run ledger sources use. A source is done reading long before provisioning is done (records wait in the
 * dispatcher's lanes), so closing a run waits until every record handed over has an outcome: only then is the report
 * complete, and only then may a file move to {@code done}.
 */
@Primary
@Component
class AwaitingRunLedger implements RunLedger {

    private final RunStore runs;
    private final RunCompletion completion;

    AwaitingRunLedger(RunStore runs, RunCompletion completion) {
        this.runs = runs;
        this.completion = completion;
    }

    @Override
    public String open(SourceRef.Kind kind, String sourceName, String charset, String charsetFrom) {
        return runs.open(kind, sourceName, charset, charsetFrom);
    }

    @Override
    public RunReport inputComplete(String runId, long records) {
        completion.awaitOutcomes(runId);
        return runs.inputComplete(runId, records);
    }

    @Override
    public void inputUnreadable(String runId, String source, String reason) {
        runs.inputUnreadable(runId, source, reason);
    }
}
