package io.esbridge.console;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import io.esbridge.deadletter.ReplayService;
import io.esbridge.deadletter.ReplayService.ReplayResult;
import io.esbridge.deadletter.ReplayService.Selection;

/**
 * Replays started from the console. A replay returns only once its last record is provisioned, which for thousands
 * of records takes longer than a browser waits: the page waits a few seconds for the result, and otherwise says the
 * replay goes on (its run appears on the runs page). One replay at a time, in the order asked, so that two buttons
 * pressed in a row do not replay the same dead letters twice at once.
 */
@Component
public class ConsoleReplays implements AutoCloseable {

    static final Duration PAGE_WAITS = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleReplays.class);

    private final ReplayService replay;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-replay");
        thread.setDaemon(true);
        return thread;
    });

    public ConsoleReplays(ReplayService replay) {
        this.replay = replay;
    }

    /**
     * A replay request of a console button or of {@code POST /api/replay} as a selection; one that does not name
     * exactly one of run, code or all is the caller's mistake: 400 with the reason, and nothing is replayed.
     */
    static Selection selection(String runId, String code, boolean all) {
        try {
            return Selection.of(runId, code, all);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** Starts the replay; answers its result if it ends within {@link #PAGE_WAITS}, else empty (still running). */
    public Optional<ReplayResult> start(Selection selection) {
        CompletableFuture<ReplayResult> result = CompletableFuture.supplyAsync(() -> replay.replay(selection), worker);
        result.exceptionally(failure -> {
            LOG.error("console replay failed", failure);
            return null;
        });
        try {
            return Optional.of(result.get(PAGE_WAITS.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException stillRunning) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
