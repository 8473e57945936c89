package io.esbridge.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.esbridge.record.RecordType;

/**
 * Billing key → Enterprise Server id links (table {@code es_link}). Only provisioning writes here. Every write is its
 * own committed statement: an intent must be durable before the call it announces.
 */
@Repository
public class LinkStore implements Links {

    private final JdbcTemplate jdbc;

    public LinkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Link> find(RecordType type, String billingKey) {
        List<Link> found = jdbc.query(
                "select * from es_link where record_type = ? and billing_key = ?",
                LinkStore::link,
                type.name(),
                billingKey);
        return found.stream().findFirst();
    }

    /** The billing key already linked to an Enterprise Server id, if any (to avoid adopting one object twice). */
    @Override
    public Optional<String> billingKeyOf(RecordType type, int esId) {
        return jdbc
                .queryForList(
                        "select billing_key from es_link where record_type = ? and es_id = ? and state = ?",
                        String.class,
                        type.name(),
                        esId,
                        LinkState.APPLIED.name())
                .stream()
                .findFirst();
    }

    /** The key of the customer whose user a subscription's space was created under (an add-on's customer). */
    public Optional<String> customerKeyOfSubscription(String subscriptionKey) {
        return jdbc
                .queryForList(
                        "select c.billing_key from es_link s join es_link c on c.record_type = ?"
                                + " and c.es_id = s.parent_es_id and c.state = ? where s.record_type = ? and s.billing_key = ?",
                        String.class,
                        RecordType.CUSTOMER.name(),
                        LinkState.APPLIED.name(),
                        RecordType.SUBSCRIPTION.name(),
                        subscriptionKey)
                .stream()
                .findFirst();
    }

    /**
     * Records the intent to create, with the state the create call will apply, before the call. Fails with a
     * DuplicateKeyException when another instance recorded it first.
     */
    @Override
    public void recordIntent(RecordType type, String billingKey, String intentName, LinkData data, String runId) {
        jdbc.update(
                "insert into es_link (record_type, billing_key, state, parent_es_id, intent_name, applied_json,"
                        + " fingerprint, password_hash, last_run_id, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                type.name(),
                billingKey,
                LinkState.PENDING.name(),
                data.parentEsId(),
                intentName,
                data.appliedJson(),
                data.fingerprint(),
                data.passwordHash(),
                runId,
                now());
    }

    /** Links the key to its Enterprise Server object with what was applied. */
    @Override
    public Link markApplied(RecordType type, String billingKey, int esId, LinkData data, String runId) {
        Timestamp now = now();
        int updated = jdbc.update(
                "update es_link set state = ?, es_id = ?, parent_es_id = ?, applied_json = ?,"
                        + " fingerprint = ?, password_hash = ?, last_run_id = ?, updated_at = ?"
                        + " where record_type = ? and billing_key = ?",
                LinkState.APPLIED.name(),
                esId,
                data.parentEsId(),
                data.appliedJson(),
                data.fingerprint(),
                data.passwordHash(),
                runId,
                now,
                type.name(),
                billingKey);
        if (updated == 0) {
            jdbc.update(
                    "insert into es_link (record_type, billing_key, state, es_id, parent_es_id, applied_json,"
                            + " fingerprint, password_hash, last_run_id, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    type.name(),
                    billingKey,
                    LinkState.APPLIED.name(),
                    esId,
                    data.parentEsId(),
                    data.appliedJson(),
                    data.fingerprint(),
                    data.passwordHash(),
                    runId,
                    now);
        }
        return new Link(
                type,
                billingKey,
                LinkState.APPLIED,
                esId,
                data.parentEsId(),
                null,
                data.appliedJson(),
                data.fingerprint(),
                data.passwordHash(),
                now.toInstant());
    }

    @Override
    public void markDeleted(RecordType type, String billingKey, String runId) {
        jdbc.update(
                "update es_link set state = ?, last_run_id = ?, updated_at = ? where record_type = ?"
                        + " and billing_key = ?",
                LinkState.DELETED.name(),
                runId,
                now(),
                type.name(),
                billingKey);
    }

    /** Forgets a pending intent whose create call is known not to have happened. */
    @Override
    public void forgetIntent(RecordType type, String billingKey) {
        jdbc.update(
                "delete from es_link where record_type = ? and billing_key = ? and state = ?",
                type.name(),
                billingKey,
                LinkState.PENDING.name());
    }

    @Override
    public List<Link> children(RecordType type, int parentEsId) {
        return jdbc.query(
                "select * from es_link where record_type = ? and parent_es_id = ? and state = ? order by billing_key",
                LinkStore::link,
                type.name(),
                parentEsId,
                LinkState.APPLIED.name());
    }

    @Override
    public void markCascade(RecordType type, String billingKey, String resellerKey) {
        jdbc.update(
                "update es_link set cascade_of = ? where record_type = ? and billing_key = ?",
                resellerKey,
                type.name(),
                billingKey);
    }

    @Override
    public Optional<String> cascadeOf(RecordType type, String billingKey) {
        return jdbc
                .queryForList(
                        "select cascade_of from es_link where record_type = ? and billing_key = ?"
                                + " and cascade_of is not null",
                        String.class,
                        type.name(),
                        billingKey)
                .stream()
                .findFirst();
    }

    /** Every applied link, by type and key: what {@code verify} reads back from the panel. */
    public List<Link> applied() {
        return jdbc.query(
                "select * from es_link where state = ? order by record_type, billing_key",
                LinkStore::link,
                LinkState.APPLIED.name());
    }

    /**
     * Forgets an applied link whose object is gone from the panel (deleted by hand), so that the next sight of the
     * record creates the object anew instead of updating an id that no longer exists ({@code verify --repair}).
     */
    public void forgetApplied(RecordType type, String billingKey) {
        jdbc.update(
                "delete from es_link where record_type = ? and billing_key = ? and state = ?",
                type.name(),
                billingKey,
                LinkState.APPLIED.name());
    }

    public long count(RecordType type, LinkState state) {
        Long n = jdbc.queryForObject(
                "select count(*) from es_link where record_type = ? and state = ?",
                Long.class,
                type.name(),
                state.name());
        return n == null ? 0 : n;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        return new Link(
                RecordType.valueOf(rs.getString("record_type")),
                rs.getString("billing_key"),
                LinkState.valueOf(rs.getString("state")),
                (Integer) rs.getObject("es_id", Integer.class),
                (Integer) rs.getObject("parent_es_id", Integer.class),
                rs.getString("intent_name"),
                rs.getString("applied_json"),
                rs.getString("fingerprint"),
                rs.getString("password_hash"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
