package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.direct.DirectEndpoint;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.UserStatus;
import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.deadletter.ReplayService;
import io.esbridge.mapping.MappingRegistry;
import io.esbridge.record.RecordType;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunSessions;
import io.esbridge.run.RunStore;
import io.esbridge.state.Link;
import io.esbridge.state.LinkStore;

/**
 * Incremental and reconciliation syncs of the sample billing database (H2), step by step on one billing database
 * and one server: the first sync creates everything valid, a second costs no SOAP call, changed rows are applied,
 * failed rows are retried until they succeed, and customers gone from billing are handled by policy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingSyncTest extends SyncTestSupport {

    /** Sample clients whose rows the mappings refuse: no username (n % 97), a malformed e-mail (n % 89). */
    static final Set<String> BAD_CLIENTS =
            Set.of("bdb-1097", "bdb-1194", "bdb-1291", "bdb-1388", "bdb-1089", "bdb-1178", "bdb-1267", "bdb-1356");

    @Autowired
    LinkStore links;

    @Autowired
    EnterpriseServerClient client;

    @Autowired
    SyncedKeys syncedKeys;

    @Autowired
    SyncExecutions executions;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    RunSessions sessions;

    @Autowired
    RunStore runs;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Watermarks watermarks;

    @Autowired
    CamelContext camel;

    @Autowired
    BillingSource billingSource;

    @Autowired
    DisappearedRecords disappearedRecords;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    ReplayService replay;

    @Autowired
    MappingRegistry mappings;

    @Test
    @Order(1)
    void firstSyncBringsInEveryValidRowAndRecordsTheRest() {
        SyncResult result = incremental();

        RunReport customers = phase(result, "customers");
        // 400 clients of the administrator, 3 resellers and their 120 customers (samples/billing-db/README.md)
        assertThat(customers.in()).isEqualTo(523);
        assertThat(customers.created()).isEqualTo(515);
        assertThat(customers.failed()).isEqualTo(8);
        assertThat(phase(result, "reseller-spaces").in()).isEqualTo(3);
        assertThat(phase(result, "reseller-plans").in())
                .isEqualTo(billingCount("select count(*) from products where reseller_id is not null"));
        RunReport subscriptions = phase(result, "subscriptions");
        assertThat(subscriptions.in() + phase(result, "reseller-spaces").in())
                .isEqualTo(billingCount("select count(*) from services"));
        assertThat(subscriptions.created()).isPositive();
        assertThat(subscriptions.failed()).isPositive(); // legacy-unlimited products, services of refused clients
        RunReport addons = phase(result, "addons");
        assertThat(addons.in()).isEqualTo(billingCount("select count(*) from service_addons"));
        assertThat(addons.created()).isPositive();
        assertThat(openDeadLetterKeys()).containsAll(BAD_CLIENTS);
        assertThat(state.queryForObject("select count(*) from es_sync_watermark", Long.class))
                .isEqualTo(properties.phases().size());
    }

    @Test
    @Order(2)
    void unchangedBillingCostsNoWriteAndReadsOnlyTheWatermarkInstant() {
        sandbox.reset();
        SyncResult result = incremental();

        // the rows of the watermark's own instant are read again (">="), and unchanged
        result.phases().forEach(r -> assertThat(r.in()).isLessThan(5));
        result.phases().forEach(r -> assertThat(r.created() + r.updated()).isZero());
        // failed rows were replayed (and fail again, billing did not change): their calls are the only ones
        assertThat(result.replays()).isNotEmpty();
        long replayedRecords =
                result.replays().stream().mapToLong(RunReport::in).sum();
        assertThat(replayedRecords).isPositive();
        assertThat(sandbox.snapshot().operations())
                .doesNotContainKeys("AddUser", "UpdateUser", "AddPackage", "UpdatePackage", "AddPackageAddon");
    }

    @Test
    @Order(3)
    void changedRowsAreAppliedAndOnlyThey() {
        billing(
                "update clients set email = 'new1002@example.com', updated_at = timestamp '2026-12-01 10:00:00'"
                        + " where client_id = 1002",
                "update clients set status = 'suspended', updated_at = timestamp '2026-12-01 10:00:01'"
                        + " where client_id = 1003");
        sandbox.reset();
        SyncResult result = incremental();

        RunReport customers = phase(result, "customers");
        // the two changed rows, and the row of the previous watermark's instant (">="), unchanged
        assertThat(customers.in()).isEqualTo(3);
        assertThat(customers.updated()).isEqualTo(2);
        assertThat(customers.unchanged()).isEqualTo(1);
        assertThat(customers.operations()).containsEntry("UpdateUser", 1L).containsEntry("ChangeUserStatus", 1L);
        assertThat(links.find(RecordType.CUSTOMER, "bdb-1003").orElseThrow().appliedJson())
                .contains("SUSPENDED");
    }

    @Test
    @Order(4)
    void failedRowsAreRetriedWithoutAnOperatorUntilTheySucceed() {
        // client 1097 had no username: its services failed too (no user to hold them), and stay dead letters
        List<String> before = openDeadLetterKeys();
        assertThat(before).contains("bdb-1097");
        billing("update clients set username = 'bdb1097', updated_at = timestamp '2026-12-02 09:00:00'"
                + " where client_id = 1097");

        SyncResult result = incremental();

        assertThat(phase(result, "customers").created()).isEqualTo(1);
        assertThat(links.find(RecordType.CUSTOMER, "bdb-1097"))
                .map(Link::applied)
                .contains(true);
        // its services were not changed in billing: the dead-letter replay of the next sync brings them in
        List<String> services1097 = state.queryForList(
                "select billing_key from es_dead_letter where resolved_at is"
                        + " null and record_type = 'SUBSCRIPTION' and envelope_json is not null"
                        + " and raw_json like '%\"client_id\":\"1097\"%'",
                String.class);
        assertThat(services1097).isNotEmpty();
        SyncResult next = incremental();
        assertThat(next.replays()).isNotEmpty();
        // resolved: created, or (a service ended in billing) nothing to create
        assertThat(openDeadLetterKeys()).doesNotContainAnyElementsOf(services1097);
        assertThat(openDeadLetterKeys()).doesNotContain("bdb-1097");
    }

    @Test
    @Order(5)
    void reconciliationComparesEveryRowAndReportsWhatDisappeared() {
        billing(
                "delete from service_addons where service_id in (select service_id from services where client_id = 1004)",
                "delete from services where client_id = 1004",
                "delete from clients where client_id = 1004");
        sandbox.reset();
        SyncResult result = reconcile();

        assertThat(phase(result, "customers").in()).isEqualTo(522);
        assertThat(phase(result, "customers").created()
                        + phase(result, "customers").updated())
                .isZero();
        assertThat(result.disappeared()).extracting(Disappeared::billingKey).contains("bdb-1004");
        assertThat(result.disappeared()).extracting(Disappeared::action).containsOnly("REPORTED");
        assertThat(result.statusChanges()).isNull(); // nothing sent to provisioning
        assertThat(sandbox.snapshot().operations()).doesNotContainKeys("ChangeUserStatus", "ChangePackageStatus");
        Link gone = links.find(RecordType.CUSTOMER, "bdb-1004").orElseThrow();
        assertThat(client.getUserById(gone.esId()).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
        assertThat(state.queryForObject(
                        "select count(*) from es_sync_disappeared where billing_key = 'bdb-1004'", Long.class))
                .isEqualTo(1);
    }

    @Test
    @Order(6)
    void disappearedCustomersAreSuspendedOrCancelledByPolicy() {
        Set<String> billingNow = syncedKeys.all(properties.source().name(), RecordType.CUSTOMER);
        billingNow.remove("bdb-1004");
        Link customer = links.find(RecordType.CUSTOMER, "bdb-1004").orElseThrow();

        DisappearedRecords.Handled suspended = policy(DisappearedPolicy.SUSPEND)
                .handle("test-suspend", properties.source().name(), List.of(customers(billingNow)));
        assertThat(suspended.records()).extracting(Disappeared::action).containsExactly("SUSPENDED");
        assertThat(suspended.run().updated()).as(suspended.run().summary()).isEqualTo(1);
        assertThat(client.getUserById(customer.esId()).orElseThrow().getStatus())
                .isEqualTo(UserStatus.SUSPENDED);

        DisappearedRecords.Handled cancelled = policy(DisappearedPolicy.CANCEL)
                .handle("test-cancel", properties.source().name(), List.of(customers(billingNow)));
        assertThat(cancelled.records()).extracting(Disappeared::action).containsExactly("CANCELLED");
        assertThat(client.getUserById(customer.esId()).orElseThrow().getStatus())
                .isEqualTo(UserStatus.CANCELLED);
        assertThat(links.find(RecordType.CUSTOMER, "bdb-1004").orElseThrow().appliedJson())
                .contains("CANCELLED");

        Set<String> servicesNow = syncedKeys.all(properties.source().name(), RecordType.SUBSCRIPTION);
        String service = state.queryForObject(
                "select min(billing_key) from es_link where record_type =" + " 'SUBSCRIPTION' and state = 'APPLIED'",
                String.class);
        servicesNow.remove(service);
        DisappearedRecords.Handled space = policy(DisappearedPolicy.SUSPEND)
                .handle(
                        "test-space",
                        properties.source().name(),
                        List.of(new DisappearedRecords.FullRead(RecordType.SUBSCRIPTION, "services", servicesNow)));
        assertThat(space.records()).extracting(Disappeared::billingKey).contains(service);
        Link link = links.find(RecordType.SUBSCRIPTION, service).orElseThrow();
        assertThat(client.getPackage(link.esId()).orElseThrow().getStatusId()).isEqualTo(2); // Suspended

        // the customer is back in billing, active: the next sync reactivates the user
        billing("insert into clients (client_id, username, password, first_name, last_name, email, status,"
                + " created_at, updated_at) values (1004, 'bdb1004', 'Pw-1004-secret', 'Back', 'Again',"
                + " 'client1004@example.com', 'active', timestamp '2020-01-01 00:00:00',"
                + " timestamp '2026-12-03 00:00:00')");
        incremental();
        assertThat(client.getUserById(customer.esId()).orElseThrow().getStatus())
                .isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    @Order(7)
    void httpTriggerRunsASyncForTheConsoleAccountOnly() {
        assertThat(http.postForEntity("/api/sync?mode=reconcile", null, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);

        ResponseEntity<Map> answer = http.withBasicAuth("admin", CONSOLE_PASSWORD)
                .postForEntity("/api/sync?mode=reconcile", null, Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("mode", "RECONCILE");
        assertThat((List<?>) answer.getBody().get("phases"))
                .hasSize(properties.phases().size());
        assertThat(state.queryForObject(
                        "select count(*) from es_sync_execution where trigger_kind = 'HTTP'", Long.class))
                .isEqualTo(1);
        assertThat(http.withBasicAuth("admin", CONSOLE_PASSWORD)
                        .postForEntity("/api/sync?mode=sideways", null, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    @Order(8)
    void aSyncThatLosesRowsLeavesTheWatermarkSoTheNextOneReadsThemAgain() throws Exception {
        billing("update clients set email = 'lost1005@example.com', updated_at = timestamp '2026-12-05 00:00:00'"
                + " where client_id = 1005");
        String before = watermarks.get(properties.source().name(), "customers").orElseThrow();
        // the feed route takes no row, and says so at once instead of waiting 30 s for its consumer (a direct
        // producer reads that when it is made, hence the phase route restarted, which makes its producers anew):
        // every row read is lost, as when Camel fails to take it
        DirectEndpoint feedRecord = camel.getEndpoint(PhaseReader.FEED_RECORD, DirectEndpoint.class);
        boolean blocks = feedRecord.isBlock();
        feedRecord.setBlock(false);
        camel.getRouteController().stopRoute("feed-record");
        restartPhaseRoute();
        SyncResult lost;
        try (ProducerTemplate refused = camel.createProducerTemplate()) {
            // without the replay of earlier failures: it would meet the stopped route first and end the sync before
            // any phase read a row, and the watermark would stay for a reason that is not the one tested here
            lost = syncWithoutReplay(refused)
                    .sync(SyncMode.INCREMENTAL, SyncTrigger.onDemand(SyncTrigger.Kind.COMMAND));
        } finally {
            camel.getRouteController().startRoute("feed-record");
            feedRecord.setBlock(blocks);
            restartPhaseRoute();
        }
        assertThat(lost.replays()).isEmpty();
        assertThat(phase(lost, "customers").in())
                .as("the changed row and those of the watermark's instant were read")
                .isGreaterThanOrEqualTo(1);
        assertThat(lost.complete()).isFalse();
        assertThat(lost.problems())
                .anySatisfy(problem ->
                        assertThat(problem).startsWith("customers: ").contains("the watermark stays at " + before));
        assertThat(watermarks.get(properties.source().name(), "customers")).contains(before);

        SyncResult next = incremental();
        assertThat(phase(next, "customers").updated()).isEqualTo(1);
        assertThat(links.find(RecordType.CUSTOMER, "bdb-1005").orElseThrow().appliedJson())
                .contains("lost1005@example.com");
        assertThat(watermarks.get(properties.source().name(), "customers"))
                .get()
                .isNotEqualTo(before);
    }

    private void restartPhaseRoute() throws Exception {
        camel.getRouteController().stopRoute("sync-phase-read");
        camel.getRouteController().startRoute("sync-phase-read");
    }

    /** The application's sync, reading through {@code producer}, without the replay of earlier failures first. */
    private SyncService syncWithoutReplay(ProducerTemplate producer) {
        SyncProperties p = properties;
        SyncProperties noReplay = new SyncProperties(
                p.scheduleEnabled(),
                p.cron(),
                p.scheduledMode(),
                p.source(),
                p.phases(),
                p.watermarkColumn(),
                p.watermarkType(),
                p.disappeared(),
                false,
                p.fetchSize(),
                p.parameters());
        return new SyncService(
                billingSource,
                noReplay,
                new PhaseReader(producer, mappings, noReplay),
                watermarks,
                syncedKeys,
                executions,
                disappearedRecords,
                sessions,
                deadLetters,
                replay,
                mappings);
    }

    private DisappearedRecords policy(DisappearedPolicy policy) {
        SyncProperties p = properties;
        SyncProperties with = new SyncProperties(
                p.scheduleEnabled(),
                p.cron(),
                p.scheduledMode(),
                p.source(),
                p.phases(),
                p.watermarkColumn(),
                p.watermarkType(),
                policy,
                p.retryFailed(),
                p.fetchSize(),
                p.parameters());
        return new DisappearedRecords(syncedKeys, links, producer, sessions, runs, executions, with);
    }

    private static DisappearedRecords.FullRead customers(Set<String> keys) {
        return new DisappearedRecords.FullRead(RecordType.CUSTOMER, "clients", keys);
    }
}
