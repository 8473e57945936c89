package io.esbridge.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.esbridge.record.RecordType;

/**
 * The billing keys each source has brought in (table {@code es_sync_key}): a reconciliation only takes for
 * disappeared what a sync of that source once read, never a customer that came from a file.
 */
@Repository
public class SyncedKeys {

    private final JdbcTemplate jdbc;

    public SyncedKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> all(String source, RecordType type) {
        return new HashSet<>(jdbc.queryForList(
                "select billing_key from es_sync_key where source = ?" + " and record_type = ?",
                String.class,
                source,
                type.name()));
    }

    /** Remembers the keys not known yet. */
    public void addNew(String source, RecordType type, Set<String> seen) {
        Set<String> known = all(source, type);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (String key : seen) {
            if (!known.contains(key)) {
                rows.add(new Object[] {source, type.name(), key, now});
            }
        }
        jdbc.batchUpdate(
                "insert into es_sync_key (source, record_type, billing_key, first_seen_at)" + " values (?, ?, ?, ?)",
                rows);
    }
}
