package io.esbridge.sync;

/**
 * The billing database could not be opened: its message is the one sentence that names the setting to change. Only
 * what reads billing fails with it (a sync, the schedule's run, the billing health component), never the start.
 */
public class BillingSourceUnavailableException extends RuntimeException {

    /**
     * @param failure what went wrong underneath, kept for the log's stack trace. It is attached as suppressed, not as
     *                the cause: the command line prints the innermost cause's message, which would then be the
     *                driver's ("Connection refused") instead of this sentence saying which setting to look at.
     */
    BillingSourceUnavailableException(String message, Throwable failure) {
        super(message);
        if (failure != null) {
            addSuppressed(failure);
        }
    }
}
