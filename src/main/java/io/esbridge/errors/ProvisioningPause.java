package io.esbridge.errors;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * While the Enterprise Server refuses es-bridge's credentials (HTTP 401) or the configured URL leads nowhere, every
 * call would fail the same way: records wait on redelivery instead of being burned into the dead-letter store, and
 * the operator is told once, loudly, what to fix, and once more when calls succeed again.
 */
@Component
public class ProvisioningPause {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningPause.class);

    /** A refusal this soon after a call went through is taken for a call sent before the fix (it is retried). */
    private static final long STALE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final AtomicReference<String> reason = new AtomicReference<>();
    private volatile long lastSuccess = System.nanoTime() - 2 * STALE_NANOS;

    /** Hook of the refused call, run as the failure occurs (not before its redelivery, when a call of another record
     * may have succeeded meanwhile and the failure is stale). */
    public void refused(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error == null) {
            error = exchange.getException();
        }
        String why = error == null ? "the server refused the call" : error.getMessage();
        if (System.nanoTime() - lastSuccess < STALE_NANOS) {
            return;
        }
        if (reason.compareAndSet(null, why)) {
            LOG.error(
                    "PROVISIONING PAUSED: {}. Records wait and are retried; fix es.server.url / es.server.username"
                            + " / es.server.password (or the account on the server) and provisioning resumes by itself.",
                    why);
        }
    }

    /** A call went through: if provisioning was paused, it is resumed. */
    public void callSucceeded() {
        lastSuccess = System.nanoTime();
        String was = reason.getAndSet(null);
        if (was != null) {
            LOG.warn("PROVISIONING RESUMED: the Enterprise Server accepts calls again (was: {})", was);
        }
    }

    /** Why provisioning is paused, or null. */
    public String reason() {
        return reason.get();
    }
}
