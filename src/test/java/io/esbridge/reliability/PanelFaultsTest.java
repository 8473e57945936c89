package io.esbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import io.esbridge.bench.BenchFeeds;
import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.feed.FileImporter;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;
import io.esbridge.sandbox.SandboxFaults;
import io.esbridge.sandbox.SandboxProperties;
import io.esbridge.sandbox.SandboxStats;

/**
 * A bad night for the panel, with the shipped provisioning engine and error channel: the sandbox stops answering
 * for 20 s in the middle of an import, or answers slower than the client waits (the write applied on the server, the
 * answer lost). Every customer and subscription still ends up on the server exactly once, nothing is dead-lettered.
 * The retry settings are shortened from the defaults only so that the test ends soon after the panel is back.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.sandbox.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:reliability-${random.uuid};DB_CLOSE_DELAY=-1",
            "es.state.secret-key-file=target/reliability-secret.key",
            "es.server.receive-timeout=1s",
            "es.server.max-in-flight=8",
            "es.provisioning.workers=16",
            "es.errors.redelivery-delay=200",
            "es.errors.max-redelivery-delay=4000",
            "es.errors.max-redeliveries=12",
            "es.errors.circuit-breaker.wait-in-open=2s"
        })
class PanelFaultsTest {

    static final int CUSTOMERS = 300;

    @Autowired
    FileImporter importer;

    @Autowired
    RunStore runs;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    SandboxFaults faults;

    @Autowired
    SandboxStats stats;

    @Autowired
    SandboxProperties sandbox;

    @Autowired
    JdbcTemplate state;

    @TempDir
    Path folder;

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    @Test
    void anOutageOfTwentySecondsMidRunLosesNothingDuplicatesNothingAndDeadLettersNothing(CapturedOutput output)
            throws Exception {
        String tag = tag();
        faults.set(faults.settings().withLatency(20, 0));
        long addUsersBefore = stats.calls("AddUser");
        CompletableFuture<List<RunReport>> run = importInBackground(tag);

        // mid-run: a sixth of the customers made, the rest and every subscription still to come
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> stats.calls("AddUser") - addUsersBefore >= 50 || run.isDone());
        faults.update(f -> f.withOutage(true, null));
        long outageStart = stats.total();
        // the outage's length is the scenario (longer than a breaker's wait, shorter than the retries' reach), not a
        // wait for something to happen
        Thread.sleep(20_000);
        faults.update(f -> f.withOutage(false, null));
        assertThat(stats.total())
                .as("the run was still going: calls were made (and refused) during the outage")
                .isGreaterThan(outageStart);

        assertEverythingOnceAndNothingDeadLettered(tag, run.get(150, TimeUnit.SECONDS));
        assertThat(output.getAll()).contains("Service Unavailable").doesNotContain("Bench-Pw-");
    }

    @Test
    void answersSlowerThanTheClientTimeoutAreReconciledNotRepeated(CapturedOutput output) throws Exception {
        String tag = tag();
        // for the whole run: each distinct request picked (a third of them, by content) is answered once after the
        // client gave up, so the same requests are slow on every run however the workers interleave
        faults.set(faults.settings().withLatency(10, 0).withSlowAnswers(1_500, 0.3));
        long addUsersBefore = stats.calls("AddUser");
        List<RunReport> reports = importInBackground(tag).get(300, TimeUnit.SECONDS);
        faults.update(f -> f.withSlowAnswers(0, 0));

        assertEverythingOnceAndNothingDeadLettered(tag, reports);
        assertThat(stats.calls("AddUser") - addUsersBefore)
                .as("one AddUser per customer, none repeated")
                .isEqualTo(CUSTOMERS);
        assertThat(state.queryForObject(
                        "select count(*) from es_record_outcome where run_id = ? and outcome ="
                                + " 'CREATED' and coalesce(operations, '') not like '%AddUser%'",
                        Long.class, reports.get(0).runId()))
                .as("customers created by an attempt whose answer was lost, found on the retry")
                .isPositive();
        assertThat(output.getAll()).contains("no answer in time").doesNotContain("Bench-Pw-");
    }

    private CompletableFuture<List<RunReport>> importInBackground(String tag) throws Exception {
        BenchFeeds.main(new String[] {folder.toString(), tag, Integer.toString(CUSTOMERS)});
        return CompletableFuture.supplyAsync(() -> List.of(
                report(folder.resolve("customers-" + tag + ".csv")),
                report(folder.resolve("subscriptions-" + tag + ".csv"))));
    }

    private RunReport report(Path file) {
        FileImporter.Result result = importer.importFile(file, false);
        return runs.report(result.runId().orElseThrow(() -> new AssertionError(result.notImported())))
                .orElseThrow();
    }

    private void assertEverythingOnceAndNothingDeadLettered(String tag, List<RunReport> reports) {
        for (RunReport report : reports) {
            assertThat(report.identityHolds()).as(report.summary()).isTrue();
            assertThat(report.in()).as(report.summary()).isEqualTo(CUSTOMERS);
            assertThat(report.failed()).as(report.summary()).isZero();
        }
        assertThat(deadLetters.open())
                .filteredOn(d -> d.billingKey().startsWith(tag))
                .isEmpty();
        SandboxCounts server = new SandboxCounts(sandbox.datasourceUrl());
        assertThat(server.users(tag)).isEqualTo(CUSTOMERS);
        assertThat(server.packages(tag)).isEqualTo(CUSTOMERS);
        assertThat(server.distinctPackages(tag)).isEqualTo(CUSTOMERS);
        assertThat(server.usersWithoutExactlyOnePackage(tag)).isEmpty();
    }

    private static String tag() {
        return "r" + UUID.randomUUID().toString().substring(0, 6);
    }
}
