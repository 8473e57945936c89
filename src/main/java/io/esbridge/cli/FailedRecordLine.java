package io.esbridge.cli;

import io.esbridge.deadletter.DeadLetter;
import io.esbridge.run.RecordOutcome;

/**
 * A failed record as one plain line, the same wherever it is shown (standard error after a run, {@code status}):
 * {@code customers.csv line 27 (CUSTOMER C0025): Username 'web/admin' contains '/' …}. Its place comes from the
 * source, type and key kept beside the message, which says only what is wrong; values in it are already masked when
 * they are secrets.
 */
final class FailedRecordLine {

    private FailedRecordLine() {}

    static String of(RecordOutcome failed) {
        return of(
                failed.source(),
                failed.type() == null ? null : failed.type().name(),
                failed.billingKey(),
                failed.message());
    }

    static String of(DeadLetter failed) {
        return of(failed.source(), failed.recordType(), failed.billingKey(), failed.message());
    }

    static String of(String source, String type, String billingKey, String message) {
        StringBuilder line = new StringBuilder(source);
        if (billingKey != null) {
            line.append(" (")
                    .append(type == null ? "" : type + " ")
                    .append(billingKey)
                    .append(')');
        }
        // a message of several lines (a server's fault text) stays one line, so that each line is one record
        return line.append(": ")
                .append(message == null ? "failed" : message.replaceAll("\\s*\\R\\s*", " "))
                .toString();
    }
}
