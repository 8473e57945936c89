package io.esbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.esbridge.EsBridgeApplication;
import io.esbridge.cli.Cli;
import io.esbridge.cli.ExitCodes;

/**
 * Every command takes {@code --key=value} settings (the benchmarks and the kill -9 test start es-bridge this way).
 * picocli ignored the {@code @Unmatched} field of the shared Settings mixin, so any setting was refused as an unknown
 * option with exit code 2. The settings here name places no other configuration does (the surefire environment
 * already puts the state store in memory), so what they created shows that the command used them.
 */
class CommandLineSettingsTest {

    @TempDir
    Path folder;

    @Test
    void aCommandAcceptsSpringSettingsAndUsesThem() throws Exception {
        String stateStore = "jdbc:h2:file:" + folder.resolve("state");
        Path secretKey = folder.resolve("secret.key");
        Path consolePassword = folder.resolve("console-password");

        int exit = Cli.run(
                EsBridgeApplication.class,
                "status",
                "--runs=1",
                "--spring.datasource.url=" + stateStore,
                "--es.state.secret-key-file=" + secretKey,
                "--es.console.password-file=" + consolePassword,
                "--es.sandbox.enabled=false");

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(folder.resolve("state.mv.db"))
                .as("the state store named on the command line")
                .exists();
        try (Connection connection = DriverManager.getConnection(stateStore, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet runs = statement.executeQuery("select count(*) from es_run")) {
            assertThat(runs.next()).isTrue();
            assertThat(runs.getLong(1)).as("migrated there, and empty").isZero();
        }
        assertThat(secretKey)
                .as("the key generated where the command line said")
                .isNotEmptyFile();
    }
}
