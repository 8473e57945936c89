package io.esbridge.record;

import java.util.Map;

/**
 * A record that failed before provisioning (unreadable, unmappable or invalid), with what an operator needs to fix it.
 *
 * @param runId      the run it belongs to
 * @param source     file and line, push and index, or table and row key
 * @param type       the record type, when known
 * @param billingKey the billing key, when it could be read
 * @param field      the offending field (target field name, e.g. {@code Email}, or the source column)
 * @param value      the offending value, secrets masked
 * @param reason     why it was refused, in one sentence
 * @param raw        the input as read, secrets masked
 */
public record RejectedRecord(String runId, SourceRef source, RecordType type, String billingKey, String field,
        String value, String reason, Map<String, String> raw) {

    /** One line naming the record, the field, the value and the reason. */
    public String describe() {
        return source + (billingKey == null ? "" : " (" + type + " " + billingKey + ")") + ": " + field + " "
                + (value == null || value.isEmpty() ? "(empty)" : "'" + value + "'") + " " + reason;
    }
}
