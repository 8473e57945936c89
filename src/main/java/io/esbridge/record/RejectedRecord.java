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
public record RejectedRecord(
        String runId,
        SourceRef source,
        RecordType type,
        String billingKey,
        String field,
        String value,
        String reason,
        Map<String, String> raw) {

    /**
     * How much of a long value (longer than this and 20 more) is shown: a 200,000-character field makes no readable
     * line, and its length is in the reason when that is what is wrong with it.
     */
    static final int SHOWN = 60;

    /** One line naming the record, the field, the value (its beginning, when long) and the reason. */
    public String describe() {
        return source + (billingKey == null ? "" : " (" + type + " " + billingKey + ")") + ": " + problem();
    }

    /**
     * The field, the value and the reason, without the record's place: the message kept in the run and the
     * dead-letter store, which hold the source, type and key in columns of their own (a message that repeated them
     * showed the source twice wherever both are shown, as {@code es-bridge status} did).
     */
    public String problem() {
        return field + " " + (value == null || value.isEmpty() ? "(empty)" : "'" + shown(value) + "'") + " " + reason;
    }

    private static String shown(String value) {
        if (value.length() <= SHOWN + 20) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
        return value.substring(0, end) + "…";
    }
}
