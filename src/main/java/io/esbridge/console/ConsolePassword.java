package io.esbridge.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console password in effect: the configured one, or a generated one. A generated password is written to a file
 * only its owner can read and never logged: the log says only that one was generated and where it is, so log files
 * and log shippers never carry a working credential.
 */
final class ConsolePassword {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolePassword.class);

    private ConsolePassword() {}

    static String resolve(ConsoleProperties properties) {
        if (properties.hasPassword()) {
            return properties.password();
        }
        if (!properties.generatePassword()) {
            throw new IllegalStateException("es.console.password is empty and this profile does not generate one: "
                    + "set ES_CONSOLE_PASSWORD (or es.console.password) to the run console's password");
        }
        String generated = generate();
        write(properties.passwordFile(), generated);
        LOG.warn(
                "es.console.password is empty: generated a password for console user '{}', written to {} (readable"
                        + " by its owner only). Set es.console.password to choose one.",
                properties.username(),
                properties.passwordFile().toAbsolutePath());
        return generated;
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void write(Path file, String password) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.deleteIfExists(file);
            Files.createFile(file);
            ownerOnly(file);
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated console password to " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | FileSystemException e) {
            // Not a POSIX file system (Windows): the folder's ACL applies.
            LOG.debug("cannot restrict {} to its owner: {}", file, e.toString());
        }
    }
}
