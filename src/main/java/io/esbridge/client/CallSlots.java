package io.esbridge.client;

import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.MessageSenderInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * The bound on calls in flight ({@code es.server.max-in-flight}): a call holds a slot from the moment its request
 * goes on the wire until its answer starts to arrive, which is what the panel feels. Marshalling the request and
 * unmarshalling the answer happen outside the slot, so the panel sees up to the bound of requests at once however
 * much CPU each side of the wire costs. A call runs on one thread (CXF's HttpURLConnection conduit is blocking), so
 * the slot a thread holds is remembered per thread, and given back by {@link #releaseHeld()} whatever way the call
 * ended.
 */
final class CallSlots {

    private final Semaphore slots;
    private final ThreadLocal<Boolean> held = ThreadLocal.withInitial(() -> Boolean.FALSE);

    CallSlots(int maxInFlight) {
        // not fair: a freed slot goes to a thread that is running rather than waiting for a parked one to be
        // scheduled; every worker is as good as another, and the order across customers does not matter
        this.slots = new Semaphore(maxInFlight);
    }

    /** Takes a slot just before CXF sends the buffered request (unchunked, it is sent when its stream closes). */
    AbstractPhaseInterceptor<Message> take() {
        AbstractPhaseInterceptor<Message> take = new AbstractPhaseInterceptor<>(Phase.PREPARE_SEND_ENDING) {
            @Override
            public void handleMessage(Message message) {
                try {
                    slots.acquire();
                    held.set(Boolean.TRUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Fault(new InterruptedIOException("interrupted while waiting for a free call slot"));
                }
            }
        };
        take.addBefore(MessageSenderInterceptor.MessageSenderEndingInterceptor.class.getName());
        return take;
    }

    /** Gives the slot back as soon as the answer's status and headers are in, before its body is parsed. */
    AbstractPhaseInterceptor<Message> giveBack() {
        return new AbstractPhaseInterceptor<>(Phase.RECEIVE) {
            @Override
            public void handleMessage(Message message) {
                releaseHeld();
            }
        };
    }

    /** Gives back the slot this thread holds, if any: after every call, for calls that never got an answer. */
    void releaseHeld() {
        if (held.get()) {
            held.set(Boolean.FALSE);
            slots.release();
        }
    }
}
