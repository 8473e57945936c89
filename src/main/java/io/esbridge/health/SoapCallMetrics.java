package io.esbridge.health;

import org.apache.cxf.Bus;
import org.apache.cxf.metrics.MetricsFeature;
import org.apache.cxf.metrics.MetricsProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Times every SOAP call es-bridge makes ({@code cxf.client.requests}, tagged with operation, outcome and fault code;
 * Prometheus {@code cxf_client_requests_seconds}). CXF's Spring Boot support provides the Micrometer
 * {@link MetricsProvider} but applies it to nothing by itself, so the feature is put on the application's bus, which
 * the Enterprise Server client's ports are built on (the sandbox's services, when it runs, are timed alike as
 * {@code cxf.server.requests}). Not a {@code Feature} bean, so nothing that collects feature beans applies it twice.
 */
@Component
public class SoapCallMetrics {

    public SoapCallMetrics(Bus bus, ObjectProvider<MetricsProvider> provider) {
        MetricsProvider metrics = provider.getIfAvailable();
        if (metrics != null) {
            MetricsFeature feature = new MetricsFeature(metrics);
            bus.getFeatures().add(feature);
            feature.initialize(bus);
        }
    }
}
