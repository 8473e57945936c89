package io.esbridge.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Sync executions (table {@code es_sync_execution}) and the disappeared records they found
 * ({@code es_sync_disappeared}): which instance ran which trigger, so that "once per trigger" can be checked.
 */
@Repository
public class SyncExecutions {

    private final JdbcTemplate jdbc;

    public SyncExecutions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String start(String source, SyncMode mode, SyncTrigger trigger, String instance) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into es_sync_execution (execution_id, source, mode, trigger_kind, scheduled_fire_time,"
                        + " instance, started_at, status) values (?, ?, ?, ?, ?, ?, ?, 'RUNNING')",
                id,
                source,
                mode.name(),
                trigger.kind().name(),
                trigger.scheduledFireTime() == null ? null : Timestamp.from(trigger.scheduledFireTime()),
                instance,
                Timestamp.from(Instant.now()));
        return id;
    }

    public void finish(String executionId, String status, String summary) {
        jdbc.update(
                "update es_sync_execution set finished_at = ?, status = ?, summary = ? where execution_id = ?",
                Timestamp.from(Instant.now()),
                status,
                summary.length() > 4000 ? summary.substring(0, 3999) : summary,
                executionId);
    }

    public void disappeared(String executionId, Disappeared record) {
        jdbc.update(
                "insert into es_sync_disappeared (execution_id, record_type, billing_key, es_id, action, message,"
                        + " recorded_at) values (?, ?, ?, ?, ?, ?, ?)",
                executionId,
                record.type().name(),
                record.billingKey(),
                record.esId(),
                record.action(),
                record.message(),
                Timestamp.from(Instant.now()));
    }

    /** The scheduled executions: instance and scheduled fire time, oldest first. */
    public List<Map<String, Object>> scheduled() {
        return jdbc.queryForList("select instance, scheduled_fire_time, status from es_sync_execution"
                + " where trigger_kind = 'SCHEDULE' order by scheduled_fire_time");
    }
}
