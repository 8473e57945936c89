package io.esbridge.deadletter;

import java.time.Instant;

/**
 * One failed record as kept in the dead-letter store: where it came from, what it was (secrets masked), and why.
 *
 * @param errorKind      VALIDATION, BUSINESS, FAULT, AUTHENTICATION, CONFIGURATION, TRANSIENT or a provisioning
 *                       reason
 * @param envelopeJson   the mapped record, password masked (replay needs it)
 * @param hasSecret      whether an encrypted password is kept for a replay to complete a user creation
 */
public record DeadLetter(
        long id,
        String runId,
        String source,
        String recordType,
        String billingKey,
        String errorKind,
        Integer errorCode,
        String errorName,
        String field,
        String message,
        String rawJson,
        String envelopeJson,
        boolean hasSecret,
        int attempts,
        Instant firstFailedAt,
        Instant lastFailedAt,
        Instant resolvedAt) {}
