package io.esbridge.sync;

import java.time.Instant;

/**
 * What started a sync.
 *
 * @param scheduledFireTime for the schedule: the trigger's fire time, the same on every instance
 */
public record SyncTrigger(Kind kind, Instant scheduledFireTime) {

    public enum Kind {
        SCHEDULE,
        COMMAND,
        HTTP
    }

    public static SyncTrigger onDemand(Kind kind) {
        return new SyncTrigger(kind, null);
    }
}
