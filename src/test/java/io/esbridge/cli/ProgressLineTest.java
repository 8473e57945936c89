package io.esbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.esbridge.cli.ProgressLine.Progress;
import io.esbridge.feed.ReadPositions.Position;

/** The progress line of {@code es-bridge import}: percentage and ETA from the file's size and its reader's position. */
class ProgressLineTest {

    private static final long MB = 1_000_000;

    @Test
    void halfTheBytesReadGiveTheRecordsToExpectAndTheEta() {
        // 5,000 rows in the first half of the file: about 10,000 in all; 4,000 done at 100/s leave a minute
        Progress progress = new Progress(4_000, 12, Optional.of(new Position(MB / 2, 5_000)));
        assertThat(ProgressLine.text("customers.csv", MB, progress, Duration.ofSeconds(40)))
                .isEqualTo("customers.csv: 40%, 4,000 done, 12 failed, 100/s, ETA 1m00s");
    }

    @Test
    void onceTheFileIsReadTheEtaIsTheRecordsStillInProvisioning() {
        Progress progress = new Progress(9_000, 0, Optional.of(new Position(MB, 10_000)));
        assertThat(ProgressLine.text("customers.csv", MB, progress, Duration.ofSeconds(90)))
                .isEqualTo("customers.csv: 90%, 9,000 done, 100/s, ETA 10s");
    }

    @Test
    void neverShowsAHundredPercentWhileRunning() {
        // a small file is in the reader's buffers at once: the rows read so far are all it can go by
        Progress progress = new Progress(300, 0, Optional.of(new Position(20_000, 300)));
        assertThat(ProgressLine.text("plans.csv", 20_000, progress, Duration.ofSeconds(3)))
                .isEqualTo("plans.csv: 99%, 300 done, 100/s, ETA 0s");
    }

    @Test
    void withoutTheReadersPositionOnlyCountsAndRate() {
        assertThat(ProgressLine.text(
                        "customers.csv", MB, new Progress(9_000, 0, Optional.empty()), Duration.ofSeconds(90)))
                .isEqualTo("customers.csv: 9,000 done, 100/s");
        assertThat(ProgressLine.text(
                        "customers.csv",
                        MB,
                        new Progress(0, 0, Optional.of(new Position(4096, 0))),
                        Duration.ofSeconds(1)))
                .as("no row read yet")
                .isEqualTo("customers.csv: 0 done, 0/s");
    }

    @Test
    void fitsAnEightyColumnTerminalWithALongNameAndABigFile() {
        Progress progress = new Progress(987_654, 123_456, Optional.of(new Position(400 * MB, 1_000_000)));
        String line = ProgressLine.text(
                "customers-exported-from-the-old-billing-2026-11-26.csv", 1_000 * MB, progress, Duration.ofHours(3));
        assertThat(line)
                .startsWith("…-billing-2026-11-26.csv: 39%, 987,654 done, 123,456 failed, 91/s, ETA 4h35m")
                .hasSizeLessThanOrEqualTo(80);
    }
}
