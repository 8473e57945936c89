package io.esbridge.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsException;

/**
 * Callers that keep calling UserExists through one es-bridge client until stopped, more of them than any limit
 * tried, so that the client's limit of calls in flight (not the callers) decides what the panel sees. Counts answers
 * per 100 ms and records each attempt's time on the wire (from sending to the answer's headers: what the panel's
 * queue adds to, and what a receive timeout would cut).
 */
final class PanelLoad {

    static final long TICK_NANOS = 100_000_000L;
    private static final int TICKS = 20 * 60 * 10;

    private final EnterpriseServerClient client;
    private final List<Thread> callers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLongArray perTick = new AtomicLongArray(TICKS);
    private final long[] samples = new long[400_000];
    private final AtomicInteger sampleCount = new AtomicInteger();
    private volatile boolean recording;
    private final long started = System.nanoTime();

    PanelLoad(EnterpriseServerClient client, int callers) {
        this.client = client;
        client.prepare();
        client.callSlots().orElseThrow().observeAttempts(nanos -> {
            if (recording) {
                int i = sampleCount.getAndIncrement();
                if (i < samples.length) {
                    samples[i] = nanos;
                }
            }
        });
        for (int i = 0; i < callers; i++) {
            Thread caller = new Thread(this::callUntilStopped, "panel-load-" + i);
            caller.setDaemon(true);
            this.callers.add(caller);
        }
        this.callers.forEach(Thread::start);
    }

    private void callUntilStopped() {
        while (running.get()) {
            try {
                client.userExists("serveradmin");
                answered.incrementAndGet();
                int tick = (int) ((System.nanoTime() - started) / TICK_NANOS);
                if (tick < TICKS) {
                    perTick.incrementAndGet(tick);
                }
            } catch (EsException e) {
                failed.incrementAndGet();
            }
        }
    }

    /** The client's limit of calls in flight now. */
    int limit() {
        return client.callSlots().orElseThrow().limit();
    }

    long nanosSinceStart() {
        return System.nanoTime() - started;
    }

    long answered() {
        return answered.get();
    }

    long failed() {
        return failed.get();
    }

    /** Answers in [fromNanos, toNanos) since the start, at the resolution of a tick. */
    long answeredBetween(long fromNanos, long toNanos) {
        long sum = 0;
        for (int t = (int) (fromNanos / TICK_NANOS); t < Math.min(TICKS, (int) (toNanos / TICK_NANOS)); t++) {
            sum += perTick.get(t);
        }
        return sum;
    }

    void record(boolean on) {
        if (on) {
            sampleCount.set(0);
        }
        recording = on;
    }

    /** The recorded attempts' time on the wire, in ms, sorted. */
    double[] wireMillisSorted() {
        int n = Math.min(sampleCount.get(), samples.length);
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            millis[i] = samples[i] / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
    }

    /** Stops the callers and waits for their calls in flight to end. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread caller : callers) {
            caller.join();
        }
    }
}
