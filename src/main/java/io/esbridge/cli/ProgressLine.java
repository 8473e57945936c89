package io.esbridge.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.esbridge.run.RunReport;

/**
 * A live account of a long import: records done so far by outcome, and the rate. On a terminal one line is rewritten
 * every second; when the output is a file or a pipe, a plain line is written every ten seconds instead, so logs stay
 * readable. The total of a streamed file is not known in advance, so there is no ETA.
 */
final class ProgressLine implements AutoCloseable {

    private final String label;
    private final Supplier<Optional<RunReport>> current;
    private final PrintStream out;
    private final boolean terminal;
    private final Instant started = Instant.now();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress");
        thread.setDaemon(true);
        return thread;
    });

    ProgressLine(String label, Supplier<Optional<RunReport>> current, PrintStream out) {
        this.label = label;
        this.current = current;
        this.out = out;
        this.terminal = System.console() != null;
        long period = terminal ? 1 : 10;
        ticker.scheduleAtFixedRate(this::print, period, period, TimeUnit.SECONDS);
    }

    private void print() {
        current.get().ifPresent(report -> {
            long done = report.created() + report.updated() + report.unchanged() + report.failed();
            double seconds = Math.max(Duration.between(started, Instant.now()).toMillis(), 1) / 1000.0;
            String line = String.format("%s: %,d records done (created %,d, updated %,d, unchanged %,d, failed %,d),"
                    + " %.0f/s", label, done, report.created(), report.updated(), report.unchanged(),
                    report.failed(), done / seconds);
            out.print(terminal ? "\r" + line : line + System.lineSeparator());
            out.flush();
        });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (terminal) {
            out.print("\r");
        }
    }
}
