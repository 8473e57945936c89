package io.esbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.esbridge.cli.Cli;
import io.esbridge.cli.ExitCodes;

/**
 * Every command takes {@code --key=value} settings (the benchmarks and the kill -9 test start es-bridge this way).
 * picocli ignored the {@code @Unmatched} field of the shared Settings mixin, so any setting was refused as an unknown
 * option with exit code 2.
 */
class CommandLineSettingsTest {

    @Test
    void aCommandAcceptsSpringSettings() {
        int exit = Cli.run("status", "--runs=1", "--spring.datasource.url=jdbc:h2:mem:cli-settings;DB_CLOSE_DELAY=-1",
                "--es.state.secret-key-file=target/reliability-secret.key",
                "--es.console.password-file=target/reliability-console-password", "--es.sandbox.enabled=false");
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }
}
