package io.esbridge.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The faults the sandbox injects, changeable while it serves (by tests, benchmarks, and {@code PUT /sandbox/faults}).
 * Each call reads one consistent {@link FaultSettings}. Which calls fail is decided by their content and rank, never by
 * chance (see {@link FaultSettings}): a test that injects faults must not pass or fail by luck.
 */
public class SandboxFaults {

    /** What to do with one call, decided when it arrives. */
    public enum Verdict {
        SERVE,
        OUTAGE,
        SOAP_FAULT,
        HTTP_ERROR
    }

    /** xs:dateTime values: a retried AddPackage may carry a later default purchase date, and is the same request. */
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?");

    private final AtomicReference<FaultSettings> settings = new AtomicReference<>(FaultSettings.NONE);
    /** Per operation, the calls seen since the settings were last set (for {@code failFirstCalls}). */
    private final ConcurrentHashMap<String, AtomicInteger> ranks = new ConcurrentHashMap<>();
    /** The requests (by digest and fault kind) already failed once since the settings were last set. */
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    private final PanelWorkers panel = new PanelWorkers(settings::get);

    public FaultSettings settings() {
        return settings.get();
    }

    public void set(FaultSettings newSettings) {
        settings.set(newSettings);
        forgetPicks();
        panel.capacityChanged();
    }

    public void update(UnaryOperator<FaultSettings> change) {
        settings.updateAndGet(change);
        forgetPicks();
        panel.capacityChanged();
    }

    /** The panel's workers, as many as {@link FaultSettings#capacity()} says. */
    PanelWorkers panel() {
        return panel;
    }

    public void clear() {
        set(FaultSettings.NONE);
    }

    private void forgetPicks() {
        ranks.clear();
        failedOnce.clear();
    }

    /**
     * The verdict for one call of {@code operation} whose request body is {@code body} (null when the settings pick no
     * calls, see {@link FaultSettings#picksCalls()}).
     */
    Verdict verdict(FaultSettings s, String operation, byte[] body) {
        if (s.outageAt(Instant.now())) {
            return Verdict.OUTAGE;
        }
        Integer failFirst = s.failFirstCalls().get(operation);
        if (failFirst != null
                && ranks.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet() <= failFirst) {
            return Verdict.HTTP_ERROR;
        }
        if (body == null) {
            return Verdict.SERVE;
        }
        if (picked("http", s.httpErrorShare(), operation, body)) {
            return Verdict.HTTP_ERROR;
        }
        if (picked("soap", s.soapFaultShare(), operation, body)) {
            return Verdict.SOAP_FAULT;
        }
        return Verdict.SERVE;
    }

    long latencyMillis(FaultSettings s) {
        return latencyMillis(s, 0);
    }

    /** The latency of a call that got its worker with {@code queued} calls still waiting behind it. */
    long latencyMillis(FaultSettings s, int queued) {
        // jitter only spreads timing; no outcome depends on it
        long latency = s.latencyMillis()
                + (s.jitterMillis() > 0 ? ThreadLocalRandom.current().nextLong(s.jitterMillis() + 1) : 0);
        if (s.contention() > 0 && s.capacity() > 0 && queued > 0) {
            return Math.round(latency * (1 + s.contention() * queued / s.capacity()));
        }
        return latency;
    }

    long slowAnswerMillis(FaultSettings s, String operation, byte[] body) {
        return s.slowAnswerMillis() > 0 && body != null && picked("slow", s.slowAnswerShare(), operation, body)
                ? s.slowAnswerMillis()
                : 0;
    }

    /**
     * Whether this request is among the {@code share} picked for a fault of {@code kind}, the first time it comes: the
     * digest of its content, read as a fraction of 1, is below the share.
     */
    private boolean picked(String kind, double share, String operation, byte[] body) {
        if (share <= 0) {
            return false;
        }
        byte[] digest = digest(kind, operation, body);
        double fraction = (ByteBuffer.wrap(digest).getLong() >>> 11) / (double) (1L << 53);
        if (fraction >= share) {
            return false;
        }
        return failedOnce.add(kind + ':' + java.util.HexFormat.of().formatHex(digest));
    }

    private static byte[] digest(String kind, String operation, byte[] body) {
        String content =
                DATE_TIME.matcher(new String(body, StandardCharsets.UTF_8)).replaceAll("");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((kind + '\n' + operation + '\n').getBytes(StandardCharsets.UTF_8));
            return sha.digest(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
