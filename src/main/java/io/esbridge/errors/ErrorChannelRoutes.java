package io.esbridge.errors;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import io.esbridge.client.EsAuthenticationException;
import io.esbridge.client.EsConfigurationException;
import io.esbridge.client.EsTransientException;
import io.esbridge.record.RejectedRecord;

/**
 * The error channel of provisioning (route configuration {@code es-errors}, opted into by route {@code
 * provision-record}, where the Enterprise Server calls run; usable from Java and YAML routes). The feed routes keep
 * Camel's default error handler and their own onException, so that a file that cannot be read fails and moves to
 * failed/ (this channel marks every failure handled, which would move it to done/). Here, transient Enterprise Server failures are redelivered with exponential backoff and jitter; a refused login or a wrong
 * server URL pauses provisioning (see {@link ProvisioningPause}); everything that finally fails is recorded by
 * {@link OutcomeRecorder}. Records refused before provisioning arrive on {@code direct:rejected}.
 * <p>
 * The Enterprise Server calls of provisioning run inside a circuit breaker ({@link EsServerCircuitBreaker}); while it
 * is open they fail fast with {@code CallNotPermittedException}, redelivered here like a transient error, so that an
 * outage shorter than the bounded retry window never dead-letters a record.
 */
@Component
public class ErrorChannelRoutes extends RouteConfigurationBuilder {

    public static final String REJECTED = "direct:rejected";

    private final OutcomeRecorder recorder;
    private final ProvisioningPause pause;
    private final ErrorsProperties errors;

    public ErrorChannelRoutes(OutcomeRecorder recorder, ProvisioningPause pause, ErrorsProperties errors) {
        this.recorder = recorder;
        this.pause = pause;
        this.errors = errors;
    }

    @Override
    public void configuration() {
        routeConfiguration("es-errors")
                // 401 or a wrong URL: every call would fail alike, so records wait (forever) instead of failing.
                .onException(EsAuthenticationException.class, EsConfigurationException.class)
                .maximumRedeliveries(-1)
                .redeliveryDelay(errors.pausedRetryDelay().toMillis())
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.DEBUG)
                .onExceptionOccurred(pause::refused)
                .handled(true)
                .bean(recorder, "provisioningFailed")
                .end()
                // Transient, or refused by the open circuit breaker (the server looks down): wait and retry, bounded.
                // The window is ErrorsProperties' (by default about 5 minutes before a record fails).
                .onException(EsTransientException.class, CallNotPermittedException.class)
                .onExceptionOccurred(OutcomeRecorder::attempted)
                .maximumRedeliveries(errors.maxRedeliveries())
                .redeliveryDelay(errors.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .useCollisionAvoidance()
                .maximumRedeliveryDelay(errors.maxRedeliveryDelay().toMillis())
                // one line per record when it first fails (OutcomeRecorder.attempted), not one per redelivery:
                // in an outage that would be a stack of lines per record; the breaker logs the outage itself
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.DEBUG)
                .handled(true)
                .bean(recorder, "provisioningFailed")
                .end()
                .onException(Exception.class)
                .handled(true)
                .bean(recorder, "provisioningFailed")
                .end();
    }

    /** The route taking records refused before provisioning. */
    @Component
    static class RejectedRoutes extends RouteBuilder {

        private final OutcomeRecorder recorder;

        RejectedRoutes(OutcomeRecorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public void configure() {
            from(REJECTED)
                    .routeId("record-rejected")
                    .process(exchange -> recorder.rejected(exchange.getIn().getMandatoryBody(RejectedRecord.class)));
        }
    }
}
