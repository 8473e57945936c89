package io.esbridge.client;

import org.apache.cxf.Bus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The one {@link EnterpriseServerClient} of the application. */
@Configuration(proxyBeanMethods = false)
public class EnterpriseServerClientConfiguration {

    /**
     * The ports live on the application's CXF bus (so its metrics feature times them), and are built on first use: with an empty {@code es.server.url} the client talks to the sandbox built
     * into this process, whose port is known only once the web server has started.
     */
    @Bean
    public EnterpriseServerClient enterpriseServerClient(
            EsServerProperties properties, ObjectProvider<BuiltInServer> builtIn, Environment environment, Bus bus) {
        // the brand is checked (or, for auto, found) against the server's WSDL before the ports are built: a supplier
        // that throws keeps nothing, so a refused brand is refused again by every call, never used
        SingletonSupplier<EsPorts> ports = SingletonSupplier.of(() -> EsPorts.create(
                BrandDetection.resolve(
                        properties.withUrl(resolveUrl(properties, builtIn.getIfAvailable() != null, environment)),
                        "es.server.brand"),
                bus));
        return new EnterpriseServerClient(ports);
    }

    /**
     * Builds the ports once the application has started (the sandbox's port is known by then) and before any command
     * runs, so that the first record does not wait for CXF to build its service model. Without a server configured
     * nothing happens here: the first call that needs one says so. A brand that {@code auto} cannot find out, or a
     * brand given by hand that the server's WSDL contradicts, stops the start here ({@link BrandDetectionException}):
     * a one-shot command then exits 2 with that sentence, and the service does not start writing with a wrong
     * profile.
     */
    @Bean
    ApplicationListener<ApplicationStartedEvent> enterpriseServerPortsAtStart(EnterpriseServerClient client) {
        return started -> {
            try {
                client.prepare();
            } catch (EsConfigurationException notConfigured) {
                // reported by the first call that needs the server
            }
        };
    }

    /**
     * {@code es_calls_in_flight_limit}: the limit of calls in flight now. An adaptive limit that sinks means the panel
     * answers more slowly under es-bridge's load (a backup job, daytime users): the run takes longer, and the panel's
     * queue stays short. Empty (NaN) until the first call built the ports.
     */
    @Bean
    MeterBinder callsInFlightLimitGauge(EnterpriseServerClient client) {
        return registry -> Gauge.builder("es.calls.in.flight.limit", client, c -> c.callSlots()
                        .map(slots -> (double) slots.limit())
                        .orElse(Double.NaN))
                .description("Limit of Enterprise Server calls on the wire at once (adaptive unless turned off)")
                .register(registry);
    }

    private static String resolveUrl(EsServerProperties properties, boolean builtIn, Environment environment) {
        if (properties.url() != null && !properties.url().isBlank()) {
            return properties.url().strip();
        }
        if (!builtIn) {
            throw new EsConfigurationException(
                    "connect",
                    "es.server.url is empty and the built-in sandbox is off "
                            + "(es.sandbox.enabled=false): set es.server.url to your Enterprise Server, "
                            + "e.g. http://panel.example.com:9002/",
                    null);
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new EsConfigurationException(
                    "connect",
                    "es.server.url is empty, meaning the built-in sandbox," + " but the web server has not started yet",
                    null);
        }
        return "http://localhost:" + port + "/";
    }
}
