package io.esbridge.sync;

/** What a reconciliation does with a customer or subscription that was synced before and is no longer in billing. */
public enum DisappearedPolicy {
    /** Lists it in the sync's result and log; touches nothing on the server. */
    REPORT,
    /** Suspends the user or hosting space. */
    SUSPEND,
    /** Cancels the user or hosting space (nothing is deleted). */
    CANCEL
}
