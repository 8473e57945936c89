package io.esbridge.client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/** The one {@link EnterpriseServerClient} of the application. */
@Configuration(proxyBeanMethods = false)
public class EnterpriseServerClientConfiguration {

    /**
     * The ports are built on first use: with an empty {@code es.server.url} the client talks to the sandbox built
     * into this process, whose port is known only once the web server has started.
     */
    @Bean
    public EnterpriseServerClient enterpriseServerClient(EsServerProperties properties, Environment environment) {
        SingletonSupplier<EsPorts> ports = SingletonSupplier.of(
                () -> EsPorts.create(properties.withUrl(resolveUrl(properties, environment))));
        return new EnterpriseServerClient(ports, properties.maxInFlight(), properties.effectiveAddUserShape());
    }

    private static String resolveUrl(EsServerProperties properties, Environment environment) {
        if (properties.url() != null && !properties.url().isBlank()) {
            return properties.url().strip();
        }
        if (!environment.getProperty("es.sandbox.enabled", Boolean.class, false)) {
            throw new IllegalStateException("es.server.url is empty and the built-in sandbox is off "
                    + "(es.sandbox.enabled=false): set es.server.url to your Enterprise Server, "
                    + "e.g. http://panel.example.com:9002/");
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("es.server.url is empty, meaning the built-in sandbox, but the web "
                    + "server has not started yet");
        }
        return "http://localhost:" + port + "/";
    }
}
