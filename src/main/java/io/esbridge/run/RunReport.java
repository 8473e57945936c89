package io.esbridge.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The account of one run. Its identity {@code in = created + updated + unchanged + failed} is checked, not assumed.
 *
 * @param charset     the charset a file or push was read in ({@code null}: not text, e.g. database rows)
 * @param charsetFrom who chose it: a setting, or how it was detected
 * @param state      running, finished, or interrupted (its process stopped first: the counts are those it reached)
 * @param operations write operations made, by name
 * @param errors     failed records by error code or name
 */
public record RunReport(
        String runId,
        String sourceKind,
        String sourceName,
        String charset,
        String charsetFrom,
        RunState state,
        Instant startedAt,
        Instant finishedAt,
        long in,
        long created,
        long updated,
        long unchanged,
        long failed,
        Map<String, Long> operations,
        Map<String, Long> errors) {

    public boolean identityHolds() {
        return in == created + updated + unchanged + failed;
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }

    public double recordsPerSecond() {
        double seconds = Math.max(duration().toMillis(), 1) / 1000.0;
        return in / seconds;
    }

    /** One line for the log. */
    public String summary() {
        return String.format(
                "run %s (%s %s%s)%s: in=%d created=%d updated=%d unchanged=%d failed=%d in %.1fs"
                        + " (%.0f records/s)%s%s",
                runId,
                sourceKind.toLowerCase(),
                sourceName,
                charset == null ? "" : ", " + charset,
                state == RunState.FINISHED ? "" : " " + state.label(),
                in,
                created,
                updated,
                unchanged,
                failed,
                duration().toMillis() / 1000.0,
                recordsPerSecond(),
                errors.isEmpty() ? "" : " errors=" + errors,
                identityHolds() ? "" : " IDENTITY BROKEN: in != created+updated+unchanged+failed");
    }
}
