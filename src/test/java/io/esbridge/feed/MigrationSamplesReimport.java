package io.esbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.cli.ExitCodes;
import io.esbridge.cli.InProcessCommand;
import io.esbridge.cli.InProcessCommand.Run;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.sandbox.SandboxStats;

/**
 * A panel sample of samples/migrations imported by {@code es-bridge import} as an operator runs it (in this JVM,
 * against the test's sandbox over HTTP), then imported again with {@code --again}: a repeated migration converges, so
 * the second import sends the panel no write and finds every record unchanged. A value the mapping sends that the
 * panel keeps otherwise shows here as an update on every import; a record that only a replay after all files
 * provisions shows as a failure of its file. Each panel has a sandbox and a state store of its own (a subclass with
 * its {@code @TestPropertySource}): the samples share usernames (annlee, webhost) across panels, as real exports of
 * one provider's customers would, and a second panel's import would meet the first one's users.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"es.sandbox.enabled=true", "es.state.secret-key-file=target/test-secret.key"})
abstract class MigrationSamplesReimport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    SandboxStats stats;

    @Autowired
    EnterpriseServerClient client;

    @TempDir
    Path folder;

    /** The sample folder, under samples/migrations. */
    abstract String panel();

    /** The state store of this panel's context (its spring.datasource.url), which the command works on too. */
    abstract String stateUrl();

    /** The sample's rows refused on purpose (refused again on every import, before any call). */
    long refusedOnPurpose() {
        return 0;
    }

    /** What the sample provisioned on the panel, read back after both imports (none by default). */
    void provisionedAsTheSampleSays() {}

    @Test
    void everyRecordIsProvisionedAndASecondImportWritesNothing() throws IOException {
        // a copy: an import writes each file's report and rejects into done/ beside it
        String samples = copyOfSample().toString();
        Run first = run("import", samples, "--json");
        Totals provisioned = totals(first);
        assertThat(provisioned.created()).as(first.toString()).isPositive();
        assertThat(provisioned.filesFailed()).as(first.toString()).isEqualTo(refusedOnPurpose());

        stats.reset();
        Run again = run("import", samples, "--again", "--json");
        Totals second = totals(again);

        Map<String, Long> calls = stats.snapshot().operations();
        assertThat(calls.keySet())
                .as("calls of the second import: %s\n%s", calls, again)
                .noneMatch(operation -> operation.matches("(Add|Update|Change|Delete|Set|Create|Remove).*"));
        assertThat(second.created()).as(again.toString()).isZero();
        assertThat(second.updated()).as(again.toString()).isZero();
        assertThat(second.filesFailed()).as(again.toString()).isEqualTo(refusedOnPurpose());
        assertThat(second.replays())
                .as("runs replayed after all files: %s", again)
                .isZero();
        assertThat(second.unchanged())
                .as(again.toString())
                .isEqualTo(provisioned.created() + provisioned.updated() + provisioned.unchanged());
        assertThat(again.exit())
                .as(again.toString())
                .isEqualTo(refusedOnPurpose() == 0 ? ExitCodes.OK : ExitCodes.SOME_FAILED);
        provisionedAsTheSampleSays();
    }

    /**
     * The counts of every run of one command: its files' runs and its replays after all files. {@code filesFailed}
     * counts the files' failures less those a replay then provisioned, so it is what stays failed.
     */
    private record Totals(long created, long updated, long unchanged, long filesFailed, long replays) {}

    private static Totals totals(Run run) throws IOException {
        List<JsonNode> reports = new ArrayList<>();
        for (String line : run.json().lines().toList()) {
            reports.add(JSON.readTree(line));
        }
        assertThat(reports).as(run.toString()).isNotEmpty();
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        long failed = 0;
        long replays = 0;
        for (JsonNode report : reports) {
            assertThat(report.has("notImported")).as(report.toString()).isFalse();
            created += report.get("created").asLong();
            updated += report.get("updated").asLong();
            unchanged += report.get("unchanged").asLong();
            if (report.get("sourceKind").asText().equals("REPLAY")) {
                replays++;
                // a record a replay provisioned had failed in its file; one it failed again stays counted once
                failed -= report.get("created").asLong()
                        + report.get("updated").asLong()
                        + report.get("unchanged").asLong();
            } else {
                failed += report.get("failed").asLong();
            }
        }
        return new Totals(created, updated, unchanged, failed, replays);
    }

    private Path copyOfSample() throws IOException {
        Path copy = Files.createDirectories(folder.resolve("samples"));
        try (Stream<Path> files = Files.list(Path.of("samples/migrations", panel()))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName().toString()));
            }
        }
        return copy;
    }

    private Run run(String... args) {
        return InProcessCommand.run(List.of(args), port, stateUrl(), folder);
    }
}
