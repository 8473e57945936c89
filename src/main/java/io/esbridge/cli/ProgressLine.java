package io.esbridge.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.esbridge.feed.ReadPositions.Position;

/**
 * A live account of a long import, kept within one 80-column terminal line:
 * {@code customers.csv: 42%, 52,311 done, 48 failed, 1,204/s, ETA 3m10s}. On a terminal the line is
 * rewritten every second; when the output is a file or a pipe, a plain line is written every ten seconds instead, so
 * logs stay readable.
 * <p>
 * A streamed file's row count is known only at its end, but its size is known at once: the bytes and rows read so far
 * estimate its rows, and the share of those that have an outcome is the percentage. Outcomes rather than bytes,
 * because reading runs ahead of provisioning by up to a queue of records; the ETA is the records left at the rate
 * outcomes come in.
 */
final class ProgressLine implements AutoCloseable {

    /** The run's records with an outcome so far, those of them that failed, and where its file's reader stands. */
    record Progress(long done, long failed, Optional<Position> read) {}

    private static final int LABEL_MAX = 24;

    private final String label;
    private final long fileSize;
    private final Supplier<Optional<Progress>> current;
    private final PrintStream out;
    private final boolean terminal;
    private final Instant started = Instant.now();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress");
        thread.setDaemon(true);
        return thread;
    });
    /** Length of the line last written on the terminal, to blank what a shorter one leaves of it. */
    private volatile int lastLength;

    ProgressLine(String label, long fileSize, Supplier<Optional<Progress>> current, PrintStream out) {
        this.label = label;
        this.fileSize = fileSize;
        this.current = current;
        this.out = out;
        this.terminal = System.console() != null;
        long period = terminal ? 1 : 10;
        ticker.scheduleAtFixedRate(this::print, period, period, TimeUnit.SECONDS);
    }

    private void print() {
        current.get().ifPresent(progress -> {
            String line = text(label, fileSize, progress, Duration.between(started, Instant.now()));
            if (terminal) {
                out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
                lastLength = line.length();
            } else {
                out.print(line + System.lineSeparator());
            }
            out.flush();
        });
    }

    static String text(String label, long fileSize, Progress progress, Duration elapsed) {
        double rate = progress.done() / (Math.max(elapsed.toMillis(), 1) / 1000.0);
        OptionalLong total = estimatedRecords(fileSize, progress.read());
        StringBuilder line = new StringBuilder(
                        label.length() <= LABEL_MAX ? label : "…" + label.substring(label.length() - LABEL_MAX + 1))
                .append(": ");
        if (total.isPresent()) {
            line.append(Math.min(99, 100 * progress.done() / total.getAsLong())).append("%, ");
        }
        line.append(String.format(Locale.ROOT, "%,d done", progress.done()));
        if (progress.failed() > 0) {
            line.append(String.format(Locale.ROOT, ", %,d failed", progress.failed()));
        }
        line.append(String.format(Locale.ROOT, ", %,.0f/s", rate));
        if (total.isPresent() && rate > 0) {
            line.append(", ETA ").append(eta(Math.max(0, total.getAsLong() - progress.done()) / rate));
        }
        return line.toString();
    }

    /** Rows read scaled up by the share of the file's bytes that gave them; unknown until a row was read. */
    private static OptionalLong estimatedRecords(long fileSize, Optional<Position> read) {
        return read.filter(position -> position.rows() > 0 && position.bytes() > 0 && fileSize > 0)
                .map(position -> OptionalLong.of(Math.max(
                        position.rows(),
                        Math.round(position.rows() * (double) fileSize / Math.min(position.bytes(), fileSize)))))
                .orElse(OptionalLong.empty());
    }

    /** {@code 42s}, {@code 3m10s}, {@code 2h07m}. */
    private static String eta(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        return s < 3600
                ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (terminal) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
        }
    }
}
