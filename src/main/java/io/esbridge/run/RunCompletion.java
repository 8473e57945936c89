package io.esbridge.run;

/**
 * Waits until every record handed over in a run has its outcome. A source is done reading long before provisioning is
 * done (records wait in the dispatcher's lanes), so a run closed without this wait would report fewer outcomes than
 * records and a file would move to {@code done} half imported. Owned here and implemented by {@code provisioning}
 * (its dispatcher knows what is in flight): {@code run} is below {@code provisioning}, so it may not name it.
 */
@FunctionalInterface
public interface RunCompletion {

    /**
     * Returns once the run has no record left in provisioning.
     *
     * @throws IllegalStateException when the run still has records in provisioning after the configured time
     */
    void awaitOutcomes(String runId);
}
