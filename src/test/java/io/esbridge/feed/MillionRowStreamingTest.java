package io.esbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A 1,000,000-row CSV goes through the reader and the mapping in flat memory: a JVM whose 64 MB heap is smaller than
 * the file reads it all without running out of memory. (The full customers mapping, with its simple expressions, is
 * the benchmark: see {@link MillionRowStreaming}.)
 */
class MillionRowStreamingTest {

    @Test
    void streamsAMillionRowsInAHeapSmallerThanTheFile() throws Exception {
        Path csv = Path.of("target/feed-million-rows.csv");
        MillionRowStreaming.generate(csv, 1_000_000);
        assertThat(Files.size(csv)).isGreaterThan(64L << 20);

        Path output = Path.of("target/feed-million-rows.out");
        Process jvm = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        MillionRowStreaming.class.getName(),
                        csv.toString(),
                        "src/test/resources/feed/mappings",
                        "customers-columns")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        // a safety net against a hung JVM, not a speed target (that is MillionRowStreaming's benchmark)
        boolean finished = jvm.waitFor(600, TimeUnit.SECONDS);
        if (!finished) {
            jvm.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(finished).as("finished in time").isTrue();
        assertThat(jvm.exitValue())
                .as(String.join(System.lineSeparator(), lines))
                .isZero();
        lines.stream().filter(line -> line.startsWith("rows=")).forEach(System.out::println);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("rows=1000000 valid=999000 rejected=1000"));
        Files.deleteIfExists(csv);
        new File(output.toString()).deleteOnExit();
    }
}
