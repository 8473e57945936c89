package io.esbridge.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * SOAP calls the sandbox received, per operation (benchmarks print them), and the SOAPAction and body namespace of the
 * last one (tests assert the exact namespace a client put on the wire).
 */
public class SandboxStats {

    /**
     * A snapshot for {@code GET /sandbox/stats}; {@code ownMillisPerCall} is the sandbox's own time per answered call
     * (receiving, working, answering), without the latency and slowness injected by {@code /sandbox/faults};
     * {@code panelQueue} the calls waiting for one of the panel's workers now ({@link FaultSettings#capacity()}), and
     * {@code meanPanelQueue} their mean over time since the stats were last reset.
     */
    public record Snapshot(
            long total,
            Map<String, Long> operations,
            double ownMillisPerCall,
            String lastSoapAction,
            String lastNamespace,
            int panelQueue,
            double meanPanelQueue) {}

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder ownNanos = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private volatile String lastSoapAction;
    private volatile String lastNamespace;
    // the panel's queue over time: its length now, and its integral (call-nanoseconds) since the last reset
    private int queue;
    private double queueArea;
    private long queueChanged = System.nanoTime();
    private long queueSince = queueChanged;

    void recordCall(String operation, String soapAction) {
        calls.computeIfAbsent(operation, o -> new LongAdder()).increment();
        lastSoapAction = soapAction;
    }

    void recordOwnTime(long nanos) {
        ownNanos.add(nanos);
        answered.increment();
    }

    void recordBodyNamespace(String namespace) {
        lastNamespace = namespace;
    }

    /** The panel's queue is now {@code waiting} calls long. */
    synchronized void panelQueue(int waiting) {
        long now = System.nanoTime();
        queueArea += (double) queue * (now - queueChanged);
        queueChanged = now;
        queue = waiting;
    }

    private synchronized double meanPanelQueue() {
        long now = System.nanoTime();
        double area = queueArea + (double) queue * (now - queueChanged);
        return now == queueSince ? queue : Math.round(area / (now - queueSince) * 100) / 100.0;
    }

    private synchronized int currentPanelQueue() {
        return queue;
    }

    public long calls(String operation) {
        LongAdder count = calls.get(operation);
        return count == null ? 0 : count.sum();
    }

    public long total() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public String lastSoapAction() {
        return lastSoapAction;
    }

    /** Namespace of the element inside soap:Body of the last call. */
    public String lastNamespace() {
        return lastNamespace;
    }

    public Snapshot snapshot() {
        Map<String, Long> operations = new TreeMap<>();
        calls.forEach((operation, count) -> operations.put(operation, count.sum()));
        long answers = answered.sum();
        double ownMillis = answers == 0 ? 0 : Math.round(ownNanos.sum() / 1e4 / answers) / 100.0;
        return new Snapshot(
                operations.values().stream().mapToLong(Long::longValue).sum(),
                operations,
                ownMillis,
                lastSoapAction,
                lastNamespace,
                currentPanelQueue(),
                meanPanelQueue());
    }

    public void reset() {
        calls.clear();
        ownNanos.reset();
        answered.reset();
        lastSoapAction = null;
        lastNamespace = null;
        synchronized (this) {
            queueArea = 0;
            queueChanged = System.nanoTime();
            queueSince = queueChanged;
        }
    }
}
