package io.esbridge.sandbox;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The faults the sandbox injects, changeable while it serves (by tests, benchmarks, and {@code PUT /sandbox/faults}).
 * Each call reads one consistent {@link FaultSettings}.
 */
public class SandboxFaults {

    /** What to do with one call, decided when it arrives. */
    public enum Verdict { SERVE, OUTAGE, SOAP_FAULT, HTTP_ERROR }

    private final AtomicReference<FaultSettings> settings = new AtomicReference<>(FaultSettings.NONE);

    public FaultSettings settings() {
        return settings.get();
    }

    public void set(FaultSettings newSettings) {
        settings.set(newSettings);
    }

    public void update(UnaryOperator<FaultSettings> change) {
        settings.updateAndGet(change);
    }

    public void clear() {
        settings.set(FaultSettings.NONE);
    }

    Verdict verdict(FaultSettings s) {
        if (s.outageAt(Instant.now())) {
            return Verdict.OUTAGE;
        }
        double dice = ThreadLocalRandom.current().nextDouble();
        if (dice < s.httpErrorShare()) {
            return Verdict.HTTP_ERROR;
        }
        if (dice < s.httpErrorShare() + s.soapFaultShare()) {
            return Verdict.SOAP_FAULT;
        }
        return Verdict.SERVE;
    }

    long latencyMillis(FaultSettings s) {
        return s.latencyMillis() + (s.jitterMillis() > 0 ? ThreadLocalRandom.current().nextLong(s.jitterMillis() + 1) : 0);
    }

    long slowAnswerMillis(FaultSettings s) {
        return s.slowAnswerMillis() > 0 && ThreadLocalRandom.current().nextDouble() < s.slowAnswerShare()
                ? s.slowAnswerMillis() : 0;
    }
}
