package io.esbridge.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the Enterprise Server is and how to talk to it ({@code es.server.*}).
 *
 * @param url             base URL of the services (the folder holding esUsers.asmx); empty = the sandbox built into
 *                        this process
 * @param username        account the calls are made as (HTTP Basic, sent pre-emptively)
 * @param password        its password; the default is the built-in sandbox's ({@code es.sandbox.admin-password})
 * @param brand           brand and version of the server, or {@code auto}: read from its {@code ?WSDL} at start
 *                        ({@link BrandDetection}); a brand given by hand is checked against that WSDL
 * @param namespace       overrides the brand's XML namespace, for servers of unknown version
 * @param addUserShape    overrides the brand's AddUser shape, for servers of unknown version
 * @param connectTimeout  TCP connect timeout
 * @param receiveTimeout  how long to wait for an answer
 * @param maxInFlight     most requests on the wire at once (sent, answer not yet in), across every route of this
 *                        process ({@link CallSlots}): the ceiling of the adaptive limit, or the fixed limit
 * @param trustStore      trust store for https servers with a private CA (JKS or PKCS12)
 * @param trustStorePassword its password
 * @param trustStoreType  JKS or PKCS12
 * @param inFlight        whether the limit of calls in flight adapts to the panel's latency, and where it starts
 */
@ConfigurationProperties("es.server")
public record EsServerProperties(
        String url,
        @DefaultValue("serveradmin") String username,
        @DefaultValue("serveradmin") String password,
        @DefaultValue("solidcp") BrandChoice brand,
        String namespace,
        AddUserShape addUserShape,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration receiveTimeout,
        @DefaultValue("64") int maxInFlight,
        Resource trustStore,
        String trustStorePassword,
        @DefaultValue("PKCS12") String trustStoreType,
        @DefaultValue InFlight inFlight) {

    /**
     * {@code es.server.in-flight.*}: the limit of calls in flight ({@link CallLimits}).
     *
     * @param adaptive whether the limit follows the panel's latency between 1 and {@code es.server.max-in-flight}
     *                 (false: always max-in-flight, as before)
     * @param initial  the adaptive limit at start (at most max-in-flight): it grows from there while latency stays
     *                 near the panel's unloaded latency. That latency is the least seen, so a start above the
     *                 panel's capacity would take a loaded latency for it and keep the panel's queue long (1: the
     *                 first calls measure the panel unloaded, and a panel of 32 workers is reached in ~22 s)
     */
    public record InFlight(@DefaultValue("true") boolean adaptive, @DefaultValue("1") int initial) {

        public static final InFlight DEFAULT = new InFlight(true, 1);

        public InFlight {
            if (initial < 1) {
                throw new IllegalArgumentException("es.server.in-flight.initial must be at least 1, was " + initial);
            }
        }
    }

    /** Settings with the default limit of calls in flight (plain Java use, tests). */
    public EsServerProperties(
            String url,
            String username,
            String password,
            BrandChoice brand,
            String namespace,
            AddUserShape addUserShape,
            Duration connectTimeout,
            Duration receiveTimeout,
            int maxInFlight,
            Resource trustStore,
            String trustStorePassword,
            String trustStoreType) {
        this(
                url,
                username,
                password,
                brand,
                namespace,
                addUserShape,
                connectTimeout,
                receiveTimeout,
                maxInFlight,
                trustStore,
                trustStorePassword,
                trustStoreType,
                InFlight.DEFAULT);
    }

    /** Settings with a brand given by hand (plain Java use, tests). */
    public EsServerProperties(
            String url,
            String username,
            String password,
            Brand brand,
            String namespace,
            AddUserShape addUserShape,
            Duration connectTimeout,
            Duration receiveTimeout,
            int maxInFlight,
            Resource trustStore,
            String trustStorePassword,
            String trustStoreType) {
        this(
                url,
                username,
                password,
                BrandChoice.of(brand),
                namespace,
                addUserShape,
                connectTimeout,
                receiveTimeout,
                maxInFlight,
                trustStore,
                trustStorePassword,
                trustStoreType,
                InFlight.DEFAULT);
    }

    @ConstructorBinding
    public EsServerProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("es.server.max-in-flight must be at least 1, was " + maxInFlight);
        }
        inFlight = inFlight == null ? InFlight.DEFAULT : inFlight;
    }

    /** Same settings with another limit of calls in flight. */
    public EsServerProperties withInFlight(int newMaxInFlight, InFlight newInFlight) {
        return new EsServerProperties(
                url,
                username,
                password,
                brand,
                namespace,
                addUserShape,
                connectTimeout,
                receiveTimeout,
                newMaxInFlight,
                trustStore,
                trustStorePassword,
                trustStoreType,
                newInFlight);
    }

    /** The namespace on the wire: the override, else the brand's; null while an {@code auto} brand is unresolved. */
    public String effectiveNamespace() {
        if (namespace != null && !namespace.isBlank()) {
            return namespace.strip();
        }
        return brand.auto() ? null : brand.brand().namespace();
    }

    /** The AddUser shape on the wire: the override, else the brand's; null while an {@code auto} brand is unresolved. */
    public AddUserShape effectiveAddUserShape() {
        if (addUserShape != null) {
            return addUserShape;
        }
        return brand.auto() ? null : brand.brand().addUserShape();
    }

    /**
     * Same settings with {@code auto} resolved ({@link BrandDetection}): the detected brand, and the AddUser shape
     * its WSDL calls for unless one was given by hand.
     */
    public EsServerProperties withBrand(Brand detected, AddUserShape shape) {
        return new EsServerProperties(
                url,
                username,
                password,
                BrandChoice.of(detected),
                namespace,
                addUserShape == null && shape != detected.addUserShape() ? shape : addUserShape,
                connectTimeout,
                receiveTimeout,
                maxInFlight,
                trustStore,
                trustStorePassword,
                trustStoreType,
                inFlight);
    }

    /** Same settings against another base URL (the sandbox's port is known only once the web server runs). */
    public EsServerProperties withUrl(String newUrl) {
        return new EsServerProperties(
                newUrl,
                username,
                password,
                brand,
                namespace,
                addUserShape,
                connectTimeout,
                receiveTimeout,
                maxInFlight,
                trustStore,
                trustStorePassword,
                trustStoreType,
                inFlight);
    }

    @Override
    public String toString() {
        return "EsServerProperties[url=" + url + ", username=" + username + ", password=******, brand=" + brand.id()
                + ", namespace=" + effectiveNamespace() + ", addUserShape=" + effectiveAddUserShape() + "]";
    }
}
