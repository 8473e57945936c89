package io.esbridge.deadletter;

import io.esbridge.record.RecordEnvelope;

/**
 * Where a replayed envelope goes: provisioning's intake ({@code direct:provision}). An interface owned here and
 * implemented by {@code provisioning}, because provisioning itself uses the dead-letter store (a success resolves the
 * record's dead letter): were the replay to name provisioning's route class, the two packages would import each other.
 */
@FunctionalInterface
public interface ReplayIntake {

    /** Hands the envelope over; returns once provisioning has taken it (it may still be waiting for its lane). */
    void submit(RecordEnvelope envelope);
}
