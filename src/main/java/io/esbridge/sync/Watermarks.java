package io.esbridge.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The watermark of each phase of each billing source (table {@code es_sync_watermark}), in the state store. */
@Repository
public class Watermarks {

    private final JdbcTemplate jdbc;

    public Watermarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String source, String phase) {
        List<String> values = jdbc.queryForList(
                "select last_value from es_sync_watermark where source = ? and phase = ?", String.class, source, phase);
        return values.stream().findFirst();
    }

    /** Sets the watermark; the caller has checked that the value is beyond the previous one. */
    public void advance(String source, String phase, String value, String runId) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update(
                "update es_sync_watermark set last_value = ?, run_id = ?, updated_at = ?"
                        + " where source = ? and phase = ?",
                value,
                runId,
                now,
                source,
                phase);
        if (updated == 0) {
            jdbc.update(
                    "insert into es_sync_watermark (source, phase, last_value, run_id, updated_at)"
                            + " values (?, ?, ?, ?, ?)",
                    source,
                    phase,
                    value,
                    runId,
                    now);
        }
    }
}
