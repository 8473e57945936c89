package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening the billing database (real H2): each way it can fail ends in a sentence naming the setting, without the
 * URL or a row of the scripts, and leaves nothing half-loaded behind.
 */
class BillingSourceTest {

    @TempDir
    Path work;

    private final String url = "jdbc:h2:mem:billing-source-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void aStatementThatFailsIsNamedByNumberWithoutItsText() throws Exception {
        Path script = work.resolve("data.sql");
        Files.writeString(
                script,
                "create table clients (id int, password varchar(40));\n"
                        + "insert into missing_table values (1, 'Row-Pw-secret');\n",
                StandardCharsets.UTF_8);

        try (BillingSource source = new BillingSource(source(url, List.of(script.toString())))) {
            assertThatThrownBy(source::open)
                    .isInstanceOf(BillingSourceUnavailableException.class)
                    .hasMessageStartingWith("the setting es.sync.source.init-scripts is wrong: loading")
                    .hasMessageContaining("statement #2 of ")
                    .hasMessageContaining("(SQL state 42S02)")
                    .hasMessageNotContaining("Row-Pw-secret");
            assertThat(source.failure()).isPresent();
            assertThat(source.ifOpen()).isEmpty();
        }
    }

    @Test
    void aSecondScriptMissingLoadsNotEvenTheFirst() throws Exception {
        Path schema = work.resolve("schema.sql");
        Files.writeString(schema, "create table clients (id int);\n", StandardCharsets.UTF_8);
        Path missing = work.resolve("data.sql");
        List<String> scripts = List.of(schema.toString(), missing.toString());

        try (BillingSource source = new BillingSource(source(url, scripts))) {
            assertThatThrownBy(source::open)
                    .hasMessage("the setting es.sync.source.init-scripts is wrong: " + missing
                            + " does not exist (the scripts load the sample billing database; for your own, set"
                            + " es.sync.source.url and es.sync.source.init-scripts=[])");
        }
        // had the schema been loaded, the next opening would take its empty tables for the loaded database
        Files.writeString(missing, "insert into clients values (1);\n", StandardCharsets.UTF_8);
        try (BillingSource source = new BillingSource(source(url, scripts))) {
            assertThat(source.jdbc().getJdbcTemplate().queryForObject("select count(*) from clients", Long.class))
                    .isEqualTo(1);
            assertThat(source.failure()).isEmpty();
        }
    }

    @Test
    void anUnreachableDatabaseNamesTheSettingsNotTheUrl() {
        String unreachable = "jdbc:h2:tcp://127.0.0.1:1/billing;PASSWORD_IN_URL=Url-Pw-secret";

        try (BillingSource source = new BillingSource(source(unreachable, List.of()))) {
            assertThatThrownBy(source::open)
                    .isInstanceOf(BillingSourceUnavailableException.class)
                    .hasMessageStartingWith("cannot connect to the billing database (the settings es.sync.source.url,"
                            + " username and password): ")
                    .hasMessageNotContaining("Url-Pw-secret");
        }
    }

    private static SyncProperties.Source source(String url, List<String> scripts) {
        return new SyncProperties.Source("billing", url, "sa", "", scripts, 2);
    }
}
