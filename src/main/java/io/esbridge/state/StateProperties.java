package io.esbridge.state;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the state store ({@code es.state.*}). The database itself is Spring's primary DataSource
 * ({@code spring.datasource.*}).
 *
 * @param secretKey     base64 key (at least 16 bytes) for password hashes and the dead-letter store's encrypted
 *                      passwords; when empty, a random key is created once in {@code secretKeyFile}
 * @param secretKeyFile where the generated key is kept (owner-readable only)
 */
@ConfigurationProperties("es.state")
public record StateProperties(String secretKey, @DefaultValue("data/secret.key") Path secretKeyFile) {

    @Override
    public String toString() {
        return "StateProperties[secretKey=" + (secretKey == null || secretKey.isBlank() ? "generated" : "******")
                + ", secretKeyFile=" + secretKeyFile + "]";
    }
}
