package io.esbridge.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;

/**
 * Runs and the outcome of every record in them (tables {@code es_run}, {@code es_record_outcome}). A run's report is
 * computed from the outcome rows, so it cannot disagree with them.
 */
@Repository
public class RunStore {

    /** The error name of a run's input that could not be read to its end. */
    private static final String UNREADABLE_INPUT = "UNREADABLE_INPUT";

    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final RunOwner owner;

    public RunStore(JdbcTemplate jdbc, ObjectMapper mapper, RunOwner owner) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.owner = owner;
    }

    /** Opens a run for a source and answers its id; sources open runs through {@link RunSessions}. */
    public String open(SourceRef.Kind kind, String sourceName) {
        return open(kind, sourceName, null, null);
    }

    /**
     * Opens a run for a source read as text in {@code charset} ({@code charsetFrom} says who chose it: a setting, or
     * detection), which its report names, and answers its id.
     */
    public String open(SourceRef.Kind kind, String sourceName, String charset, String charsetFrom) {
        String runId = UUID.randomUUID().toString();
        jdbc.update(
                "insert into es_run (run_id, source_kind, source_name, started_at, state, owner_instance,"
                        + " charset, charset_from) values (?, ?, ?, ?, 'RUNNING', ?, ?, ?)",
                runId,
                kind.name(),
                sourceName,
                Timestamp.from(Instant.now()),
                owner.id(),
                charset,
                truncate(charsetFrom, 200));
        return runId;
    }

    /**
     * Every record of the run has been handed on: there were {@code records}. Closes the run as it stands (callers go
     * through {@link RunSession#close}, which first waits for the outcomes). Also a run taken for interrupted ends
     * FINISHED when its records do complete: the outcomes are the truth.
     */
    public RunReport inputComplete(String runId, long records) {
        Instant now = Instant.now();
        jdbc.update(
                "update es_run set records_in = ?, input_complete_at = ?, finished_at = ?, state = 'FINISHED'"
                        + " where run_id = ?",
                records,
                Timestamp.from(now),
                Timestamp.from(now),
                runId);
        RunReport report = report(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        keep(report);
        if (report.identityHolds()) {
            LOG.info(report.summary());
        } else {
            LOG.error(report.summary());
        }
        return report;
    }

    /**
     * Closes a run whose process is gone as INTERRUPTED, with the counts it reached, ended at its last outcome; unless
     * it is no longer running (it finished, or another instance closed it first).
     */
    void interrupt(String runId) {
        if (jdbc.update(
                        "update es_run set state = 'INTERRUPTED', finished_at = coalesce((select max(o.recorded_at)"
                                + " from es_record_outcome o where o.run_id = es_run.run_id), started_at)"
                                + " where run_id = ? and state = 'RUNNING'",
                        runId)
                == 0) {
            return;
        }
        report(runId).ifPresent(interrupted -> {
            keep(interrupted);
            LOG.warn(
                    "{}: the es-bridge instance running it is gone; importing, pushing or syncing the same input"
                            + " again finishes it",
                    interrupted.summary());
        });
    }

    /** The report as it stands, in {@code es_run.report_json}. */
    private void keep(RunReport report) {
        try {
            jdbc.update(
                    "update es_run set report_json = ? where run_id = ?",
                    mapper.writeValueAsString(reportJson(report)),
                    report.runId());
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("report of run {} not stored: {}", report.runId(), e.getMessage());
        }
    }

    /**
     * The rest of the run's input cannot be read ({@code source} says from where, {@code reason} why): it counts as
     * one more record, failed, so that the report shows it; the records read before it keep their outcomes.
     */
    public void inputUnreadable(String runId, String source, String reason) {
        record(new RecordOutcome(
                runId, source, null, null, Outcome.FAILED, List.of(), "VALIDATION", null, UNREADABLE_INPUT, reason));
    }

    public void record(RecordOutcome outcome) {
        jdbc.update(
                "insert into es_record_outcome (run_id, source, record_type, billing_key, outcome, operations,"
                        + " error_kind, error_code, error_name, message, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                outcome.runId(),
                outcome.source(),
                outcome.type() == null ? null : outcome.type().name(),
                outcome.billingKey(),
                outcome.outcome().name(),
                String.join(",", outcome.operations()),
                outcome.errorKind(),
                outcome.errorCode(),
                outcome.errorName(),
                truncate(outcome.message(), 4000),
                Timestamp.from(Instant.now()));
    }

    /** The outcome of every record of a run, in the order they were recorded. */
    public List<RecordOutcome> outcomes(String runId) {
        return jdbc.query(
                "select * from es_record_outcome where run_id = ? order by recorded_at", (rs, n) -> outcome(rs), runId);
    }

    /**
     * The failed records of a run, in the order they were recorded, handed over one at a time: a run of a million
     * rows would not fit in memory as a list of its outcomes.
     */
    public void failures(String runId, Consumer<RecordOutcome> each) {
        jdbc.query(
                "select * from es_record_outcome where run_id = ? and outcome = 'FAILED' order by recorded_at",
                (RowCallbackHandler) rs -> each.accept(outcome(rs)),
                runId);
    }

    private static RecordOutcome outcome(ResultSet rs) throws SQLException {
        String type = rs.getString("record_type");
        String operations = rs.getString("operations");
        return new RecordOutcome(
                rs.getString("run_id"),
                rs.getString("source"),
                type == null ? null : RecordType.valueOf(type),
                rs.getString("billing_key"),
                Outcome.valueOf(rs.getString("outcome")),
                operations == null || operations.isEmpty() ? List.of() : List.of(operations.split(",")),
                rs.getString("error_kind"),
                (Integer) rs.getObject("error_code", Integer.class),
                rs.getString("error_name"),
                rs.getString("message"));
    }

    public Optional<RunReport> report(String runId) {
        List<Map<String, Object>> runs = jdbc.queryForList("select * from es_run where run_id = ?", runId);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> run = runs.get(0);
        Map<String, Long> byOutcome =
                counts("select outcome, count(*) from es_record_outcome where run_id = ?" + " group by outcome", runId);
        Map<String, Long> operations = new LinkedHashMap<>();
        jdbc.query(
                "select operations from es_record_outcome where run_id = ? and operations <> ''",
                rs -> {
                    for (String op : rs.getString(1).split(",")) {
                        operations.merge(op, 1L, Long::sum);
                    }
                },
                runId);
        Map<String, Long> errors = counts(
                "select coalesce(cast(error_code as varchar(12)) || ' ' || error_name,"
                        + " error_name, error_kind), count(*) from es_record_outcome where run_id = ? and outcome = 'FAILED'"
                        + " group by coalesce(cast(error_code as varchar(12)) || ' ' || error_name, error_name, error_kind)",
                runId);
        Number in = (Number) run.get("records_in");
        long total = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        return Optional.of(new RunReport(
                runId,
                (String) run.get("source_kind"),
                (String) run.get("source_name"),
                (String) run.get("charset"),
                (String) run.get("charset_from"),
                RunState.valueOf((String) run.get("state")),
                ((Timestamp) run.get("started_at")).toInstant(),
                instant(run.get("finished_at")),
                in == null ? total : in.longValue(),
                byOutcome.getOrDefault("CREATED", 0L),
                byOutcome.getOrDefault("UPDATED", 0L),
                byOutcome.getOrDefault("UNCHANGED", 0L),
                byOutcome.getOrDefault("FAILED", 0L),
                operations,
                errors));
    }

    /** A report as JSON (the report file and {@code es_run.report_json}): counts, identity, duration and rate. */
    public static Map<String, Object> reportJson(RunReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", report.runId());
        json.put("sourceKind", report.sourceKind());
        json.put("sourceName", report.sourceName());
        if (report.charset() != null) {
            json.put("charset", report.charset());
            json.put("charsetFrom", report.charsetFrom());
        }
        json.put("state", report.state().label());
        json.put("startedAt", report.startedAt().toString());
        json.put(
                "finishedAt",
                report.finishedAt() == null ? null : report.finishedAt().toString());
        json.put("in", report.in());
        json.put("created", report.created());
        json.put("updated", report.updated());
        json.put("unchanged", report.unchanged());
        json.put("failed", report.failed());
        json.put("identityHolds", report.identityHolds());
        json.put("operations", report.operations());
        json.put("errors", report.errors());
        json.put("durationMillis", report.duration().toMillis());
        json.put("recordsPerSecond", Math.round(report.recordsPerSecond() * 10) / 10.0);
        json.put("summary", report.summary());
        return json;
    }

    /** The latest runs, newest first. */
    public List<RunReport> recent(int limit) {
        return jdbc
                .queryForList(
                        "select run_id from es_run order by started_at desc fetch first ? rows only",
                        String.class,
                        limit)
                .stream()
                .map(this::report)
                .flatMap(Optional::stream)
                .toList();
    }

    private Map<String, Long> counts(String sql, String runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                },
                runId);
        return counts;
    }

    private static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
