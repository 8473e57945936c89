package io.esbridge.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Read-only questions the console and the metrics ask of the runs in the state store (one home for them). */
@Repository
public class RunQueries {

    /** The runs page shows the latest runs; older ones stay in the store and in the logs. */
    public static final int RUNS_SHOWN = 200;
    /** A run page lists at most this many records; filters narrow it down. */
    public static final int RECORDS_SHOWN = 1000;

    private final JdbcTemplate jdbc;

    public RunQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<RunRow> latestRuns() {
        return jdbc.query(
                "select r.run_id, r.source_kind, r.source_name, r.state, r.started_at, r.finished_at,"
                        + " r.records_in,"
                        + " sum(case when o.outcome = 'CREATED' then 1 else 0 end) created,"
                        + " sum(case when o.outcome = 'UPDATED' then 1 else 0 end) updated,"
                        + " sum(case when o.outcome = 'UNCHANGED' then 1 else 0 end) unchanged,"
                        + " sum(case when o.outcome = 'FAILED' then 1 else 0 end) failed"
                        + " from es_run r left join es_record_outcome o on o.run_id = r.run_id"
                        + " group by r.run_id, r.source_kind, r.source_name, r.state, r.started_at, r.finished_at, r.records_in"
                        + " order by r.started_at desc fetch first " + RUNS_SHOWN + " rows only",
                RunQueries::runRow);
    }

    /** The records of a run, optionally only those of one outcome and one error code (or constant name). */
    public List<OutcomeRow> records(String runId, String outcome, String code) {
        StringBuilder sql = new StringBuilder("select * from es_record_outcome where run_id = ?");
        List<Object> args = new ArrayList<>(List.of(runId));
        if (outcome != null && !outcome.isBlank()) {
            sql.append(" and outcome = ?");
            args.add(outcome.strip().toUpperCase());
        }
        if (code != null && !code.isBlank()) {
            if (code.strip().matches("-?\\d+")) {
                sql.append(" and error_code = ?");
                args.add(Integer.valueOf(code.strip()));
            } else {
                sql.append(" and upper(error_name) = ?");
                args.add(code.strip().toUpperCase());
            }
        }
        sql.append(" order by recorded_at fetch first ").append(RECORDS_SHOWN).append(" rows only");
        return jdbc.query(sql.toString(), RunQueries::outcomeRow, args.toArray());
    }

    /** The error codes (or, without a code, constant names) of a run's failed records, for the filter. */
    public List<String> errorCodes(String runId) {
        return jdbc.queryForList(
                "select distinct coalesce(cast(error_code as varchar(12)), error_name)"
                        + " from es_record_outcome where run_id = ? and outcome = 'FAILED'"
                        + " and coalesce(cast(error_code as varchar(12)), error_name) is not null order by 1",
                String.class,
                runId);
    }

    /** When each record of a run was recorded and whether it failed: the throughput chart's input. */
    public List<Recorded> recorded(String runId) {
        return jdbc.query(
                "select recorded_at, outcome from es_record_outcome where run_id = ?",
                (rs, n) -> new Recorded(rs.getTimestamp(1).toInstant(), "FAILED".equals(rs.getString(2))),
                runId);
    }

    /** Records of every run, by outcome. */
    public Map<String, Long> recordsByOutcome() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select outcome, count(*) from es_record_outcome group by outcome", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    public long openDeadLetters() {
        Long count = jdbc.queryForObject("select count(*) from es_dead_letter where resolved_at is null", Long.class);
        return count == null ? 0 : count;
    }

    private static RunRow runRow(ResultSet rs, int n) throws SQLException {
        Number in = (Number) rs.getObject("records_in");
        return new RunRow(
                rs.getString("run_id"),
                rs.getString("source_kind"),
                rs.getString("source_name"),
                RunState.valueOf(rs.getString("state")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                in == null ? null : in.longValue(),
                rs.getLong("created"),
                rs.getLong("updated"),
                rs.getLong("unchanged"),
                rs.getLong("failed"));
    }

    private static OutcomeRow outcomeRow(ResultSet rs, int n) throws SQLException {
        return new OutcomeRow(
                rs.getString("source"),
                rs.getString("record_type"),
                rs.getString("billing_key"),
                rs.getString("outcome"),
                rs.getString("operations"),
                rs.getString("error_kind"),
                rs.getObject("error_code", Integer.class),
                rs.getString("error_name"),
                rs.getString("message"),
                instant(rs.getTimestamp("recorded_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
