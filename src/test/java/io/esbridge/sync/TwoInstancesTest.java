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
import java.util.function.Function;
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
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.UserInfo;
import io.esbridge.feed.FileImporter;
import io.esbridge.run.RunOwner;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;
import io.esbridge.sandbox.SandboxStats;

/**
 * Two es-bridge instances on one PostgreSQL state store and one Enterprise Server, as two applications in one JVM:
 * instance A serves the sandbox, instance B has none and calls A's, as two instances in front of one panel do. Files
 * dropped into the inbox folder both watch are each imported by exactly one of them, and each user is created on the
 * server exactly once, whichever instance provisions it; the sync schedule (every 2 s here) runs once per trigger on
 * one of them, and keeps running on the other when one goes down.
 */
class TwoInstancesTest {

    private static final String HEADER = "customer_id,username,password,first_name,last_name,email,status";
    private static final int FILES = 4;
    private static final int PER_FILE = 15;

    @TempDir
    Path inbox;

    @TempDir
    Path elsewhere;

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void onOneServerEachFileIsImportedOnceEachUserCreatedOnceAndEachTriggerRunsOnce() throws Exception {
        PostgresSchemas.require();
        String schema = PostgresSchemas.create("es_two_");
        String billing = "jdbc:h2:mem:two-billing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        ConfigurableApplicationContext a = start(
                schema,
                billing,
                "--es.sandbox.enabled=true",
                "--es.sandbox.datasource-url=jdbc:h2:mem:two-sandbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        String server = "http://localhost:" + a.getEnvironment().getProperty("local.server.port") + "/";
        ConfigurableApplicationContext b =
                start(schema, billing, "--es.sandbox.enabled=false", "--es.server.url=" + server);
        assertThat(b.getBeanNamesForType(SandboxStats.class))
                .as("B serves no sandbox of its own")
                .isEmpty();
        SandboxStats sandbox = a.getBean(SandboxStats.class);
        EnterpriseServerClient panel = a.getBean(EnterpriseServerClient.class);
        JdbcTemplate state = a.getBean(JdbcTemplate.class);
        String instanceA = a.getBean(SyncService.class).instance();
        String instanceB = b.getBean(SyncService.class).instance();
        List<String> runOwners = List.of(
                a.getBean(RunOwner.class).id(), b.getBean(RunOwner.class).id());
        String prefix = "two" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);

        // files dropped at once: one run each, whichever instance took it, each of their users created once
        Path customers = Files.createDirectories(inbox.resolve("customers"));
        List<String> names = new ArrayList<>();
        for (int f = 1; f <= FILES; f++) {
            String name = "customers-" + prefix + "-" + f + ".csv";
            Path part = Files.write(inbox.resolve(name + ".part"), rows(prefix + f, PER_FILE));
            Files.move(part, customers.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            names.add(name);
        }
        // every file taken and no run of them still open: then what both instances did is there to count
        await().atMost(Duration.ofSeconds(120))
                .until(() -> names.stream().noneMatch(name -> Files.exists(customers.resolve(name)))
                        && runsOf(state, prefix, "finished_at is null") == 0
                        && runsOf(state, prefix, "finished_at is not null") >= FILES);
        Map<String, List<String>> runsPerFile = state
                .queryForList(
                        "select source_name, owner_instance from es_run" + " where source_name like ?",
                        "customers-" + prefix + "-%")
                .stream()
                .collect(Collectors.groupingBy(
                        row -> (String) row.get("source_name"),
                        Collectors.mapping(row -> (String) row.get("owner_instance"), Collectors.toList())));
        assertThat(runsPerFile)
                .as("instances that ran each file")
                .containsOnlyKeys(names)
                .allSatisfy((name, owners) ->
                        assertThat(owners).as(name).singleElement().isIn(runOwners));
        assertThat(doneFiles(customers))
                .as("imported files moved to done/ (all files left: %s)", listing(customers))
                .isEqualTo(FILES);
        assertThat(sandbox.calls("AddUser"))
                .as("AddUser calls the one server received")
                .isEqualTo(FILES * PER_FILE);
        assertThat(usersNamed(panel, prefix))
                .as("users on the one server, per username")
                .hasSize(FILES * PER_FILE)
                .allSatisfy((username, count) -> assertThat(count).as(username).isEqualTo(1));

        // each instance provisions into the one server, and knows what the other created there
        Path ofA = Files.write(elsewhere.resolve("customers-" + prefix + "-a.csv"), rows(prefix + "a", PER_FILE));
        Path ofB = Files.write(elsewhere.resolve("customers-" + prefix + "-b.csv"), rows(prefix + "b", PER_FILE));
        assertThat(imported(a, ofA).created()).isEqualTo(PER_FILE);
        assertThat(imported(b, ofB).created()).isEqualTo(PER_FILE);
        assertThat(imported(b, ofA).unchanged()).as("A's file again, on B").isEqualTo(PER_FILE);
        assertThat(imported(a, ofB).unchanged()).as("B's file again, on A").isEqualTo(PER_FILE);
        assertThat(sandbox.calls("AddUser")).isEqualTo((FILES + 2) * PER_FILE);
        assertThat(usersNamed(panel, prefix))
                .hasSize((FILES + 2) * PER_FILE)
                .allSatisfy((username, count) -> assertThat(count).as(username).isEqualTo(1));

        // the schedule: at least a few triggers, each executed by one instance only
        await().atMost(Duration.ofSeconds(60)).until(() -> scheduled(state).size() >= 4);
        assertOncePerTrigger(state);

        // instance A goes down: the triggers keep firing, on B
        a.close();
        Timestamp down = new Timestamp(System.currentTimeMillis());
        JdbcTemplate stateOfB = b.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stateOfB.queryForObject(
                                "select count(*) from"
                                        + " es_sync_execution where trigger_kind = 'SCHEDULE' and started_at > ? and instance = ?",
                                Long.class,
                                down,
                                instanceB)
                        >= 2);
        assertOncePerTrigger(stateOfB);
        assertThat(instanceA).isNotEqualTo(instanceB);
    }

    /** Customer rows of one file: key, username, password, names, e-mail, active; each username its own. */
    private static List<String> rows(String prefix, int count) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= count; i++) {
            String username = prefix + "u" + i;
            lines.add(prefix + "-C" + i + "," + username + ",Pw-" + username + "!x,Ann,Lee," + username
                    + "@example.com,active");
        }
        return lines;
    }

    /** Imports a file on one instance, as {@code es-bridge import --again} does, and answers its run's report. */
    private static RunReport imported(ConfigurableApplicationContext instance, Path file) {
        FileImporter.Result result = instance.getBean(FileImporter.class).importFile(file, true);
        assertThat(result.notImported()).as("%s imported", file.getFileName()).isNull();
        RunReport report = instance.getBean(RunStore.class)
                .report(result.runId().orElseThrow())
                .orElseThrow();
        assertThat(report.identityHolds()).as(report.summary()).isTrue();
        assertThat(report.failed()).as(report.summary()).isZero();
        return report;
    }

    /** How many users of the server carry each username of this test. */
    private static Map<String, Long> usersNamed(EnterpriseServerClient panel, String prefix) {
        return panel.getUsers(1, true).stream()
                .map(UserInfo::getUsername)
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static long runsOf(JdbcTemplate state, String prefix, String condition) {
        return state.queryForObject(
                "select count(*) from es_run where source_name like ? and " + condition,
                Long.class,
                "customers-" + prefix + "-%");
    }

    /** Every file under the inbox folder, for a failure message. */
    private static List<String> listing(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString())
                    .sorted()
                    .toList();
        }
    }

    /** The imported copies of the dropped files in done/ (beside them: their runs' reports and rejects files). */
    private static long doneFiles(Path folder) throws Exception {
        Path done = folder.resolve("done");
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".csv")
                            && !file.getFileName().toString().endsWith(".rejects.csv"))
                    .count();
        }
    }

    private static List<Map<String, Object>> scheduled(JdbcTemplate state) {
        return state.queryForList(
                "select instance, scheduled_fire_time from es_sync_execution" + " where trigger_kind = 'SCHEDULE'");
    }

    private static void assertOncePerTrigger(JdbcTemplate state) {
        Map<Object, Long> perTrigger = scheduled(state).stream()
                .collect(Collectors.groupingBy(row -> row.get("scheduled_fire_time"), Collectors.counting()));
        assertThat(perTrigger).isNotEmpty();
        assertThat(perTrigger.values())
                .as("executions per trigger: %s", perTrigger)
                .containsOnly(1L);
    }

    private ConfigurableApplicationContext start(String schema, String billing, String... server) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + PostgresSchemas.URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + PostgresSchemas.USER,
                "--spring.datasource.password=" + PostgresSchemas.PASSWORD,
                "--spring.flyway.schemas=" + schema,
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
                "--es.state.secret-key-file=target/test-secret.key",
                "--es.console.password=two-instances",
                "--es.feeds.inbox=" + inbox,
                "--es.feeds.poll-delay=200",
                "--es.sync.cron=0/2 * * * * ?",
                "--es.sync.source.url=" + billing,
                // the billing tables without rows: each sync is quick, the schedule is what is tested
                "--es.sync.source.init-scripts=samples/billing-db/schema.sql"));
        args.addAll(List.of(server));
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(EsBridgeApplication.class).run(args.toArray(String[]::new));
        instances.add(context);
        return context;
    }
}
