package io.esbridge.client;

import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import com.netflix.concurrency.limits.limit.WindowedLimit;

/**
 * The limit of calls in flight that {@code es.server.in-flight.*} asks for: fixed at {@code es.server.max-in-flight},
 * or adaptive between 1 and it. A panel queues rather than refuses (its SQL Server serves c requests at a time and
 * makes the others wait), so the sign of too many calls is latency, not errors: TCP Vegas reads the panel's queue
 * from it, {@code queue = limit × (1 − unloaded RTT / RTT)}, and moves the limit to keep that queue small.
 */
final class CallLimits {

    /**
     * Each window's calls are averaged into one sample: 2 s hold ~40 calls of 50 ms even at a limit of 1, and a few
     * of a slow (1 s) panel, where a per-call update would chase noise.
     */
    static final long WINDOW_MILLIS = 2000;

    /**
     * Fewer answers than this in a window (a slow panel at a limit of 1) teach nothing: the window is dropped. The
     * library's least.
     */
    static final int MIN_SAMPLES_PER_WINDOW = 10;

    /** Share of the limit kept when the panel's queue grows past beta or calls time out / answer 5xx. */
    static final double BACKOFF = 0.75;

    private CallLimits() {}

    static Limit of(EsServerProperties server) {
        int ceiling = server.maxInFlight();
        if (!server.inFlight().adaptive()) {
            return FixedLimit.of(ceiling);
        }
        VegasLimit vegas = VegasLimit.newBuilder()
                .initialLimit(Math.min(server.inFlight().initial(), ceiling))
                .maxConcurrency(ceiling)
                // a queue estimate of 0–1 call is rounding (the answer's own time over the unloaded RTT): grow by
                // beta at once, so that a panel of 32 workers is reached from 8 in ~7 windows rather than 30
                .thresholdFunction(limit -> 1)
                // Vegas's defaults (3 and 6 × log10 limit) let a panel of 4 workers queue 3–5 calls, which nearly
                // doubles every call's latency there; 2 waiting calls keep the panel busy and its queue short
                .alphaFunction(limit -> 2)
                .betaFunction(limit -> Math.max(2, limit / 4))
                .increaseFunction(limit -> limit + 1)
                // the default step down (log10 limit, ~1 call) takes 20 s to leave a panel whose capacity fell from
                // 12 to 4; a multiplicative back-off (as TCP's) empties its queue in 2–3 windows
                .decreaseFunction(limit -> limit * BACKOFF)
                .build();
        return WindowedLimit.newBuilder()
                .minWindowTime(WINDOW_MILLIS, TimeUnit.MILLISECONDS)
                .maxWindowTime(WINDOW_MILLIS, TimeUnit.MILLISECONDS)
                .windowSize(MIN_SAMPLES_PER_WINDOW)
                .build(vegas);
    }
}
