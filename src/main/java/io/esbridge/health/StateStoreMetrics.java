package io.esbridge.health;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.esbridge.errors.ProvisioningPause;
import io.esbridge.run.Outcome;
import io.esbridge.run.RunQueries;

/**
 * Gauges read from the state store, so they count what was recorded across restarts and across every instance
 * sharing the store:
 * <ul>
 * <li>{@code es.records{outcome}}: records of all runs by outcome (Prometheus {@code es_records})</li>
 * <li>{@code es.dead.letters.open}: failed records not yet resolved</li>
 * <li>{@code es.provisioning.paused}: 1 while the Enterprise Server refuses es-bridge's calls</li>
 * </ul>
 * The queries are cached a few seconds: a scrape reads several gauges, and scrapers may be many.
 */
@Component
public class StateStoreMetrics implements MeterBinder {

    static final Duration CACHED_FOR = Duration.ofSeconds(5);

    private final Cached<Map<String, Long>> recordsByOutcome;
    private final Cached<Long> openDeadLetters;
    private final ProvisioningPause pause;

    public StateStoreMetrics(RunQueries queries, ProvisioningPause pause) {
        this.recordsByOutcome = new Cached<>(queries::recordsByOutcome, CACHED_FOR);
        this.openDeadLetters = new Cached<>(queries::openDeadLetters, CACHED_FOR);
        this.pause = pause;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            Gauge.builder("es.records", recordsByOutcome, c -> c.get().getOrDefault(outcome.name(), 0L))
                    .description("Records of all runs by outcome")
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(registry);
        }
        Gauge.builder("es.dead.letters.open", openDeadLetters, Cached::get)
                .description("Failed records waiting in the dead-letter store")
                .register(registry);
        Gauge.builder("es.provisioning.paused", pause, p -> p.reason() == null ? 0 : 1)
                .description("1 while the Enterprise Server refuses es-bridge's calls (credentials, URL)")
                .register(registry);
    }

    /** A value recomputed at most once per period. */
    static final class Cached<T> {

        private final Supplier<T> source;
        private final long periodNanos;
        private T value;
        private long computedAt;

        Cached(Supplier<T> source, Duration period) {
            this.source = source;
            this.periodNanos = period.toNanos();
        }

        synchronized T get() {
            long now = System.nanoTime();
            if (value == null || now - computedAt > periodNanos) {
                value = source.get();
                computedAt = now;
            }
            return value;
        }
    }
}
