package io.esbridge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.PostgresSchemas;
import io.esbridge.RequiredParts;
import io.esbridge.record.SourceRef;

/**
 * Several es-bridge instances on one PostgreSQL state store, each its own {@link RunOwner}, {@link RunStore} and
 * {@link InterruptedRuns} as a process would have them (beating every 200 ms, gone after a minute without a beat):
 * the runs of an instance that stopped beating, or whose process ended on this host, are closed as interrupted with
 * the counts they reached; the runs of an instance that beats are never closed. An instance that stopped beating is
 * one whose last beat is set an hour back, so no test waits for a beat to age: a loaded build machine that holds a
 * thread for seconds cannot make a live instance look gone, nor a gone one look alive.
 */
class InterruptedRunsTest {

    private static final RunProperties FAST = new RunProperties(Duration.ofMillis(200), Duration.ofSeconds(60));
    /** Safety net only: each wait below ends at the first beat that does what it waits for. */
    private static final Duration BEATS = Duration.ofSeconds(30);

    private JdbcTemplate jdbc;
    private final List<InterruptedRuns> started = new ArrayList<>();

    /** One es-bridge process's view of the shared store. */
    private record Instance(RunOwner owner, RunStore runs, InterruptedRuns closer) {}

    @BeforeEach
    void store() {
        PostgresSchemas.require();
        String schema = PostgresSchemas.create("es_runs_");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                PostgresSchemas.URL + "?currentSchema=" + schema, PostgresSchemas.USER, PostgresSchemas.PASSWORD);
        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void stopInstances() {
        started.stream().filter(InterruptedRuns::isRunning).forEach(InterruptedRuns::stop);
    }

    @Test
    void runsOfAnInstanceThatStoppedBeatingAreClosedAndThoseOfALiveOneAreNot() {
        Instance live = start();
        Instance killed = instance(); // registered, then never beats again: as after kill -9 on another host
        String liveRun = live.runs().open(SourceRef.Kind.FILE, "live.csv");
        String killedRun = killed.runs().open(SourceRef.Kind.FILE, "killed.csv");
        outcomes(killed.runs(), killedRun, Outcome.CREATED, Outcome.CREATED, Outcome.FAILED);

        Instance restarted = start();
        assertThat(state(killedRun)).as("not yet: its last beat is recent").isEqualTo(RunState.RUNNING);
        OffsetDateTime liveBeat = heartbeat(live.owner().id());
        jdbc.update(
                "update es_instance set heartbeat_at = current_timestamp - interval '1 hour' where instance_id = ?",
                killed.owner().id());
        // closed at a beat of the restarted instance, and its report kept
        await().atMost(BEATS)
                .until(() ->
                        jdbc.queryForObject("select report_json from es_run where run_id = ?", String.class, killedRun)
                                != null);
        assertThat(state(killedRun)).isEqualTo(RunState.INTERRUPTED);

        RunReport report = restarted.runs().report(killedRun).orElseThrow();
        assertThat(report.in()).isEqualTo(3);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.finishedAt()).isNotNull();
        assertThat(report.summary()).contains("(file killed.csv) interrupted: in=3");
        assertThat(jdbc.queryForObject("select report_json from es_run where run_id = ?", String.class, killedRun))
                .contains("\"state\":\"interrupted\"")
                .contains("\"created\":2");
        assertThat(instances())
                .containsExactlyInAnyOrder(live.owner().id(), restarted.owner().id());

        // the live instance beats, so its run goes on
        await().atMost(BEATS).until(() -> heartbeat(live.owner().id()).isAfter(liveBeat));
        assertThat(state(liveRun)).isEqualTo(RunState.RUNNING);
        assertThat(live.runs().inputComplete(liveRun, 0).state()).isEqualTo(RunState.FINISHED);
    }

    @Test
    void aProcessThatEndedOnThisMachineIsGoneAtOnce() throws Exception {
        Instance survivor = start();
        String processSpace = jdbc.queryForObject(
                "select process_space from es_instance where instance_id = ?",
                String.class,
                survivor.owner().id());
        RequiredParts.require(
                processSpace != null,
                "this system does not tell process spaces apart (Linux's"
                        + " /proc/sys/kernel/random/boot_id and /proc/self/ns/pid)");
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        jdbc.update(
                "insert into es_instance (instance_id, process_space, pid, started_at, heartbeat_at)"
                        + " values ('dead', ?, ?, current_timestamp, current_timestamp)",
                processSpace,
                ended.pid());
        // this very JVM's PID, but recorded as started an hour before it: a process gone whose PID was taken again
        jdbc.update(
                "insert into es_instance (instance_id, process_space, pid, process_start, started_at,"
                        + " heartbeat_at) values ('reused', ?, ?, ?, current_timestamp, current_timestamp)",
                processSpace,
                ProcessHandle.current().pid(),
                ProcessHandle.current()
                        .info()
                        .startInstant()
                        .orElseThrow()
                        .minusSeconds(3600)
                        .toEpochMilli());
        String run = runOf("dead");
        String runOfReusedPid = runOf("reused");

        Instance restarted = start(); // the next start, right after the kill: the beats are fresh, the processes gone

        assertThat(state(run)).isEqualTo(RunState.INTERRUPTED);
        assertThat(state(runOfReusedPid)).isEqualTo(RunState.INTERRUPTED);
        assertThat(instances())
                .containsExactlyInAnyOrder(
                        survivor.owner().id(), restarted.owner().id());
    }

    @Test
    void aRunWhoseOwnerWasAlreadyForgottenIsClosed() {
        Instance survivor = start();
        // a peer forgot the instance between its registration and the opening of this run (a beat in between)
        String orphan = runOf("forgotten");

        await().atMost(BEATS).until(() -> state(orphan) == RunState.INTERRUPTED);
        assertThat(instances()).containsExactly(survivor.owner().id());
    }

    @Test
    void aCleanStopClosesItsOwnOpenRunsAndARunThatCompletesAfterAllEndsFinished() {
        Instance stopping = start();
        String run = stopping.runs().open(SourceRef.Kind.PUSH, "push customers");
        outcomes(stopping.runs(), run, Outcome.UNCHANGED);

        stopping.closer().stop();

        assertThat(state(run)).isEqualTo(RunState.INTERRUPTED);
        assertThat(instances()).doesNotContain(stopping.owner().id());
        RunReport late = stopping.runs().inputComplete(run, 1);
        assertThat(late.state()).as("the outcomes are the truth").isEqualTo(RunState.FINISHED);
        assertThat(late.summary()).doesNotContain("interrupted");
    }

    @Test
    void ownerlessRunsOfEarlierVersionsAreClosedOnlyAfterADayWithoutActivity() {
        Timestamp twoDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
        String idle = ownerlessRun(twoDaysAgo);
        String busy = ownerlessRun(twoDaysAgo);
        jdbc.update(
                "insert into es_record_outcome (run_id, source, outcome, operations, recorded_at)"
                        + " values (?, 'old.csv line 2', 'CREATED', 'AddUser', ?)",
                busy,
                Timestamp.from(Instant.now().minusSeconds(60)));

        start();

        assertThat(state(idle)).isEqualTo(RunState.INTERRUPTED);
        assertThat(state(busy)).isEqualTo(RunState.RUNNING);
    }

    private Instance instance() {
        RunOwner owner = new RunOwner(jdbc);
        RunStore runs = new RunStore(jdbc, new ObjectMapper(), owner);
        return new Instance(owner, runs, new InterruptedRuns(runs, owner, jdbc, FAST));
    }

    private Instance start() {
        Instance instance = instance();
        instance.closer().start();
        started.add(instance.closer());
        return instance;
    }

    private static void outcomes(RunStore runs, String runId, Outcome... outcomes) {
        for (int i = 0; i < outcomes.length; i++) {
            boolean failed = outcomes[i] == Outcome.FAILED;
            runs.record(new RecordOutcome(
                    runId,
                    "feed line " + (i + 2),
                    null,
                    "K" + i,
                    outcomes[i],
                    List.of(),
                    failed ? "VALIDATION" : null,
                    null,
                    failed ? "Email" : null,
                    failed ? "no e-mail" : null));
        }
    }

    private String runOf(String instance) {
        String runId = "run-of-" + instance;
        jdbc.update(
                "insert into es_run (run_id, source_kind, source_name, started_at, state, owner_instance)"
                        + " values (?, 'FILE', 'f.csv', current_timestamp, 'RUNNING', ?)",
                runId,
                instance);
        return runId;
    }

    private String ownerlessRun(Timestamp startedAt) {
        String runId = "ownerless-" + System.nanoTime();
        jdbc.update(
                "insert into es_run (run_id, source_kind, source_name, started_at) values (?, 'FILE', 'old.csv',"
                        + " ?)",
                runId,
                startedAt);
        return runId;
    }

    private RunState state(String runId) {
        return RunState.valueOf(jdbc.queryForObject("select state from es_run where run_id = ?", String.class, runId));
    }

    private OffsetDateTime heartbeat(String instance) {
        return jdbc.queryForObject(
                "select heartbeat_at from es_instance where instance_id = ?", OffsetDateTime.class, instance);
    }

    private List<String> instances() {
        return jdbc.queryForList("select instance_id from es_instance", String.class);
    }
}
