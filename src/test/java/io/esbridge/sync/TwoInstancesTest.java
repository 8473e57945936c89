package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.esbridge.EsBridgeApplication;
import io.esbridge.PostgresSchemas;

/**
 * Two es-bridge instances on one PostgreSQL state store, as two applications in one JVM: the sync schedule (every
 * 2 s here) runs once per trigger on one of them, and keeps running on the other when one goes down; a file dropped
 * into the inbox folder both watch is imported by exactly one of them.
 */
class TwoInstancesTest {

    @TempDir
    Path inbox;

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void eachTriggerRunsOnceAndEachDroppedFileIsImportedOnce() throws Exception {
        PostgresSchemas.require();
        String schema = PostgresSchemas.create("es_two_");
        String billing = "jdbc:h2:mem:two-billing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        ConfigurableApplicationContext a = start("a", schema, billing);
        ConfigurableApplicationContext b = start("b", schema, billing);
        JdbcTemplate state = a.getBean(JdbcTemplate.class);
        String instanceA = a.getBean(SyncService.class).instance();
        String instanceB = b.getBean(SyncService.class).instance();

        // one dropped file: one run, whichever instance took it
        Path customers = Files.createDirectories(inbox.resolve("customers"));
        Path part = inbox.resolve("shared-customers.csv.part");
        Files.copy(Path.of("samples/feeds/customers.csv"), part);
        Files.move(part, customers.resolve("shared-customers.csv"), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofSeconds(90)).until(() -> !Files.exists(customers.resolve("shared-customers.csv"))
                && doneFiles(customers) == 1 && state.queryForObject("select count(*) from es_run where source_name ="
                + " 'shared-customers.csv' and finished_at is not null", Long.class) == 1);

        // the schedule: at least a few triggers, each executed by one instance only
        await().atMost(Duration.ofSeconds(60)).until(() -> scheduled(state).size() >= 4);
        assertOncePerTrigger(state);
        assertThat(state.queryForObject("select count(*) from es_run where source_name = 'shared-customers.csv'",
                Long.class)).isEqualTo(1);

        // instance A goes down: the triggers keep firing, on B
        a.close();
        Timestamp down = new Timestamp(System.currentTimeMillis());
        JdbcTemplate stateOfB = b.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> stateOfB.queryForObject("select count(*) from"
                + " es_sync_execution where trigger_kind = 'SCHEDULE' and started_at > ? and instance = ?",
                Long.class, down, instanceB) >= 2);
        assertOncePerTrigger(stateOfB);
        assertThat(instanceA).isNotEqualTo(instanceB);
    }

    /** The imported copies of the dropped file in done/ (beside them: its run's report and rejects file). */
    private static long doneFiles(Path folder) throws Exception {
        Path done = folder.resolve("done");
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-shared-customers.csv")).count();
        }
    }

    private static List<Map<String, Object>> scheduled(JdbcTemplate state) {
        return state.queryForList("select instance, scheduled_fire_time from es_sync_execution"
                + " where trigger_kind = 'SCHEDULE'");
    }

    private static void assertOncePerTrigger(JdbcTemplate state) {
        Map<Object, Long> perTrigger = scheduled(state).stream()
                .collect(Collectors.groupingBy(row -> row.get("scheduled_fire_time"), Collectors.counting()));
        assertThat(perTrigger).isNotEmpty();
        assertThat(perTrigger.values()).as("executions per trigger: %s", perTrigger).containsOnly(1L);
    }

    private ConfigurableApplicationContext start(String name, String schema, String billing) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EsBridgeApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + PostgresSchemas.URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + PostgresSchemas.USER,
                "--spring.datasource.password=" + PostgresSchemas.PASSWORD,
                "--spring.flyway.schemas=" + schema,
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
                "--es.sandbox.datasource-url=jdbc:h2:mem:two-sandbox-" + name + "-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1",
                "--es.state.secret-key-file=target/test-secret.key",
                "--es.console.password=two-instances",
                "--es.feeds.inbox=" + inbox,
                "--es.feeds.poll-delay=200",
                "--es.sync.cron=0/2 * * * * ?",
                "--es.sync.source.url=" + billing,
                // the billing tables without rows: each sync is quick, the schedule is what is tested
                "--es.sync.source.init-scripts=samples/billing-db/schema.sql");
        instances.add(context);
        return context;
    }
}
