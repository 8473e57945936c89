package io.esbridge.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on a random port with a state store of its own, the sandbox off (no Enterprise Server at
 * all), and known secrets so that tests can check they never leak. Runs and dead letters are written straight into
 * the state store, as provisioning would have left them. {@link SandboxConsoleTestSupport} turns the sandbox on for
 * the tests whose replays must reach a server.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.sandbox.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:console-${random.uuid};DB_CLOSE_DELAY=-1",
            "es.state.secret-key-file=target/test-secret.key",
            "es.server.password=" + ConsoleTestSupport.SERVER_PASSWORD,
            "es.console.username=operator",
            "es.console.password=" + ConsoleTestSupport.CONSOLE_PASSWORD
        })
// Spring Boot tests switch metrics export (and so /actuator/prometheus) off unless asked for.
@AutoConfigureObservability(tracing = false)
abstract class ConsoleTestSupport {

    static final String SERVER_PASSWORD = "srv-Pw-7f3c9e";
    static final String CONSOLE_PASSWORD = "console-Pw-41d2aa";
    static final String USERNAME = "operator";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * A finished run of six records: two created, one updated, one unchanged, two failed (an Enterprise Server
     * refusal with a code, and a record refused before provisioning), spread over a minute and a half. Both failures
     * are open dead letters without an envelope (refused before provisioning), so replaying them sends nothing to a
     * server and answers why.
     */
    String runWithFailures() {
        String runId = UUID.randomUUID().toString();
        Instant start = Instant.now().minusSeconds(120);
        jdbc.update(
                "insert into es_run (run_id, source_kind, source_name, started_at, records_in, input_complete_at,"
                        + " finished_at, state) values (?, 'FILE', 'customers-2026-11-26.csv', ?, 6, ?, ?, 'FINISHED')",
                runId,
                Timestamp.from(start),
                Timestamp.from(start.plusSeconds(95)),
                Timestamp.from(start.plusSeconds(95)));
        outcome(runId, 1, "CUSTOMER", "C-1", "CREATED", "AddUser", null, null, null, null, start.plusSeconds(2));
        outcome(runId, 2, "CUSTOMER", "C-2", "CREATED", "AddUser", null, null, null, null, start.plusSeconds(3));
        outcome(runId, 3, "CUSTOMER", "C-3", "UPDATED", "UpdateUser", null, null, null, null, start.plusSeconds(40));
        outcome(runId, 4, "CUSTOMER", "C-4", "UNCHANGED", "", null, null, null, null, start.plusSeconds(41));
        outcome(
                runId,
                5,
                "CUSTOMER",
                "C-5",
                "FAILED",
                "",
                "BUSINESS",
                -1100,
                "USER_ALREADY_EXISTS",
                "AddUser: username 'c5' already exists",
                start.plusSeconds(80));
        outcome(
                runId,
                6,
                "CUSTOMER",
                "C-6",
                "FAILED",
                "",
                "VALIDATION",
                null,
                "Email",
                "line 6 (CUSTOMER C-6): Email 'not-an-address' is not an e-mail address",
                start.plusSeconds(94));
        deadLetter(runId, 5, "C-5", "BUSINESS", -1100, "USER_ALREADY_EXISTS", "AddUser: username 'c5' already exists");
        deadLetter(
                runId,
                6,
                "C-6",
                "VALIDATION",
                null,
                "Email",
                "line 6 (CUSTOMER C-6): Email 'not-an-address' is not an e-mail address");
        return runId;
    }

    /**
     * A finished run of 3 s, as a small import file leaves it: ten bursts of two to four records 300 ms apart, the last
     * record of every other burst failed (refused by the Enterprise Server), 29 records and 5 failures in all.
     */
    String shortRunWithFailures() {
        String runId = UUID.randomUUID().toString();
        Instant start = Instant.now().minusSeconds(60);
        jdbc.update(
                "insert into es_run (run_id, source_kind, source_name, started_at, records_in, input_complete_at,"
                        + " finished_at, state) values (?, 'FILE', 'customers-small.csv', ?, 29, ?, ?, 'FINISHED')",
                runId,
                Timestamp.from(start),
                Timestamp.from(start.plusMillis(100)),
                Timestamp.from(start.plusSeconds(3)));
        int line = 0;
        for (int burst = 0; burst < 10; burst++) {
            int size = 2 + burst % 3;
            for (int i = 0; i < size; i++) {
                line++;
                Instant at = start.plusMillis(250 + burst * 300L + i * 5L);
                if (burst % 2 == 1 && i == size - 1) {
                    outcome(
                            runId,
                            line,
                            "CUSTOMER",
                            "C-" + line,
                            "FAILED",
                            "",
                            "BUSINESS",
                            -1100,
                            "USER_ALREADY_EXISTS",
                            "AddUser: username 'c" + line + "' already exists",
                            at);
                } else {
                    outcome(runId, line, "CUSTOMER", "C-" + line, "CREATED", "AddUser", null, null, null, null, at);
                }
            }
        }
        return runId;
    }

    /** A run whose process was killed after two of its records: closed as interrupted at the next start. */
    String interruptedRun() {
        String runId = UUID.randomUUID().toString();
        Instant start = Instant.now().minusSeconds(30);
        jdbc.update(
                "insert into es_run (run_id, source_kind, source_name, started_at, finished_at, state,"
                        + " owner_instance) values (?, 'FILE', 'subscriptions-2026-11-26.csv', ?, ?, 'INTERRUPTED',"
                        + " 'vm/4242/0a1b2c3d')",
                runId,
                Timestamp.from(start),
                Timestamp.from(start.plusSeconds(4)));
        outcome(runId, 1, "SUBSCRIPTION", "S-1", "CREATED", "AddPackage", null, null, null, null, start.plusSeconds(2));
        outcome(runId, 2, "SUBSCRIPTION", "S-2", "CREATED", "AddPackage", null, null, null, null, start.plusSeconds(4));
        return runId;
    }

    private void outcome(
            String runId,
            int line,
            String type,
            String key,
            String outcome,
            String operations,
            String kind,
            Integer code,
            String name,
            String message,
            Instant at) {
        jdbc.update(
                "insert into es_record_outcome (run_id, source, record_type, billing_key, outcome, operations,"
                        + " error_kind, error_code, error_name, message, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId,
                "customers-2026-11-26.csv:" + line,
                type,
                key,
                outcome,
                operations,
                kind,
                code,
                name,
                message,
                Timestamp.from(at));
    }

    private void deadLetter(
            String runId, int line, String key, String kind, Integer code, String name, String message) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "insert into es_dead_letter (run_id, source, record_type, billing_key, error_kind, error_code,"
                        + " error_name, field, message, raw_json, envelope_json, encrypted_secret, attempts, first_failed_at,"
                        + " last_failed_at) values (?, ?, 'CUSTOMER', ?, ?, ?, ?, ?, ?, ?, null, null, 1, ?, ?)",
                runId,
                "customers-2026-11-26.csv:" + line,
                key,
                kind,
                code,
                name,
                code == null ? name : null,
                message,
                "{\"id\":\"" + key + "\",\"password\":\"******\"}",
                now,
                now);
    }
}
