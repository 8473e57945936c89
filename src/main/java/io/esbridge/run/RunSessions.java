package io.esbridge.run;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.esbridge.record.SourceRef;

/**
 * Opens {@link RunSession}s: the one way every source starts a run, so that opening, dry-run, waiting for the outcomes
 * and closing are written once.
 */
@Component
public class RunSessions {

    private static final String DRY_RUN = "es.provisioning.dry-run";

    private final RunStore runs;
    private final RunCompletion completion;
    private final boolean dryRun;

    public RunSessions(RunStore runs, RunCompletion completion, Environment environment) {
        this.runs = runs;
        this.completion = completion;
        // es.provisioning.dry-run is provisioning's setting (ProvisioningProperties), read with the same relaxed
        // binding rather than through that class: provisioning imports this package, not the other way round
        this.dryRun = Binder.get(environment).bind(DRY_RUN, Boolean.class).orElse(false);
    }

    /** Opens a run for a source. */
    public RunSession open(SourceRef.Kind kind, String sourceName) {
        return open(kind, sourceName, null, null);
    }

    /**
     * Opens a run for a source read as text in {@code charset} ({@code charsetFrom} says who chose it: a setting, or
     * detection), which its report names.
     */
    public RunSession open(SourceRef.Kind kind, String sourceName, String charset, String charsetFrom) {
        return new RunSession(runs.open(kind, sourceName, charset, charsetFrom), dryRun, runs, completion);
    }

    /** Whether provisioning only lists its calls ({@code es.provisioning.dry-run}). */
    public boolean dryRun() {
        return dryRun;
    }
}
