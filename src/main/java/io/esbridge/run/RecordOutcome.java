package io.esbridge.run;

import java.util.List;

import io.esbridge.record.RecordType;

/**
 * What happened to one record.
 *
 * @param operations the SOAP write operations made (or, in a dry run, that would be made), in order
 * @param errorKind  for failures: VALIDATION, BUSINESS, FAULT, DEPENDENCY, …
 * @param errorCode  the BusinessErrorCode, when the server gave one
 * @param errorName  the code's constant name, or the error's short name
 */
public record RecordOutcome(
        String runId,
        String source,
        RecordType type,
        String billingKey,
        Outcome outcome,
        List<String> operations,
        String errorKind,
        Integer errorCode,
        String errorName,
        String message) {

    public static RecordOutcome success(
            String runId, String source, RecordType type, String billingKey, Outcome outcome, List<String> operations) {
        return new RecordOutcome(
                runId, source, type, billingKey, outcome, List.copyOf(operations), null, null, null, null);
    }
}
