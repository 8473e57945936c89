package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.esbridge.EsBridgeApplication;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.RecordType;
import io.esbridge.run.RunReport;
import io.esbridge.sandbox.SandboxStats;
import io.esbridge.state.Fingerprint;
import io.esbridge.state.LinkData;
import io.esbridge.state.LinkStore;

/**
 * {@code es-bridge sync --dry-run}, then {@code es-bridge sync}: two applications one after the other on the same
 * state store, billing database and server, as two runs of the command are. The dry run (incremental, then
 * reconcile) lists the calls and leaves every piece of sync state as it was (watermarks, synced keys, disappeared
 * records, links, dead letters); the real sync afterwards reads and applies every row the dry run read, and suspends
 * the customer gone from billing that the dry run only listed.
 */
class SyncDryRunTest {

    private static final String SOURCE = "billing";
    private static final Set<String> WRITE_CALLS = Set.of(
            "AddUser",
            "UpdateUser",
            "ChangeUserStatus",
            "ChangeUserPassword",
            "AddPackage",
            "UpdatePackage",
            "UpdatePackageName",
            "ChangePackageStatus",
            "AddPackageAddon",
            "UpdatePackageAddon",
            "DeletePackageAddon",
            "AddHostingPlan",
            "UpdateHostingPlan");

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
    }

    /** Where the state store and the billing database are: H2 in memory here, kept between the two applications. */
    protected List<String> databases() {
        return List.of(
                "--spring.datasource.url=jdbc:h2:mem:dry-sync-state-" + suffix + ";DB_CLOSE_DELAY=-1",
                "--es.sync.source.url=jdbc:h2:mem:dry-sync-billing-" + suffix + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void aDryRunLeavesTheSyncStateAsItWasAndTheRealSyncAfterItDoesEverything() {
        ConfigurableApplicationContext dry = start(true);
        String source = dry.getBean(SyncProperties.class).source().name();
        // what an earlier, real sync left: a user on the server, linked, of a client billing no longer has
        EnterpriseServerClient dryClient = dry.getBean(EnterpriseServerClient.class);
        int goneId = dryClient.addUser(SyncTestSupport.goneUser("gone9001"), "Pw-9001-secret", false, List.of());
        String applied = "{\"status\":\"ACTIVE\"}";
        dry.getBean(LinkStore.class)
                .markApplied(
                        RecordType.CUSTOMER,
                        "bdb-9001",
                        goneId,
                        new LinkData(null, applied, Fingerprint.of(applied), null),
                        "earlier-sync");
        dry.getBean(SyncedKeys.class).addNew(source, RecordType.CUSTOMER, Set.of("bdb-9001"));
        JdbcTemplate dryState = dry.getBean(JdbcTemplate.class);
        Map<String, List<Map<String, Object>>> before = syncState(dryState);
        SandboxStats dryServer = dry.getBean(SandboxStats.class);
        dryServer.reset();

        SyncResult incremental = sync(dry, SyncMode.INCREMENTAL);
        SyncResult reconcile = sync(dry, SyncMode.RECONCILE);

        assertThat(incremental.dryRun()).isTrue();
        assertThat(incremental.summary()).contains("dry run");
        assertThat(SyncTestSupport.phase(incremental, "customers").created())
                .as(incremental.summary())
                .isEqualTo(3);
        assertThat(SyncTestSupport.phase(incremental, "subscriptions").created())
                .as(incremental.summary())
                .isEqualTo(3);
        assertThat(reconcile.disappeared()).extracting(Disappeared::billingKey).containsExactly("bdb-9001");
        assertThat(reconcile.statusChanges().operations()).containsExactlyEntriesOf(Map.of("ChangeUserStatus", 1L));
        assertThat(dryServer.snapshot().operations())
                .as(dryServer.snapshot().toString())
                .doesNotContainKeys(WRITE_CALLS.toArray(String[]::new));
        assertThat(syncState(dryState))
                .as("the state a dry run must leave as it was")
                .isEqualTo(before);
        dry.close();

        ConfigurableApplicationContext real = start(false);
        EnterpriseServerClient client = real.getBean(EnterpriseServerClient.class);
        SyncResult first = sync(real, SyncMode.INCREMENTAL);

        assertThat(first.dryRun()).isFalse();
        assertThat(SyncTestSupport.phase(first, "customers").created())
                .as("every client the dry run read: " + first.summary())
                .isEqualTo(3);
        assertThat(SyncTestSupport.phase(first, "subscriptions").created())
                .as(first.summary())
                .isEqualTo(3);
        for (String username : List.of("gone1001", "gone1002", "gone1003")) {
            assertThat(client.getUserByUsername(username)).as(username).isPresent();
        }
        Watermarks watermarks = real.getBean(Watermarks.class);
        assertThat(watermarks.get(source, "customers")).contains("2026-01-01T00:00:03");
        assertThat(real.getBean(SyncedKeys.class).all(source, RecordType.CUSTOMER))
                .containsExactlyInAnyOrder("bdb-9001", "bdb-1001", "bdb-1002", "bdb-1003");

        SyncResult second = sync(real, SyncMode.RECONCILE);
        assertThat(second.statusChanges()).as(second.summary()).isNotNull();
        assertThat(second.statusChanges().updated()).as(second.summary()).isEqualTo(1);
        assertThat(client.getUserById(goneId).orElseThrow().getStatus()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(real.getBean(JdbcTemplate.class)
                        .queryForList(
                                "select action from es_sync_disappeared" + " where billing_key = 'bdb-9001'",
                                String.class))
                .containsExactly("SUSPENDED");
    }

    private static SyncResult sync(ConfigurableApplicationContext app, SyncMode mode) {
        SyncResult result = app.getBean(SyncService.class).sync(mode, SyncTrigger.onDemand(SyncTrigger.Kind.COMMAND));
        assertThat(result.problems()).as(result.summary()).isEmpty();
        for (RunReport phase : result.phases()) {
            assertThat(phase.identityHolds()).as(phase.summary()).isTrue();
            assertThat(phase.failed()).as(result.summary()).isZero();
        }
        return result;
    }

    /** Every table a sync keeps its state in, row by row in a fixed order. */
    private static Map<String, List<Map<String, Object>>> syncState(JdbcTemplate state) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("es_sync_watermark", state.queryForList("select * from es_sync_watermark order by source, phase"));
        tables.put("es_sync_key", state.queryForList("select * from es_sync_key order by record_type, billing_key"));
        tables.put(
                "es_sync_disappeared",
                state.queryForList(
                        "select * from es_sync_disappeared" + " order by execution_id, record_type, billing_key"));
        tables.put("es_link", state.queryForList("select * from es_link order by record_type, billing_key"));
        tables.put("es_dead_letter", state.queryForList("select * from es_dead_letter order by id"));
        return tables;
    }

    private ConfigurableApplicationContext start(boolean dryRun) {
        List<String> args = new ArrayList<>(databases());
        args.addAll(List.of(
                "--server.port=0",
                "--es.sandbox.enabled=true",
                "--es.server.url=",
                "--es.sandbox.datasource-url=jdbc:h2:mem:dry-sync-sandbox-" + suffix + ";DB_CLOSE_DELAY=-1",
                "--es.sync.source.name=" + SOURCE,
                "--es.sync.source.init-scripts=samples/billing-db/schema.sql,src/test/resources/sync/three-clients.sql",
                "--es.sync.schedule-enabled=false",
                "--es.sync.disappeared=SUSPEND",
                "--es.state.secret-key-file=target/test-secret.key",
                "--es.console.password=dry-sync",
                "--es.feeds.inbox=target/sync-dry-run-" + suffix + "/inbox",
                "--es.errors.max-redeliveries=1",
                "--es.errors.redelivery-delay=20",
                // as a one-shot command: no inbox routes
                "--camel.main.routes-include-pattern=classpath:es-bridge-one-shot-has-no-routes/*",
                "--es.provisioning.dry-run=" + dryRun));
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(EsBridgeApplication.class).run(args.toArray(String[]::new));
        started.add(context);
        return context;
    }
}
