package io.esbridge.client;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.MessageSenderInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limiter.BlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;

/**
 * The limit of calls in flight ({@code es.server.max-in-flight}, adaptive below it by default: {@link CallLimits}): a
 * call holds a permit from the moment its request goes on the wire until its answer starts to arrive, which is what
 * the panel feels, and that time is what the adaptive limit measures. Marshalling the request and unmarshalling the
 * answer happen outside, so the panel sees at most the limit of requests at once however much CPU each side of the
 * wire costs. Each attempt takes its own permit: a retry is a Camel redelivery after this call has returned, so the
 * backoff sleep holds none. A call runs on one thread (CXF's HttpURLConnection conduit is blocking), so the permit a
 * thread holds is remembered per thread, and given back by {@link #releaseHeld} whatever way the call ended.
 *
 * <p>How an attempt ended teaches the limit: an answer (a result, a negative code, a SOAP fault: the panel did its
 * work) is a sample of its latency; a timeout or an HTTP 5xx/408/429 without SOAP (IIS or a proxy gave up) is a drop
 * and makes the limit back off; any other failure (connection refused, a 401) says nothing about load and is ignored.
 */
public final class CallSlots {

    private final SimpleLimiter<Void> limit;
    private final BlockingLimiter<Void> blocking;
    private final boolean adaptive;
    private final int ceiling;
    private final LongSupplier clock;
    private final ThreadLocal<Attempt> held = new ThreadLocal<>();
    private volatile LongConsumer attempts = nanos -> {};

    /** One attempt's permit: the library's listener and when the request went on the wire. */
    record Attempt(Limiter.Listener listener, long sentAt) {}

    CallSlots(EsServerProperties server) {
        this(server, System::nanoTime);
    }

    /** A limit whose latencies are read from {@code nanoClock} (tests play a panel's latency with it). */
    CallSlots(EsServerProperties server, LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.limit = SimpleLimiter.newBuilder()
                .limit(CallLimits.of(server))
                .nanoClock(nanoClock)
                .build();
        // a caller over the limit waits (as it did for the semaphore before) rather than failing: the workers are
        // the queue, and the library's default wait is its longest (an hour)
        this.blocking = BlockingLimiter.wrap(limit);
        this.adaptive = server.inFlight().adaptive();
        this.ceiling = server.maxInFlight();
    }

    /** The current limit of calls on the wire at once. */
    public int limit() {
        return limit.getLimit();
    }

    /** Calls on the wire now. */
    public int inFlight() {
        return limit.getInflight();
    }

    public boolean adaptive() {
        return adaptive;
    }

    /** {@code es.server.max-in-flight}: the adaptive limit's ceiling, or the fixed limit. */
    public int ceiling() {
        return ceiling;
    }

    /** Hands every attempt's time on the wire (nanoseconds, sending to answer or failure) to {@code observer}. */
    public void observeAttempts(LongConsumer observer) {
        this.attempts = observer;
    }

    /** Takes a permit just before CXF sends the buffered request (unchunked, it is sent when its stream closes). */
    AbstractPhaseInterceptor<Message> take() {
        AbstractPhaseInterceptor<Message> take = new AbstractPhaseInterceptor<>(Phase.PREPARE_SEND_ENDING) {
            @Override
            public void handleMessage(Message message) {
                acquire();
            }
        };
        take.addBefore(MessageSenderInterceptor.MessageSenderEndingInterceptor.class.getName());
        return take;
    }

    /** Gives the permit back as soon as the answer's status and headers are in, before its body is parsed. */
    AbstractPhaseInterceptor<Message> giveBack() {
        return new AbstractPhaseInterceptor<>(Phase.RECEIVE) {
            @Override
            public void handleMessage(Message message) {
                Integer status = (Integer) message.get(Message.RESPONSE_CODE);
                String contentType = (String) message.get(Message.CONTENT_TYPE);
                release(outcome(status, contentType));
            }
        };
    }

    void acquire() {
        held.set(begin());
    }

    /** Waits for a permit; the attempt holding it must be {@link #end ended} whatever happens. */
    Attempt begin() {
        Optional<Limiter.Listener> listener = blocking.acquire(null);
        if (listener.isEmpty()) {
            throw new Fault(new InterruptedIOException(
                    Thread.currentThread().isInterrupted()
                            ? "interrupted while waiting for a call slot"
                            : "no call slot came free within " + blocking.getTimeout()));
        }
        return new Attempt(listener.get(), clock.getAsLong());
    }

    /**
     * Gives back the permit this thread holds, if any: after every call, for calls that never got an answer;
     * {@code failure} is what the call threw (null if nothing).
     */
    void releaseHeld(Throwable failure) {
        if (held.get() != null) {
            release(failure != null && timedOut(failure) ? Outcome.DROPPED : Outcome.IGNORED);
        }
    }

    enum Outcome {
        SUCCESS,
        DROPPED,
        IGNORED
    }

    static Outcome outcome(Integer status, String contentType) {
        boolean soap = contentType != null && contentType.toLowerCase().contains("xml");
        if (status == null || soap) {
            return Outcome.SUCCESS;
        }
        return status >= 500 || status == 408 || status == 429 ? Outcome.DROPPED : Outcome.IGNORED;
    }

    private void release(Outcome outcome) {
        Attempt attempt = held.get();
        if (attempt != null) {
            held.remove();
            end(attempt, outcome);
        }
    }

    /** Gives an attempt's permit back, and its latency and outcome to the limit. */
    void end(Attempt attempt, Outcome outcome) {
        try {
            attempts.accept(clock.getAsLong() - attempt.sentAt());
        } finally {
            switch (outcome) {
                case SUCCESS -> attempt.listener().onSuccess();
                case DROPPED -> attempt.listener().onDropped();
                case IGNORED -> attempt.listener().onIgnore();
            }
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
