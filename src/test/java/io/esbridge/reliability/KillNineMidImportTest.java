package io.esbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.esbridge.bench.BenchFeeds;
import io.esbridge.sandbox.SandboxFaults;
import io.esbridge.sandbox.SandboxProperties;
import io.esbridge.sandbox.SandboxStats;

/**
 * A host kills es-bridge ({@code kill -9}) in the middle of a one-shot import of 2,000 customers and their 2,000
 * subscriptions, three times at random points, and it is started again each time with the same command (no
 * {@code --again}: an operator or a cron job simply runs it again). The importer is a separate JVM
 * ({@code io.esbridge.EsBridgeApplication import FOLDER}) with a file state store; the Enterprise Server is this
 * test's sandbox. At the end every customer is a user exactly once and every subscription a hosting space exactly
 * once, and each file's last run has a report whose identity holds. The runs each kill left open were closed as
 * {@code interrupted} by the next start, with the counts they reached; no run is left running.
 */
// The importer is a separate JVM: this context only serves the sandbox, so its short retries change nothing here,
// and it is the one BadInputCorpusTest starts (counts below are by this test's name prefix and call baselines).
@SandboxedImportTest
class KillNineMidImportTest {

    static final int CUSTOMERS = 2_000;
    static final int KILLS = 3;

    @LocalServerPort
    int port;

    @Autowired
    SandboxFaults faults;

    @Autowired
    SandboxStats stats;

    @Autowired
    SandboxProperties sandbox;

    /** Kept after the test (target/), for the logs of every attempt. */
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        started.forEach(Process::destroyForcibly);
        faults.clear();
    }

    @Test
    void everyCustomerAndSubscriptionExistsExactlyOnceAfterThreeKillsAndRestarts() throws Exception {
        String tag = "k" + Long.toString(System.nanoTime() % 1_000_000, 36);
        work = Files.createDirectories(Path.of("target/reliability/kill-nine-" + tag))
                .toAbsolutePath();
        Path feeds = work.resolve("feeds");
        BenchFeeds.main(new String[] {feeds.toString(), tag, Integer.toString(CUSTOMERS)});
        faults.set(faults.settings().withLatency(5, 0));
        // 2 calls per customer and subscription pair (AddUser, AddPackage): the i-th kill falls at a (seeded) random
        // point of
        // the i-th third of 5..85 % of them, counted from the start (a restart repeats no call for records already
        // applied)
        long totalCalls = 2L * CUSTOMERS;
        long baseline = stats.total();
        // seeded, and the seed printed: a failure here is one a rerun repeats (-Des.test.kill-seed=N), not a roll of
        // the dice; other seeds try other kill points
        long seed = Long.getLong("es.test.kill-seed", 20261201L);
        System.out.println("KillNineMidImportTest: kill points from seed " + seed + " (-Des.test.kill-seed)");
        Random random = new Random(seed);

        int kills = 0;
        int attempt = 0;
        List<String> leftOpen = new ArrayList<>();
        while (kills < KILLS && attempt < KILLS + 3) {
            long callsAtStart = stats.total();
            long killAt = baseline + (long) (totalCalls * (0.05 + 0.8 * (kills + random.nextDouble()) / KILLS));
            Process importer = start(feeds, attempt);
            while (importer.isAlive() && stats.total() < killAt) {
                Thread.sleep(20);
            }
            if (importer.isAlive()) {
                importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                kills++;
                leftOpen.addAll(runningRuns());
                System.out.printf("attempt %d: killed -9 after %d calls%n", attempt, stats.total() - callsAtStart);
            } else {
                System.out.printf(
                        "attempt %d ended by itself (exit %d) before the kill point%n", attempt, importer.exitValue());
            }
            attempt++;
        }
        Process last = start(feeds, attempt);
        assertThat(last.waitFor(150, TimeUnit.SECONDS))
                .as("the last import ends")
                .isTrue();
        String output = Files.readString(log(attempt));
        assertThat(last.exitValue()).as(output).isZero();

        SandboxCounts server = new SandboxCounts(sandbox.datasourceUrl());
        System.out.printf(
                "kill-nine %s: %d kills in %d attempts; users %d, packages %d%n",
                work, kills, attempt, server.users(tag), server.packages(tag));
        assertThat(server.users(tag)).isEqualTo(CUSTOMERS);
        assertThat(server.distinctUsers(tag)).isEqualTo(CUSTOMERS);
        assertThat(server.packages(tag)).isEqualTo(CUSTOMERS);
        assertThat(server.distinctPackages(tag)).isEqualTo(CUSTOMERS);
        assertThat(server.usersWithoutExactlyOnePackage(tag)).isEmpty();
        assertLastRunsReportsHold(tag);
        assertThat(kills).as("kills mid-import").isEqualTo(KILLS);
        assertKilledRunsInterrupted(leftOpen);
        for (int i = 0; i <= attempt; i++) {
            assertThat(Files.readString(log(i))).as("log of attempt %d", i).doesNotContain("Bench-Pw-");
        }
    }

    /** Each file's last finished run: records in = records with an outcome, and no failure. */
    private void assertLastRunsReportsHold(String tag) throws SQLException {
        try (Connection c = DriverManager.getConnection(stateUrl(), "sa", "");
                Statement s = c.createStatement()) {
            for (String file : List.of("customers-" + tag + ".csv", "subscriptions-" + tag + ".csv")) {
                try (ResultSet rs = s.executeQuery("select r.run_id, r.records_in,"
                        + " (select count(*) from es_record_outcome o where o.run_id = r.run_id),"
                        + " (select count(*) from es_record_outcome o where o.run_id = r.run_id and o.outcome = 'FAILED')"
                        + " from es_run r where r.source_name = '" + file + "' and r.state = 'FINISHED'"
                        + " order by r.started_at desc limit 1")) {
                    assertThat(rs.next()).as("a finished run of %s", file).isTrue();
                    assertThat(rs.getLong(2)).as("records in, %s", file).isEqualTo(CUSTOMERS);
                    assertThat(rs.getLong(3))
                            .as("outcomes = records in, %s", file)
                            .isEqualTo(CUSTOMERS);
                    assertThat(rs.getLong(4)).as("failed, %s", file).isZero();
                }
            }
        }
    }

    /** The runs a killed importer left open (read before the next start closes them). */
    private List<String> runningRuns() throws SQLException {
        List<String> running = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(stateUrl(), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select run_id from es_run where state = 'RUNNING'")) {
            while (rs.next()) {
                running.add(rs.getString(1));
            }
        }
        return running;
    }

    /** Every run a kill left open ended interrupted, its report kept; no other run did, and none is running. */
    private void assertKilledRunsInterrupted(List<String> leftOpen) throws SQLException {
        assertThat(leftOpen).as("runs open when the importer was killed").isNotEmpty();
        List<String> interrupted = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(stateUrl(), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select run_id, state, report_json from es_run" + " where state <> 'FINISHED'")) {
            while (rs.next()) {
                assertThat(rs.getString("state")).as("run %s", rs.getString(1)).isEqualTo("INTERRUPTED");
                assertThat(rs.getString("report_json")).contains("\"state\":\"interrupted\"");
                interrupted.add(rs.getString(1));
            }
        }
        assertThat(interrupted).containsExactlyInAnyOrderElementsOf(leftOpen);
    }

    private Process start(Path feeds, int attempt) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                javaBin(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classPath(),
                "io.esbridge.EsBridgeApplication",
                "import",
                feeds.toString(),
                "--es.server.url=http://localhost:" + port + "/",
                "--es.sandbox.enabled=false",
                "--spring.datasource.url=" + stateUrl(),
                "--es.state.secret-key-file=" + work.resolve("secret.key"),
                "--es.console.password-file=" + work.resolve("console-password"),
                "--es.server.max-in-flight=8",
                "--es.provisioning.workers=16"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log(attempt).toFile())
                .start();
        started.add(process);
        return process;
    }

    private Path log(int attempt) {
        return work.resolve("import-" + attempt + ".log");
    }

    private String stateUrl() {
        // WRITE_DELAY=0: H2 writes each commit before answering; with its default delay a kill -9 loses the commits of
        // the last second, and an AddPackage applied on the server is then made again on restart (a duplicate space)
        return "jdbc:h2:file:" + work.resolve("state").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's class path (surefire puts the test class path there), without the surefire booter. */
    static String classPath() {
        String cp = System.getProperty("java.class.path");
        if (cp.contains("surefirebooter")) {
            Path file = Path.of("target/bench.cp");
            try (Stream<String> none = Stream.empty()) {
                if (Files.exists(file)) {
                    return "target/classes" + File.pathSeparator + "target/test-classes" + File.pathSeparator
                            + Files.readString(file, StandardCharsets.UTF_8).strip();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return cp;
    }
}
