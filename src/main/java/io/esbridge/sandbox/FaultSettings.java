package io.esbridge.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * What the sandbox does wrong on purpose, one immutable value swapped atomically (see {@link SandboxFaults}).
 *
 * @param latencyMillis       added to every SOAP call
 * @param jitterMillis        up to this much more, at random
 * @param soapFaultShare      share (0..1) of distinct requests answered HTTP 500 soap:Server with a SQL Server deadlock
 *                            text, which the client treats as worth retrying
 * @param httpErrorShare      share (0..1) of distinct requests answered a bare HTTP {@code httpErrorStatus} without
 *                            SOAP
 * @param httpErrorStatus     500 or 503
 * @param outage              no call is served: HTTP 503 as IIS answers with its application pool stopped
 * @param outageUntil         an outage until this instant (null: none)
 * @param slowAnswerMillis    the write is applied, then the answer waits this long (past the client's timeout)
 * @param slowAnswerShare     share (0..1) of distinct requests answered slowly
 * @param failFirstCalls      operation name → how many of its first calls (since these settings) are answered a bare
 *                            HTTP {@code httpErrorStatus} without being applied ("the first AddUser fails")
 * @param capacity            the panel's workers (0: as many as calls come): a call beyond them waits in a queue
 *                            (first come, first served) for one to be free, so its latency grows with the queue, as a
 *                            panel's SQL Server serves a few requests at a time and makes the others wait
 * @param contention          with a capacity, how much slower each call gets per call waiting, relative to the
 *                            capacity: latency × (1 + contention × queue / capacity). Past its peak the panel then does
 *                            less work per second, as SQL Server does under lock contention (0: none)
 *
 * <p>A share picks requests by their content, not by chance, and each picked request fails once: its retry (the same
 * request) is served. So a test with a share of faults has the same outcome on every run, however the calls of
 * parallel workers interleave, and a record is never unlucky enough to exhaust its retries. Dates and times in the
 * request are left out of its content, since a retry may carry a later "now".
 */
public record FaultSettings(
        long latencyMillis,
        long jitterMillis,
        double soapFaultShare,
        double httpErrorShare,
        int httpErrorStatus,
        boolean outage,
        Instant outageUntil,
        long slowAnswerMillis,
        double slowAnswerShare,
        Map<String, Integer> failFirstCalls,
        int capacity,
        double contention) {

    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 0, 503, false, null, 0, 0, Map.of(), 0, 0);

    public FaultSettings {
        failFirstCalls = failFirstCalls == null ? Map.of() : Map.copyOf(failFirstCalls);
        failFirstCalls.forEach((operation, calls) -> {
            if (calls == null || calls < 0) {
                throw new IllegalArgumentException("failFirstCalls of " + operation + " must not be negative");
            }
        });
        requireShare("soapFaultShare", soapFaultShare);
        requireShare("httpErrorShare", httpErrorShare);
        requireShare("slowAnswerShare", slowAnswerShare);
        if (latencyMillis < 0 || jitterMillis < 0 || slowAnswerMillis < 0) {
            throw new IllegalArgumentException("latencyMillis, jitterMillis and slowAnswerMillis must not be negative");
        }
        if (capacity < 0 || contention < 0) {
            throw new IllegalArgumentException("capacity and contention must not be negative");
        }
        if (httpErrorStatus == 0) {
            httpErrorStatus = 503;
        }
        if (httpErrorStatus < 500 || httpErrorStatus > 599) {
            throw new IllegalArgumentException("httpErrorStatus must be a 5xx status, was " + httpErrorStatus);
        }
    }

    private static void requireShare(String name, double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + share);
        }
    }

    public boolean outageAt(Instant now) {
        return outage || (outageUntil != null && now.isBefore(outageUntil));
    }

    public FaultSettings withLatency(long millis, long jitter) {
        return new FaultSettings(
                millis,
                jitter,
                soapFaultShare,
                httpErrorShare,
                httpErrorStatus,
                outage,
                outageUntil,
                slowAnswerMillis,
                slowAnswerShare,
                failFirstCalls,
                capacity,
                contention);
    }

    public FaultSettings withSoapFaultShare(double share) {
        return new FaultSettings(
                latencyMillis,
                jitterMillis,
                share,
                httpErrorShare,
                httpErrorStatus,
                outage,
                outageUntil,
                slowAnswerMillis,
                slowAnswerShare,
                failFirstCalls,
                capacity,
                contention);
    }

    public FaultSettings withHttpErrorShare(double share, int status) {
        return new FaultSettings(
                latencyMillis,
                jitterMillis,
                soapFaultShare,
                share,
                status,
                outage,
                outageUntil,
                slowAnswerMillis,
                slowAnswerShare,
                failFirstCalls,
                capacity,
                contention);
    }

    public FaultSettings withOutage(boolean on, Instant until) {
        return new FaultSettings(
                latencyMillis,
                jitterMillis,
                soapFaultShare,
                httpErrorShare,
                httpErrorStatus,
                on,
                until,
                slowAnswerMillis,
                slowAnswerShare,
                failFirstCalls,
                capacity,
                contention);
    }

    public FaultSettings withSlowAnswers(long millis, double share) {
        return new FaultSettings(
                latencyMillis,
                jitterMillis,
                soapFaultShare,
                httpErrorShare,
                httpErrorStatus,
                outage,
                outageUntil,
                millis,
                share,
                failFirstCalls,
                capacity,
                contention);
    }

    /** The first {@code calls} calls of {@code operation} are answered HTTP {@code status} without being applied. */
    public FaultSettings withFailFirst(String operation, int calls, int status) {
        Map<String, Integer> failFirst = new java.util.HashMap<>(failFirstCalls);
        failFirst.put(operation, calls);
        return new FaultSettings(
                latencyMillis,
                jitterMillis,
                soapFaultShare,
                httpErrorShare,
                status,
                outage,
                outageUntil,
                slowAnswerMillis,
                slowAnswerShare,
                failFirst,
                capacity,
                contention);
    }

    /** A panel of {@code workers} (0: unbounded), with {@code contention} past its peak (see the record). */
    public FaultSettings withCapacity(int workers, double contention) {
        return new FaultSettings(
                latencyMillis,
                jitterMillis,
                soapFaultShare,
                httpErrorShare,
                httpErrorStatus,
                outage,
                outageUntil,
                slowAnswerMillis,
                slowAnswerShare,
                failFirstCalls,
                workers,
                contention);
    }

    /** Whether a call's verdict depends on its content or its rank, so its body must be read first. */
    boolean picksCalls() {
        return soapFaultShare > 0
                || httpErrorShare > 0
                || slowAnswerShare > 0 && slowAnswerMillis > 0
                || !failFirstCalls.isEmpty();
    }
}
