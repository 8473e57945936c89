package io.esbridge.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.feed.output.RunFiles;

/** A file dropped in an inbox: moved to done/, its report and rejects file beside it under the same name. */
class InboxRunFilesTest extends ErrorChannelTestSupport {

    @Test
    void theReportAndTheRejectsFileLieBesideTheProcessedFileUnderItsName() throws Exception {
        String prefix = unique("inbox");
        Path inbox = Files.createDirectories(Path.of("target/errors-test/inbox/customers"));
        List<String> rows = new java.util.ArrayList<>(customers(prefix, 2));
        rows.add(prefix + "-C3," + prefix + "u3,x,Ann,Lee,no-email,active");
        Path part = Files.write(
                inbox.resolveSibling(prefix + ".part"),
                rows.stream().reduce(CUSTOMERS_HEADER, (a, b) -> a + "\n" + b).getBytes(StandardCharsets.UTF_8));
        String name = prefix + ".csv";
        Files.move(part, inbox.resolve(name));

        Path done = inbox.resolve("done");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.isDirectory(done)
                        && list(done).stream()
                                .anyMatch(p -> p.getFileName().toString().endsWith(name + RunFiles.REPORT_SUFFIX)));
        await().atMost(Duration.ofSeconds(10)).until(() -> list(done).stream()
                .anyMatch(p -> p.getFileName().toString().endsWith("-" + name)));
        Path moved = list(done).stream()
                .filter(p -> p.getFileName().toString().endsWith("-" + name))
                .findFirst()
                .orElseThrow();
        Path report = moved.resolveSibling(moved.getFileName() + RunFiles.REPORT_SUFFIX);
        Path rejects = moved.resolveSibling(moved.getFileName() + RunFiles.REJECTS_SUFFIX);
        assertThat(report).exists();
        assertThat(rejects).exists();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.path("in").asLong()).isEqualTo(3);
        assertThat(json.path("created").asLong()).isEqualTo(2);
        assertThat(json.path("failed").asLong()).isEqualTo(1);
        assertThat(json.path("identityHolds").asBoolean()).isTrue();
        assertThat(Files.readString(rejects)).contains(prefix + "-C3").contains("Email");
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
