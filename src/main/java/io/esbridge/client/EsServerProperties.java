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
 *                        process ({@link CallSlots})
 * @param trustStore      trust store for https servers with a private CA (JKS or PKCS12)
 * @param trustStorePassword its password
 * @param trustStoreType  JKS or PKCS12
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
        @DefaultValue("8") int maxInFlight,
        Resource trustStore,
        String trustStorePassword,
        @DefaultValue("PKCS12") String trustStoreType) {

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
                trustStoreType);
    }

    @ConstructorBinding
    public EsServerProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("es.server.max-in-flight must be at least 1, was " + maxInFlight);
        }
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
                trustStoreType);
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
                trustStoreType);
    }

    @Override
    public String toString() {
        return "EsServerProperties[url=" + url + ", username=" + username + ", password=******, brand=" + brand.id()
                + ", namespace=" + effectiveNamespace() + ", addUserShape=" + effectiveAddUserShape() + "]";
    }
}
