package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.StatusIds;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;
import io.esbridge.deadletter.ReplayService;
import io.esbridge.record.RecordType;
import io.esbridge.run.RunReport;
import io.esbridge.sandbox.FaultSettings;
import io.esbridge.sandbox.SandboxFaults;
import io.esbridge.state.Link;
import io.esbridge.state.LinkStore;

/**
 * Customers and subscriptions gone from billing, suspended (es.sync.disappeared=SUSPEND) through the provisioning
 * engine: the status change is a run of its own whose report counts it, the link keeps the status applied so the next
 * sync makes no call, a server failure is dead-lettered and replayed like any record, a customer back in billing is
 * reactivated by the normal path, and a cancelled customer is never suspended.
 */
@TestPropertySource(
        properties = {
            "es.sync.disappeared=SUSPEND",
            "es.sync.source.init-scripts=samples/billing-db/schema.sql,src/test/resources/sync/three-clients.sql"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DisappearedRecordsTest extends SyncTestSupport {

    @Autowired
    LinkStore links;

    @Autowired
    EnterpriseServerClient client;

    @Autowired
    SandboxFaults faults;

    @Autowired
    ReplayService replay;

    @Test
    @Order(1)
    void aCustomerGoneFromBillingIsSuspendedThroughTheEngine() {
        assertThat(phase(incremental(), "customers").created()).isEqualTo(3);
        billing("delete from services where client_id = 1002", "delete from clients where client_id = 1002");
        sandbox.reset();

        SyncResult result = reconcile();

        RunReport changes = result.statusChanges();
        assertThat(changes.identityHolds()).as(changes.summary()).isTrue();
        assertThat(changes.in()).isEqualTo(2);
        assertThat(changes.updated()).isEqualTo(2);
        assertThat(changes.operations())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ChangePackageStatus", 1L, "ChangeUserStatus", 1L));
        assertThat(result.failed()).isZero();
        assertThat(result.disappeared()).extracting(Disappeared::billingKey).containsExactly("bdb-s5002", "bdb-1002");
        assertThat(result.disappeared()).extracting(Disappeared::action).containsOnly("SUSPENDED");
        assertThat(sandbox.snapshot().operations())
                .containsEntry("ChangeUserStatus", 1L)
                .containsEntry("ChangePackageStatus", 1L);

        Link user = links.find(RecordType.CUSTOMER, "bdb-1002").orElseThrow();
        assertThat(client.getUserById(user.esId()).orElseThrow().getStatus()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(user.appliedJson()).contains("\"status\":\"SUSPENDED\"");
        Link space = links.find(RecordType.SUBSCRIPTION, "bdb-s5002").orElseThrow();
        assertThat(packageStatus(space)).isEqualTo(PackageStatus.SUSPENDED);
        assertThat(space.appliedJson()).contains("\"status\":\"SUSPENDED\"");
        // the engine wrote both links, in the status-change run
        assertThat(state.queryForList(
                        "select billing_key from es_link where last_run_id = ? order by 1",
                        String.class,
                        changes.runId()))
                .containsExactly("bdb-1002", "bdb-s5002");
    }

    @Test
    @Order(2)
    void aSecondSyncMakesNoCall() {
        sandbox.reset();

        SyncResult result = reconcile();

        assertThat(result.statusChanges().unchanged()).isEqualTo(2);
        assertThat(result.statusChanges().operations()).isEmpty();
        assertThat(result.disappeared()).extracting(Disappeared::action).containsOnly("UNCHANGED");
        assertThat(sandbox.snapshot().operations()).doesNotContainKeys("ChangeUserStatus", "ChangePackageStatus");
    }

    @Test
    @Order(3)
    void aServerFailureDuringTheStatusChangeIsDeadLetteredAndReplayed() {
        billing("delete from services where client_id = 1003", "delete from clients where client_id = 1003");
        Link user = links.find(RecordType.CUSTOMER, "bdb-1003").orElseThrow();
        SyncResult result;
        // every status change fails for longer than the retry window (a share fails each request once only)
        faults.set(FaultSettings.NONE
                .withFailFirst("ChangeUserStatus", 1_000, 500)
                .withFailFirst("ChangePackageStatus", 1_000, 500));
        try {
            result = reconcile();
        } finally {
            faults.clear();
        }

        RunReport changes = result.statusChanges();
        assertThat(changes.failed()).as(changes.summary()).isEqualTo(2);
        assertThat(changes.unchanged()).isEqualTo(2); // client 1002, suspended already
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.disappeared())
                .filteredOn(d -> "FAILED".equals(d.action()))
                .extracting(Disappeared::billingKey)
                .containsExactly("bdb-s5003", "bdb-1003");
        assertThat(openDeadLetterKeys()).containsExactly("bdb-1003", "bdb-s5003");
        assertThat(client.getUserById(user.esId()).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
        assertThat(links.find(RecordType.CUSTOMER, "bdb-1003").orElseThrow().appliedJson())
                .contains("\"status\":\"ACTIVE\"");

        sandbox.reset();
        RunReport replayed = replay.replay(new ReplayService.Selection(changes.runId(), null, null))
                .report();

        assertThat(replayed.updated()).as(replayed.summary()).isEqualTo(2);
        assertThat(sandbox.snapshot().operations())
                .containsEntry("ChangeUserStatus", 1L)
                .containsEntry("ChangePackageStatus", 1L);
        assertThat(client.getUserById(user.esId()).orElseThrow().getStatus()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(links.find(RecordType.CUSTOMER, "bdb-1003").orElseThrow().appliedJson())
                .contains("\"status\":\"SUSPENDED\"");
        assertThat(openDeadLetterKeys()).isEmpty();
    }

    @Test
    @Order(4)
    void aCustomerBackInBillingIsReactivated() {
        // as it was (three-clients.sql), changed since: only the status differs from what the link holds
        billing(
                "insert into clients (client_id, username, password, first_name, last_name, email, address, city,"
                        + " country, phone, status, created_at, updated_at) values (1002, 'gone1002', 'Pw-1002-secret', 'Ben',"
                        + " 'Leaves', 'gone1002@example.com', '2 Main Street', 'Paris', 'FR', '+33 1 100002', 'active',"
                        + " timestamp '2024-01-01 00:00:00', timestamp '2026-02-01 00:00:00')",
                "insert into services (service_id, client_id, product_id, domain, billing_cycle, status, start_date,"
                        + " updated_at) values (5002, 1002, 1, 'gone5002.example', 'monthly', 'active', date '2024-01-01',"
                        + " timestamp '2026-02-01 00:00:00')");
        sandbox.reset();

        SyncResult result = incremental();

        assertThat(phase(result, "customers").operations()).containsExactlyEntriesOf(Map.of("ChangeUserStatus", 1L));
        assertThat(phase(result, "subscriptions").operations())
                .containsExactlyEntriesOf(Map.of("ChangePackageStatus", 1L));
        Link user = links.find(RecordType.CUSTOMER, "bdb-1002").orElseThrow();
        assertThat(client.getUserById(user.esId()).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
        Link space = links.find(RecordType.SUBSCRIPTION, "bdb-s5002").orElseThrow();
        assertThat(packageStatus(space)).isEqualTo(PackageStatus.ACTIVE);
    }

    @Test
    @Order(5)
    void aCancelledCustomerIsNotSuspendedWhenItDisappears() {
        billing("update clients set status = 'closed', updated_at = timestamp '2026-03-01 00:00:00'"
                + " where client_id = 1001");
        incremental();
        Link user = links.find(RecordType.CUSTOMER, "bdb-1001").orElseThrow();
        assertThat(client.getUserById(user.esId()).orElseThrow().getStatus()).isEqualTo(UserStatus.CANCELLED);
        billing("delete from services where client_id = 1001", "delete from clients where client_id = 1001");
        sandbox.reset();

        SyncResult result = reconcile();

        // its space, still active, is suspended; the user stays cancelled
        assertThat(result.disappeared())
                .filteredOn(d -> d.billingKey().equals("bdb-1001"))
                .extracting(Disappeared::action)
                .containsExactly("UNCHANGED");
        assertThat(result.statusChanges().operations()).containsExactlyEntriesOf(Map.of("ChangePackageStatus", 1L));
        assertThat(client.getUserById(user.esId()).orElseThrow().getStatus()).isEqualTo(UserStatus.CANCELLED);
    }

    private PackageStatus packageStatus(Link space) {
        return StatusIds.packageStatus(
                client.getPackage(space.esId()).orElseThrow().getStatusId());
    }
}
