package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.esbridge.EsBridgeApplication;
import io.esbridge.cli.Cli;
import io.esbridge.cli.ExitCodes;

/**
 * An installation that only imports files: the default billing source loads the sample database from
 * {@code samples/billing-db}, which is not there. {@code es-bridge import} never touches the billing database and
 * imports; {@code es-bridge sync} needs it and ends in one sentence naming the setting to change. Both run the real
 * command path ({@link Cli#run}), as {@code ./es-bridge} does, with the init scripts pointing at a missing file.
 */
class BillingSourceOnDemandCommandTest {

    @TempDir
    Path work;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void importRunsWithoutTheBillingSourceAndSyncNamesTheSettingItNeeds() throws Exception {
        Path missing = work.resolve("samples/billing-db/schema.sql");
        Path feed = work.resolve("customers.csv");
        Files.writeString(
                feed,
                """
                customer_id,username,password,first_name,last_name,email,status
                OD001,ondemand1,Od-Pw-1-secret,Ada,Lovelace,ondemand1@example.com,active
                OD002,ondemand2,Od-Pw-2-secret,Alan,Turing,ondemand2@example.com,active
                """,
                StandardCharsets.UTF_8);

        Output imported = run(missing, "import", feed.toString());

        assertThat(imported.exit()).as(imported.text()).isEqualTo(ExitCodes.OK);
        assertThat(imported.text()).contains("customers.csv: ", "created=2");

        Output synced = run(missing, "sync");

        assertThat(synced.exit()).as(synced.text()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(synced.text())
                .contains("es-bridge could not run: the setting es.sync.source.init-scripts is" + " wrong: "
                        + missing.toAbsolutePath() + " does not exist");
    }

    record Output(int exit, String text) {}

    /** One command line with its own state store, sandbox and billing database; stdout and stderr captured. */
    private Output run(Path initScript, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(
                "--spring.datasource.url=jdbc:h2:mem:on-demand-state-" + suffix + ";DB_CLOSE_DELAY=-1",
                "--es.sandbox.datasource-url=jdbc:h2:mem:on-demand-sandbox-" + suffix + ";DB_CLOSE_DELAY=-1",
                "--es.state.secret-key-file=target/test-secret.key",
                "--es.console.password-file=" + work.resolve("console-password"),
                // a database of its own: the default in-memory one may hold tables loaded by another test of this JVM,
                // and would then not need the scripts
                "--es.sync.source.url=jdbc:h2:mem:on-demand-billing-" + suffix + ";DB_CLOSE_DELAY=-1",
                "--es.sync.source.init-scripts=" + initScript.toAbsolutePath()));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        int exit;
        try {
            exit = Cli.run(EsBridgeApplication.class, args.toArray(String[]::new));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        out.print(text);
        return new Output(exit, text);
    }
}
