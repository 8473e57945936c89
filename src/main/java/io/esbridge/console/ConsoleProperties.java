package io.esbridge.console;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The run console's login ({@code es.console.*}). The same account signs in to the pages, the actuator and
 * {@code POST /api/replay}.
 *
 * @param username         who signs in
 * @param password         the password; when empty a random one is generated (see {@code generatePassword})
 * @param generatePassword whether an empty password may be replaced by a generated one, written owner-readable to
 *                         {@code passwordFile}; the {@code prod} profile turns this off so production never runs
 *                         with a password nobody chose
 * @param passwordFile     where a generated password is written
 */
@ConfigurationProperties("es.console")
public record ConsoleProperties(
        @DefaultValue("admin") String username,
        String password,
        @DefaultValue("true") boolean generatePassword,
        @DefaultValue("data/console-password") Path passwordFile) {

    public boolean hasPassword() {
        return password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "ConsoleProperties[username=" + username + ", password=" + (hasPassword() ? "******" : "generated")
                + ", passwordFile=" + passwordFile + "]";
    }
}
