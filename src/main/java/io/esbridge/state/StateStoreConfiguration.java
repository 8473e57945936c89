package io.esbridge.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The secret behind password hashes and encrypted dead letters. */
@Configuration(proxyBeanMethods = false)
public class StateStoreConfiguration {

    @Bean
    public SecretKeeper secretKeeper(StateProperties properties) {
        if (properties.secretKey() != null && !properties.secretKey().isBlank()) {
            return new SecretKeeper(
                    Base64.getDecoder().decode(properties.secretKey().strip()));
        }
        return new SecretKeeper(generatedKey(properties.secretKeyFile()));
    }

    /** A key made once and kept in a file only its owner can read, so hashes stay comparable across restarts. */
    private static byte[] generatedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "secret", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's ACL applies
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(key));
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create es.state.secret-key-file " + file, e);
        }
    }
}
