package io.esbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a person (or a script) sees of {@code es-bridge import} and {@code status}: es-bridge is started as an operator
 * starts it, a JVM of its own ({@code io.esbridge.EsBridgeApplication}) working in its home folder, here a temporary
 * one holding a copy of config/ and routes/, so that its state (H2 files, the built-in sandbox's database, the log)
 * lands in that folder's data/ by the defaults alone. Its reports must be alone on standard output, each failed
 * record one plain line on standard error without the row's password, the log in data/logs/es-bridge.log, and
 * {@code --json} one JSON object per run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineOutputTest {

    /** A Spring Boot log line: {@code 2026-12-01T16:47:38.261Z  WARN 11524 --- [es-bridge] [main] logger : ...}. */
    private static final Pattern LOG_LINE = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d.*\\b(TRACE|DEBUG|INFO|WARN|ERROR)\\b.*|.* --- \\[.*");

    private static final String BAD_ROW_PASSWORD = "Known-Pw-7f3Q";
    private static final String BAD_EMAIL_PASSWORD = "Known-Pw-9k2Z";

    @TempDir
    static Path home;

    private Run firstImport;
    private Run status;

    record Run(int exit, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    @BeforeAll
    void anImportOfAFileWithTwoBadRowsThenStatus() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        copyTree(project.resolve("config"), home.resolve("config"));
        copyTree(project.resolve("routes"), home.resolve("routes"));
        // the sample billing database is loaded at start (es.sync.source.init-scripts), whatever the command
        copyTree(project.resolve("samples/billing-db"), home.resolve("samples/billing-db"));
        Files.writeString(
                home.resolve("customers.csv"),
                """
                customer_id,username,password,first_name,last_name,email,status
                C1,alice1,Good-Pw-1aA2,Alice,One,alice1@example.com,active
                C2,web/admin,%s,Bob,Two,bob2@example.com,active
                C3,carol3,%s,Carol,Three,not-an-email,active
                """
                        .formatted(BAD_ROW_PASSWORD, BAD_EMAIL_PASSWORD),
                StandardCharsets.UTF_8);
        firstImport = run("import", "customers.csv");
        status = run("status");
    }

    @Test
    void importPrintsItsReportAloneOnStandardOutput() {
        assertThat(firstImport.exit()).as(firstImport.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(firstImport.stdoutLines())
                .as(firstImport.stdout())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("customers.csv: run ")
                        .contains("in=3 created=1")
                        .contains("failed=2"));
        assertThat(firstImport.stdoutLines())
                .noneMatch(line -> LOG_LINE.matcher(line).matches());
        // nor the banner or startup lines on the terminal at all
        assertThat(firstImport.stderrLines()).as(firstImport.stderr()).noneMatch(line -> LOG_LINE.matcher(line)
                .matches());
        assertThat(firstImport.stdout() + firstImport.stderr())
                .doesNotContain("Starting EsBridgeApplication")
                .doesNotContain(":: Spring Boot ::");
    }

    @Test
    void eachFailedRecordIsOnePlainLineOnStandardErrorWithoutItsPassword() {
        assertThat(firstImport.stderrLines())
                .as(firstImport.stderr())
                .satisfiesExactly(
                        line -> assertThat(line)
                                .startsWith(
                                        "customers.csv line 3 (CUSTOMER C2): Username 'web/admin'" + " contains '/'"),
                        line -> assertThat(line)
                                .startsWith("customers.csv line 4 (CUSTOMER C3): Email 'not-an-email'"));
        assertThat(firstImport.stderr() + firstImport.stdout())
                .doesNotContain(BAD_ROW_PASSWORD)
                .doesNotContain(BAD_EMAIL_PASSWORD);
    }

    @Test
    void theFullLogIsInTheDataFolder() throws IOException {
        Path log = home.resolve("data/logs/es-bridge.log");
        assertThat(log).exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("Started EsBridgeApplication")
                .contains("customers.csv line 3 (CUSTOMER C2)")
                .doesNotContain(BAD_ROW_PASSWORD)
                .doesNotContain(BAD_EMAIL_PASSWORD);
    }

    @Test
    void statusShowsEachFailedRecordsSourceOnce() {
        assertThat(status.exit()).as(status.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        List<String> failed = status.stdoutLines().stream()
                .filter(line -> line.contains("customers.csv line"))
                .toList();
        assertThat(failed)
                .as(status.stdout())
                .satisfiesExactlyInAnyOrder(
                        line -> assertThat(line.strip())
                                .startsWith("customers.csv line 3 (CUSTOMER C2): Username 'web/admin'"),
                        line -> assertThat(line.strip()).startsWith("customers.csv line 4 (CUSTOMER C3): Email"));
        failed.forEach(line ->
                assertThat(line.split("customers\\.csv line", -1)).as(line).hasSize(2));
        assertThat(status.stdoutLines())
                .noneMatch(line -> LOG_LINE.matcher(line).matches());
    }

    @Test
    void verboseShowsTheLogLiveOnStandardErrorNotAmongTheReports() throws Exception {
        Run verbose = run("status", "--verbose", "--runs=1");
        assertThat(verbose.exit()).as(verbose.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(verbose.stderrLines())
                .as(verbose.stderr())
                .anyMatch(line -> LOG_LINE.matcher(line).matches() && line.contains("Started EsBridgeApplication"));
        assertThat(verbose.stdoutLines()).as(verbose.stdout()).isNotEmpty().noneMatch(line -> LOG_LINE.matcher(line)
                .matches());
    }

    @Test
    void jsonPrintsOneReportPerRunAndNothingElse() throws Exception {
        Files.writeString(
                home.resolve("customers-more.csv"),
                """
                customer_id,username,password,first_name,last_name,email,status
                C4,dave4,Good-Pw-4dD4,Dave,Four,dave4@example.com,active
                """,
                StandardCharsets.UTF_8);
        Run json = run("import", "--again", "--json", "customers.csv", "customers-more.csv");
        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> reports = new ArrayList<>();
        for (String line : json.stdoutLines()) {
            reports.add(mapper.readTree(line));
        }
        assertThat(reports).as(json.stdout()).hasSize(2).allMatch(JsonNode::isObject);
        assertThat(reports)
                .extracting(r -> r.path("sourceName").asText())
                .containsExactlyInAnyOrder("customers.csv", "customers-more.csv");
        assertThat(reports)
                .extracting(r -> r.path("runId").asText())
                .doesNotHaveDuplicates()
                .allMatch(id -> !id.isEmpty());
        JsonNode again = reports.stream()
                .filter(r -> r.path("sourceName").asText().equals("customers.csv"))
                .findFirst()
                .orElseThrow();
        assertThat(again.path("in").asLong()).isEqualTo(3);
        assertThat(again.path("failed").asLong()).isEqualTo(2);
        assertThat(again.path("identityHolds").asBoolean()).isTrue();
        // the failed records still reach a person, on standard error
        assertThat(json.stderrLines())
                .as(json.stderr())
                .hasSize(2)
                .allMatch(line -> line.startsWith("customers.csv line "));
    }

    /** es-bridge in a JVM of its own, in {@link #home}, as {@code ./es-bridge ARGS} would start it. */
    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "io.esbridge.EsBridgeApplication"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "stdout", ".txt");
        Path err = Files.createTempFile(home, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // surefire points the state store and the sandbox at in-memory databases (pom.xml); es-bridge must use its
        // defaults here, files under data/, so that status sees what import left
        builder.environment().keySet().removeIf(name -> name.startsWith("ES_") || name.startsWith("LOGGING_"));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("es-bridge " + String.join(" ", args) + " did not end");
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
