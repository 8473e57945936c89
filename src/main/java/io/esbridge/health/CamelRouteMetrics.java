package io.esbridge.health;

import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Camel route metrics from Camel's own events (camel-micrometer is not available to this build):
 * <ul>
 * <li>{@code es.route.exchanges{route, outcome}}: a timer per route, completed or failed (Prometheus
 * {@code es_route_exchanges_seconds})</li>
 * <li>{@code es.retries{route, exception}}: redeliveries made by the error channel (Prometheus
 * {@code es_retries_total}), the number to watch when the Enterprise Server struggles</li>
 * </ul>
 * The notifier is added to the Camel context here rather than published as a bean, so Camel does not add it twice.
 */
@Component
public class CamelRouteMetrics implements CamelContextConfiguration {

    private final MeterRegistry registry;

    public CamelRouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        context.getManagementStrategy().addEventNotifier(new Notifier());
    }

    @Override
    public void afterApplicationStart(CamelContext context) {}

    private final class Notifier extends EventNotifierSupport {

        Notifier() {
            setIgnoreCamelContextEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreServiceEvents(true);
            setIgnoreStepEvents(true);
            setIgnoreExchangeCreatedEvent(true);
            setIgnoreExchangeSendingEvents(true);
            setIgnoreExchangeSentEvents(true);
            setIgnoreExchangeAsyncProcessingStartedEvents(true);
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof ExchangeCompletedEvent
                    || event instanceof ExchangeFailedEvent
                    || event instanceof ExchangeRedeliveryEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            if (event instanceof ExchangeRedeliveryEvent redelivery) {
                Exchange exchange = redelivery.getExchange();
                Throwable cause = exchange.getException() != null
                        ? exchange.getException()
                        : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
                Counter.builder("es.retries")
                        .description("Redeliveries made by the error channel")
                        .tag("route", route(exchange))
                        .tag(
                                "exception",
                                cause == null ? "none" : cause.getClass().getSimpleName())
                        .register(registry)
                        .increment();
            } else if (event instanceof CamelEvent.ExchangeEvent exchangeEvent) {
                Exchange exchange = exchangeEvent.getExchange();
                Timer.builder("es.route.exchanges")
                        .description("Exchanges through each route, by outcome")
                        .tag("route", route(exchange))
                        .tag("outcome", event instanceof ExchangeFailedEvent ? "failed" : "completed")
                        .register(registry)
                        .record(exchange.getClock().elapsed(), TimeUnit.MILLISECONDS);
            }
        }

        private static String route(Exchange exchange) {
            String route = exchange.getFromRouteId();
            return route == null ? "none" : route;
        }
    }
}
