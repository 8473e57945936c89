package io.esbridge.errors;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * The error channel ({@code es.errors.*}): how long a transient failure is retried before the record is
 * dead-lettered, and how often provisioning retries while the server refuses the login. A bare number is milliseconds
 * (as before these were bound here), {@code 1s} works too. With the defaults a record waits about 5 minutes
 * (0.5 s doubling up to 30 s, 15 redeliveries) before it fails: an outage shorter than that dead-letters nothing.
 *
 * @param redeliveryDelay    first wait before a transient failure is redelivered; doubles (with jitter) each time
 * @param maxRedeliveryDelay the longest wait between two redeliveries
 * @param maxRedeliveries    redeliveries of a transient failure before the record fails
 * @param pausedRetryDelay   the retry period while the server refuses the credentials or the URL leads nowhere
 * @param circuitBreaker     the circuit breaker around the Enterprise Server calls
 */
@ConfigurationProperties("es.errors")
public record ErrorsProperties(
        @DefaultValue("500") @DurationUnit(ChronoUnit.MILLIS) Duration redeliveryDelay,
        @DefaultValue("30000") @DurationUnit(ChronoUnit.MILLIS) Duration maxRedeliveryDelay,
        @DefaultValue("15") int maxRedeliveries,
        @DefaultValue("5000") @DurationUnit(ChronoUnit.MILLIS) Duration pausedRetryDelay,
        @DefaultValue CircuitBreaker circuitBreaker) {

    /**
     * {@code es.errors.circuit-breaker.*}: opens when {@code failureRateThreshold} % of the last
     * {@code slidingWindowSize} calls (at least {@code minimumNumberOfCalls}) failed transiently; after
     * {@code waitInOpen} lets {@code permittedCallsInHalfOpen} probe calls through, and closes once they succeed.
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration waitInOpen,
            @DefaultValue("3") int permittedCallsInHalfOpen) {}
}
