package io.esbridge.verify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.stereotype.Service;

import io.esbridge.client.EsServerProperties;
import io.esbridge.record.RecordType;
import io.esbridge.state.Link;
import io.esbridge.state.LinkStore;

/**
 * Reads every applied link's object back from the panel and compares it with what es-bridge last applied. Reads run
 * on as many threads as the client lets calls be in flight ({@code es.server.max-in-flight}): one by one, a night's
 * verify of thousands of objects would wait out the panel's latency thousands of times; more threads than slots would
 * only queue on the client's bound. Writes nothing.
 */
@Service
public class VerifyService {

    private final LinkStore links;
    private final PanelComparison comparison;
    private final int parallelism;

    public VerifyService(LinkStore links, PanelComparison comparison, EsServerProperties server) {
        this.links = links;
        this.comparison = comparison;
        this.parallelism = server.maxInFlight();
    }

    public VerifyReport verify() {
        List<Link> applied =
                links.applied().stream().filter(l -> l.esId() != null).toList();
        PanelComparison.Reads cache = new PanelComparison.Reads();
        ExecutorService readers = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "es-bridge-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<Drift>>> reads = new ArrayList<>();
            applied.forEach(link -> reads.add(readers.submit(() -> comparison.compare(link, cache))));
            List<Drift> drift = new ArrayList<>();
            for (Future<List<Drift>> read : reads) {
                drift.addAll(read.get());
            }
            Map<RecordType, Long> checked = new EnumMap<>(RecordType.class);
            applied.forEach(link -> checked.merge(link.type(), 1L, Long::sum));
            return new VerifyReport(checked, drift);
        } catch (ExecutionException e) {
            // the panel unreachable, 401, a fault: verify cannot tell drift from a failed read, so it does not guess
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verify interrupted", e);
        } finally {
            readers.shutdownNow();
        }
    }
}
