package io.esbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import io.esbridge.feed.FeedHeaders;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;

/**
 * The bad-input corpus ({@code samples/bad-input}, described by its {@code expected.tsv}): each file goes through
 * the file route as a dropped file would ({@code direct:feed-file}), into the sandbox. Each gives its precise error —
 * the file's (it cannot be read, from some point on) or each bad record's (line and reason) — the good records of
 * the same file are provisioned, and nothing is lost: every record read has exactly one outcome in the run's report.
 *
 * <p>expected.tsv: {@code file, mapping, records in, failed, expectations} where expectations are {@code ;;}-separated
 * fragments: {@code file: TEXT} (the file's error contains TEXT) or {@code line N: TEXT} (a failed record of line N
 * whose message contains TEXT). {@code -}: no error at all.
 *
 * <p>Every password of the corpus starts with {@value #PASSWORD_PREFIX}: none may show in the log and output of a
 * case, nor in the notes, reports and rejects files the runs leave (a file without a header row was reported with
 * its first row quoted, password included).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
@SandboxedImportTest
class BadInputCorpusTest {

    static final Path CORPUS = Path.of("samples/bad-input");
    static final String PASSWORD_PREFIX = "Corpus-Pw-";

    record Case(String file, String mapping, long in, long failed, List<String> expectations) {
        @Override
        public String toString() {
            return file;
        }
    }

    record Outcome(String error, RunReport report, List<String> failures, long deadLetters) {
        String describe() {
            return (error == null ? "" : "file: " + error + "\n") + (report == null ? "no run" : report.summary())
                    + "\n  " + String.join("\n  ", failures);
        }
    }

    @Autowired
    ProducerTemplate producer;

    @Autowired
    RunStore runs;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    static Path drop;

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 5);
            cases.add(new Case(
                    f[0],
                    f[1],
                    Long.parseLong(f[2]),
                    Long.parseLong(f[3]),
                    f[4].equals("-") ? List.of() : List.of(f[4].split(";;"))));
        }
        return cases;
    }

    @BeforeAll
    void customersAndSubscriptionsTheOtherFilesReferTo() throws IOException {
        assertThat(run("00-base-customers.csv", "customers").report().created()).isEqualTo(2);
        assertThat(run("00-base-subscriptions.csv", "subscriptions").report().created())
                .isEqualTo(2);
    }

    @Test
    @Order(1)
    void theCorpusHasAtLeastThirtyCasesAndEveryFileIsDescribed() throws IOException {
        List<String> described = cases().stream().map(Case::file).toList();
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> present = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("expected.tsv") && !n.equals("README.md") && !n.startsWith("00-"))
                    .toList();
            assertThat(described).containsExactlyInAnyOrderElementsOf(present);
        }
        assertThat(described).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(2)
    void eachCaseGivesItsPreciseErrorAndLosesNothing(Case c, CapturedOutput output) throws IOException {
        Outcome outcome = run(c.file(), c.mapping());
        String actual = outcome.describe();
        System.out.println("CORPUS " + c.file() + "\n" + actual);
        if (outcome.report() != null) {
            assertThat(outcome.report().identityHolds())
                    .as("nothing lost: " + actual)
                    .isTrue();
            assertThat(outcome.report().in()).as("records in: " + actual).isEqualTo(c.in());
            assertThat(outcome.report().failed()).as("failed: " + actual).isEqualTo(c.failed());
            // and each failed record is kept for a fix or a replay, however long its fields
            assertThat(outcome.deadLetters()).as("dead letters: " + actual).isEqualTo(c.failed());
        } else {
            assertThat(c.in()).as("no run, so no record read: " + actual).isZero();
        }
        boolean fileError = false;
        for (String expectation : c.expectations()) {
            String e = expectation.strip();
            if (e.startsWith("file: ")) {
                fileError = true;
                assertThat(outcome.error()).as(actual).isNotNull().contains(e.substring(6));
            } else {
                String lineRef = e.substring(0, e.indexOf(':'));
                String text = e.substring(e.indexOf(':') + 1).strip();
                assertThat(outcome.failures()).as(actual).anySatisfy(f -> assertThat(f)
                        .contains(" " + lineRef + " ")
                        .contains(text));
            }
        }
        if (!fileError) {
            assertThat(outcome.error()).as(actual).isNull();
        }
        assertThat(output.getAll()).as("log and output of " + c.file()).doesNotContain(PASSWORD_PREFIX);
        for (Path written : writtenFor(c.file())) {
            assertThat(Files.readString(written)).as(written.toString()).doesNotContain(PASSWORD_PREFIX);
        }
    }

    /** The note, report and rejects files the run of {@code file} left in done/ or failed/. */
    private static List<Path> writtenFor(String file) throws IOException {
        List<Path> written = new ArrayList<>();
        for (String folder : List.of("done", "failed")) {
            if (Files.isDirectory(drop.resolve(folder))) {
                try (Stream<Path> files = Files.list(drop.resolve(folder))) {
                    files.filter(f -> f.getFileName().toString().contains(file)).forEach(written::add);
                }
            }
        }
        return written;
    }

    private Outcome run(String file, String mapping) throws IOException {
        Path copy = drop.resolve(file);
        Files.copy(CORPUS.resolve(file), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Exchange done = producer.send("direct:feed-file", exchange -> {
            exchange.getIn().setBody(copy.toFile());
            exchange.getIn().setHeader(Exchange.FILE_NAME, file);
            exchange.getIn().setHeader(Exchange.FILE_NAME_ONLY, file);
            exchange.getIn().setHeader(Exchange.FILE_PARENT, drop.toString());
            exchange.getIn().setHeader(FeedHeaders.MAPPING, mapping);
            exchange.getIn().setHeader(FeedHeaders.REIMPORT, true);
        });
        String runId = done.getProperty(FeedHeaders.RUN_ID, String.class);
        if (runId == null) {
            runId = done.getMessage().getHeader(FeedHeaders.RUN_ID, String.class);
        }
        RunReport report = runId == null ? null : runs.report(runId).orElse(null);
        List<String> failures = runId == null
                ? List.of()
                : jdbc
                        .queryForList(
                                "select source, billing_key,"
                                        + " error_name, message from es_record_outcome where run_id = ? and outcome = 'FAILED' order by recorded_at, source",
                                runId)
                        .stream()
                        .map(BadInputCorpusTest::failure)
                        .toList();
        Long deadLetters = runId == null
                ? Long.valueOf(0)
                : jdbc.queryForObject("select count(*) from es_dead_letter where run_id = ?", Long.class, runId);
        return new Outcome(
                done.getException() == null ? null : done.getException().getMessage(),
                report,
                failures,
                deadLetters == null ? 0 : deadLetters);
    }

    private static String failure(Map<String, Object> row) {
        return row.get("SOURCE") + " (" + row.get("BILLING_KEY") + ") " + row.get("ERROR_NAME") + ": "
                + row.get("MESSAGE");
    }
}
