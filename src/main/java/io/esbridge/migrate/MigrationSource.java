package io.esbridge.migrate;

import java.net.URI;
import java.util.Locale;

import org.apache.cxf.Bus;

import io.esbridge.client.Brand;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsPorts;
import io.esbridge.client.EsServerProperties;

/**
 * The Enterprise Server a migration reads: its address, brand, account and the name its records are keyed under
 * ({@code <name>:user:42}). Its client is built as the target's is (the same interceptors, on the application's CXF
 * bus) but with {@link io.esbridge.client.CallSlots} of its own, so that reading the source and writing the target
 * each keep to their own server's bound on calls in flight.
 *
 * @param name     prefix of every record key; a second migration from the same server must use the same name, or
 *                 nothing it provisioned before is recognised and everything is created again
 * @param password never printed ({@link #toString()})
 */
public record MigrationSource(String url, Brand brand, String username, String password, String name) {

    public MigrationSource {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("--from-url is required: the source Enterprise Server's base URL");
        }
        if (name == null || name.isBlank()) {
            name = defaultName(url);
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "--source-name '" + name + "' may hold only letters, digits, '.', '_' and '-'");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("no password for the source server: set es.migrate.source.password"
                    + " or the environment variable ES_MIGRATE_SOURCE_PASSWORD");
        }
    }

    /** The source URL's host, e.g. {@code old-panel.example.com} for {@code http://old-panel.example.com:9002/}. */
    static String defaultName(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("--from-url '" + url + "' names no host");
            }
            return host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--from-url '" + url + "' is not a URL: " + e.getMessage(), e);
        }
    }

    /** A client of the source, with the target's timeouts, bound on calls in flight and trust settings. */
    EnterpriseServerClient client(EsServerProperties target, Bus bus) {
        EsServerProperties source = new EsServerProperties(
                url.strip(),
                username,
                password,
                brand,
                null,
                null,
                target.connectTimeout(),
                target.receiveTimeout(),
                target.maxInFlight(),
                target.trustStore(),
                target.trustStorePassword(),
                target.trustStoreType());
        EsPorts ports = EsPorts.create(source, bus);
        return new EnterpriseServerClient(() -> ports, source.effectiveAddUserShape());
    }

    /** The record key of a source object, e.g. {@code old-panel:user:42}. */
    String key(String kind, int id) {
        return name + ":" + kind + ":" + id;
    }

    @Override
    public String toString() {
        return "MigrationSource[url=" + url + ", brand=" + brand.id() + ", username=" + username
                + ", password=******, name=" + name + "]";
    }
}
