package io.esbridge.errors;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.esbridge.client.EsTransientException;

/**
 * The circuit breaker around the Enterprise Server calls of {@code direct:provision-record} (Camel's circuit breaker
 * EIP with resilience4j refers to it by {@link #BEAN}). Only transient failures (connection refused, timeout, HTTP 5xx)
 * count: a business answer or a refused login says nothing about whether the server is up. While open, records fail
 * fast with {@code CallNotPermittedException}, which the error channel redelivers like any transient error; after
 * {@code es.errors.circuit-breaker.wait-in-open} it lets a few probe calls through (half-open) and closes once they
 * succeed. Its state is the gauge {@code es_circuit_breaker_state} (0 closed, 1 open, 2 half-open) and every
 * transition is logged.
 */
@Configuration(value = "esServerCircuitBreakerConfiguration", proxyBeanMethods = false)
public class EsServerCircuitBreaker {

    public static final String BEAN = "esServerCircuitBreaker";

    private static final Logger LOG = LoggerFactory.getLogger(EsServerCircuitBreaker.class);

    @Bean(BEAN)
    CircuitBreaker esServerCircuitBreaker(ErrorsProperties errors, ObjectProvider<MeterRegistry> meters) {
        ErrorsProperties.CircuitBreaker settings = errors.circuitBreaker();
        Duration waitInOpen = settings.waitInOpen();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(waitInOpen)
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpen())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .recordException(EsServerCircuitBreaker::isTransient)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("enterprise-server", config);
        breaker.getEventPublisher().onStateTransition(event -> {
            switch (event.getStateTransition().getToState()) {
                case OPEN -> LOG.warn(
                        "Enterprise Server circuit breaker OPEN ({}): the server looks down;"
                                + " records wait and are retried, a probe call in {}",
                        event.getStateTransition(),
                        waitInOpen);
                case CLOSED -> LOG.warn(
                        "Enterprise Server circuit breaker CLOSED ({}): the server answers again",
                        event.getStateTransition());
                default -> LOG.info("Enterprise Server circuit breaker {}", event.getStateTransition());
            }
        });
        meters.ifAvailable(registry -> Gauge.builder("es.circuit.breaker.state", breaker, b -> stateValue(b.getState()))
                .description("Enterprise Server circuit breaker: 0 closed, 1 open, 2 half-open")
                .tag("name", breaker.getName())
                .register(registry));
        return breaker;
    }

    static double stateValue(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED, DISABLED, METRICS_ONLY -> 0;
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 2;
        };
    }

    /** Whether a failure says the server is (temporarily) unreachable: a transient error anywhere in the chain. */
    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EsTransientException) {
                return true;
            }
        }
        return false;
    }
}
