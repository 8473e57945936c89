package io.esbridge.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Records that failed (table {@code es_dead_letter}), kept until a replay of them succeeds. A record failing again
 * while still open updates its row (attempts, last time, latest error) instead of adding one.
 */
@Repository
public class DeadLetterStore {

    private final JdbcTemplate jdbc;

    public DeadLetterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What to keep of a failure. Texts must already be masked; {@code encryptedSecret} is sealed or null. */
    public record Failure(
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
            String encryptedSecret) {}

    /** The size of {@code es_dead_letter.message}; a longer message is cut, as the run's outcome message is. */
    static final int MESSAGE = 4000;

    public void add(Failure f) {
        Timestamp now = Timestamp.from(Instant.now());
        String message = f.message() == null || f.message().length() <= MESSAGE
                ? f.message()
                : f.message().substring(0, MESSAGE - 1) + "…";
        int updated = f.billingKey() == null
                ? 0
                : jdbc.update(
                        "update es_dead_letter set run_id = ?, source = ?,"
                                + " error_kind = ?, error_code = ?, error_name = ?, field = ?, message = ?, raw_json = ?,"
                                + " envelope_json = ?, encrypted_secret = coalesce(?, encrypted_secret), attempts = attempts + 1,"
                                + " last_failed_at = ? where record_type = ? and billing_key = ? and resolved_at is null",
                        f.runId(),
                        f.source(),
                        f.errorKind(),
                        f.errorCode(),
                        f.errorName(),
                        f.field(),
                        message,
                        f.rawJson(),
                        f.envelopeJson(),
                        f.encryptedSecret(),
                        now,
                        f.recordType(),
                        f.billingKey());
        if (updated == 0) {
            jdbc.update(
                    "insert into es_dead_letter (run_id, source, record_type, billing_key, error_kind, error_code,"
                            + " error_name, field, message, raw_json, envelope_json, encrypted_secret, attempts,"
                            + " first_failed_at, last_failed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                    f.runId(),
                    f.source(),
                    f.recordType(),
                    f.billingKey(),
                    f.errorKind(),
                    f.errorCode(),
                    f.errorName(),
                    f.field(),
                    message,
                    f.rawJson(),
                    f.envelopeJson(),
                    f.encryptedSecret(),
                    now,
                    now);
        }
    }

    /** A record of this key was provisioned: its open failure is resolved. */
    public void resolve(String recordType, String billingKey) {
        jdbc.update(
                "update es_dead_letter set resolved_at = ? where record_type = ? and billing_key = ?"
                        + " and resolved_at is null",
                Timestamp.from(Instant.now()),
                recordType,
                billingKey);
    }

    public List<DeadLetter> open() {
        return jdbc.query("select * from es_dead_letter where resolved_at is null order by id", DeadLetterStore::row);
    }

    public List<DeadLetter> openOfRun(String runId) {
        return jdbc.query(
                "select * from es_dead_letter where resolved_at is null and run_id = ? order by id",
                DeadLetterStore::row,
                runId);
    }

    /** Every dead letter a run left, resolved or not (the run's rejects file lists them all). */
    public List<DeadLetter> ofRun(String runId) {
        return jdbc.query("select * from es_dead_letter where run_id = ? order by id", DeadLetterStore::row, runId);
    }

    public Optional<String> encryptedSecret(long id) {
        return jdbc.queryForList("select encrypted_secret from es_dead_letter where id = ?", String.class, id).stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private static DeadLetter row(ResultSet rs, int n) throws SQLException {
        return new DeadLetter(
                rs.getLong("id"),
                rs.getString("run_id"),
                rs.getString("source"),
                rs.getString("record_type"),
                rs.getString("billing_key"),
                rs.getString("error_kind"),
                (Integer) rs.getObject("error_code", Integer.class),
                rs.getString("error_name"),
                rs.getString("field"),
                rs.getString("message"),
                rs.getString("raw_json"),
                rs.getString("envelope_json"),
                rs.getString("encrypted_secret") != null,
                rs.getInt("attempts"),
                instant(rs, "first_failed_at"),
                instant(rs, "last_failed_at"),
                instant(rs, "resolved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
