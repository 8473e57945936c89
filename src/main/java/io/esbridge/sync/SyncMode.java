package io.esbridge.sync;

/** What a sync reads. */
public enum SyncMode {
    /** Only the rows changed since the last watermark. */
    INCREMENTAL,
    /** Every row, and the customers and subscriptions that are no longer in billing. */
    RECONCILE
}
