package io.esbridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;

/**
 * A run session on a real H2 state store: its close waits for the outcomes before it closes the run (else a report
 * would count fewer outcomes than records), ends the run once, and dry-run is read from the one setting.
 */
class RunSessionTest {

    private RunStore runs;

    @BeforeEach
    void store() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:run-session-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        runs = new RunStore(jdbc, new ObjectMapper(), new RunOwner(jdbc));
    }

    @Test
    void closingWaitsForTheLastOutcomeBeforeTheReportIsMade() {
        // the last record's outcome arrives while the session waits, as a provisioning worker's would
        RunCompletion lastRecordFinishesMeanwhile = runId -> runs.record(new RecordOutcome(
                runId,
                "f.csv line 2",
                RecordType.CUSTOMER,
                "c1",
                Outcome.CREATED,
                List.of("AddUser"),
                null,
                null,
                null,
                null));
        RunSession run = new RunSessions(runs, lastRecordFinishesMeanwhile, new MockEnvironment())
                .open(SourceRef.Kind.FILE, "f.csv");

        RunReport report = run.close(1);

        assertThat(report.state()).isEqualTo(RunState.FINISHED);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.identityHolds()).isTrue();
    }

    @Test
    void aRunEndsOnceAndWhatFollowsItsCloseRunsOnce() {
        List<String> waited = new ArrayList<>();
        List<RunReport> after = new ArrayList<>();
        RunSession run = new RunSessions(runs, waited::add, new MockEnvironment())
                .open(SourceRef.Kind.REPLAY, "replay of all")
                .afterClose(after::add);

        RunReport first = run.close(0);
        RunReport second = run.close(5);

        assertThat(second).isSameAs(first);
        assertThat(second.in()).isZero();
        assertThat(waited).containsExactly(run.runId());
        assertThat(after).containsExactly(first);
    }

    @Test
    void dryRunIsTheProvisioningSetting() {
        RunSessions dry = new RunSessions(
                runs, runId -> {}, new MockEnvironment().withProperty("es.provisioning.dry-run", "true"));
        RunSessions real = new RunSessions(runs, runId -> {}, new MockEnvironment());

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.open(SourceRef.Kind.PUSH, "push customers").dryRun()).isTrue();
        assertThat(real.dryRun()).isFalse();
    }
}
