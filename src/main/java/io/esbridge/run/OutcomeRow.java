package io.esbridge.run;

import java.time.Instant;

/** What became of one record of a run (a row of {@code es_record_outcome}). */
public record OutcomeRow(
        String source,
        String recordType,
        String billingKey,
        String outcome,
        String operations,
        String errorKind,
        Integer errorCode,
        String errorName,
        String message,
        Instant recordedAt) {}
