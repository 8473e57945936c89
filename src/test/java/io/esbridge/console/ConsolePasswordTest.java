package io.esbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** The console password: configured, generated (to a file, never to the log), or refused in production. */
@ExtendWith(OutputCaptureExtension.class)
class ConsolePasswordTest {

    @TempDir
    Path dir;

    @Test
    void aConfiguredPasswordIsUsedAsIs() {
        assertThat(ConsolePassword.resolve(new ConsoleProperties("admin", "chosen", true, dir.resolve("pw"))))
                .isEqualTo("chosen");
        assertThat(dir.resolve("pw")).doesNotExist();
    }

    @Test
    void anEmptyPasswordIsGeneratedIntoAnOwnerOnlyFileAndNeverLogged(CapturedOutput log) throws IOException {
        Path file = dir.resolve("data/console-password");
        String password = ConsolePassword.resolve(new ConsoleProperties("admin", "", true, file));

        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Files.readString(file).strip()).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(log.getAll())
                .contains("generated a password", file.toAbsolutePath().toString())
                .doesNotContain(password);
    }

    @Test
    void theProdProfileRefusesToStartWithoutAPassword() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("prod", new FileSystemResource("config/application-prod.yml"))
                .forEach(environment.getPropertySources()::addFirst);
        ConsoleProperties prod = Binder.get(environment).bindOrCreate("es.console", ConsoleProperties.class);

        assertThat(prod.generatePassword()).isFalse();
        assertThatThrownBy(() -> ConsolePassword.resolve(prod))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ES_CONSOLE_PASSWORD");
    }

    @Test
    void propertiesNeverPrintThePassword() {
        assertThat(new ConsoleProperties("admin", "chosen", true, dir).toString())
                .doesNotContain("chosen");
    }
}
