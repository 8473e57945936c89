package io.esbridge.check;

import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;

/**
 * One thing the pre-flight check found in one record. It names the record (source, type, billing key), the field and
 * the reason, never the row: a row may hold a password.
 */
public record Finding(
        FindingKind kind, SourceRef source, RecordType type, String billingKey, String field, String reason) {

    /** One line, as a failed record of an import is shown: {@code customers.csv line 3 (CUSTOMER C2): Email …}. */
    public String describe() {
        return source + (billingKey == null ? "" : " (" + type + " " + billingKey + ")") + ": " + field + ": " + reason;
    }
}
