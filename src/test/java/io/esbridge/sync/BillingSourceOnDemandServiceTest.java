package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The service (schedule on) starts although its billing source cannot be opened: the init script it names is not
 * there. The scheduled sync then fails its run with the sentence naming the setting, recorded in
 * {@code es_sync_execution}, and the health component {@code billingDatabase} shows it. Once the script is there, the
 * next sync opens the source, without a restart.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.sandbox.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:on-demand-state-${random.uuid};DB_CLOSE_DELAY=-1",
            "es.sandbox.datasource-url=jdbc:h2:mem:on-demand-sandbox-${random.uuid};DB_CLOSE_DELAY=-1",
            "es.sync.source.url=jdbc:h2:mem:on-demand-billing-${random.uuid};DB_CLOSE_DELAY=-1",
            // the schedule is on, as in the service, at a time it does not reach while the test runs
            "es.sync.schedule-enabled=true",
            "es.sync.cron=0 0 2 1 1 ? 2099",
            "es.state.secret-key-file=target/test-secret.key",
            "es.console.password=" + BillingSourceOnDemandServiceTest.PASSWORD
        })
class BillingSourceOnDemandServiceTest {

    static final String PASSWORD = "on-demand-password";
    static final Path WORK =
            Path.of("target/billing-on-demand-" + UUID.randomUUID()).toAbsolutePath();
    static final Path SCHEMA = WORK.resolve("samples/billing-db/schema.sql");

    @Autowired
    ProducerTemplate producer;

    @Autowired
    JdbcTemplate state;

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("es.sync.source.init-scripts", SCHEMA::toString);
        registry.add("es.feeds.inbox", () -> WORK.resolve("inbox").toString());
    }

    @Test
    void theServiceStartsAndTheScheduledSyncFailsWithTheSentenceThatHealthShows() throws Exception {
        assertThat(billingHealth().path("status").asText()).isEqualTo("UNKNOWN");

        String sentence = "the setting es.sync.source.init-scripts is wrong: " + SCHEMA + " does not exist";
        assertThatThrownBy(this::scheduledSync)
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOf(BillingSourceUnavailableException.class)
                .hasMessageStartingWith(sentence);

        Map<String, Object> execution =
                state.queryForMap("select trigger_kind, status, summary" + " from es_sync_execution");
        assertThat(execution.get("TRIGGER_KIND")).isEqualTo("SCHEDULE");
        assertThat(execution.get("STATUS")).isEqualTo("FAILED");
        assertThat((String) execution.get("SUMMARY")).startsWith(sentence);
        JsonNode down = billingHealth();
        assertThat(down.path("status").asText()).isEqualTo("DOWN");
        assertThat(down.path("details").path("error").asText()).startsWith(sentence);

        Files.createDirectories(SCHEMA.getParent());
        Files.copy(Path.of("samples/billing-db/schema.sql"), SCHEMA);
        SyncResult result = scheduledSync();

        assertThat(result.complete()).as(result.summary()).isTrue();
        assertThat(result.phases()).hasSize(5).allSatisfy(phase -> assertThat(phase.in())
                .isZero());
        assertThat(billingHealth().path("status").asText()).isEqualTo("UP");
    }

    /** What the schedule's route sends. */
    private SyncResult scheduledSync() {
        return producer.requestBodyAndHeader(
                NightlySyncRoutes.SYNC,
                SyncMode.INCREMENTAL.name(),
                NightlySyncRoutes.TRIGGER,
                SyncTrigger.Kind.SCHEDULE.name(),
                SyncResult.class);
    }

    /** The component as an operator signed in sees it (the overall status may be DOWN while inboxes first poll). */
    private JsonNode billingHealth() throws Exception {
        String body = http.withBasicAuth("admin", PASSWORD)
                .getForEntity("/actuator/health", String.class)
                .getBody();
        JsonNode component =
                new ObjectMapper().readTree(body).path("components").path("billingDatabase");
        assertThat(component.isMissingNode()).as(body).isFalse();
        return component;
    }
}
