package io.esbridge.provisioning;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.esbridge.run.RunCompletion;

/**
 * A run's records are done when the dispatcher has none of them left in its lanes: each has its outcome. Bounded by
 * {@code es.provisioning.run-timeout}, so that a lane stuck for good ends the run's wait with a sentence instead of
 * hanging its source (a file never moving to {@code done}, a sync never ending).
 */
@Component
class DispatcherRunCompletion implements RunCompletion {

    private final CustomerOrderedDispatcher dispatcher;
    private final Duration runTimeout;

    DispatcherRunCompletion(CustomerOrderedDispatcher dispatcher, ProvisioningProperties properties) {
        this.dispatcher = dispatcher;
        this.runTimeout = properties.runTimeout();
    }

    @Override
    public void awaitOutcomes(String runId) {
        // the source closes its run once its input is complete: records still parked for an owner cannot find it now
        dispatcher.inputComplete(runId);
        try {
            if (!dispatcher.awaitRun(runId, runTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("run " + runId + " still has records in provisioning after "
                        + runTimeout + " (es.provisioning.run-timeout)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for run " + runId, e);
        }
    }
}
