package io.esbridge.run;

import java.time.Duration;
import java.time.Instant;

/** One run as the runs page lists it: where it came from, when, how long, and its records by outcome. */
public record RunRow(
        String runId,
        String sourceKind,
        String sourceName,
        RunState state,
        Instant startedAt,
        Instant finishedAt,
        Long recordsIn,
        long created,
        long updated,
        long unchanged,
        long failed) {

    public long recorded() {
        return created + updated + unchanged + failed;
    }

    /** Running until its input is complete, or interrupted; then complete, with or without failures. */
    public String status() {
        if (state != RunState.FINISHED) {
            return state.label();
        }
        if (recordsIn != null && recordsIn != recorded()) {
            return "incomplete";
        }
        return failed > 0 ? "failures" : "ok";
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }
}
