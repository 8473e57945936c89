package io.esbridge.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.record.RecordType;
import io.esbridge.record.StatusChangeRecord;
import io.esbridge.record.StatusChangeRecord.Status;
import io.esbridge.run.Outcome;
import io.esbridge.state.DryRunLinks;
import io.esbridge.state.Fingerprint;
import io.esbridge.state.Link;
import io.esbridge.state.LinkData;
import io.esbridge.state.LinkStore;

/**
 * A customer or subscription gone from billing, without Spring or a server: the status change is one call on the
 * linked user or space and is recorded in the link, so that the next sync makes none; one already made, or one that
 * would revive a cancelled object, makes no call; a dry run lists the call and leaves server and store alone.
 */
class StatusChangeProvisionerUnitTest {

    private static final int USER_ID = 12;
    private static final int SPACE_ID = 34;

    private final ObjectMapper mapper = new ObjectMapper();
    private final FakeEnterpriseServer server = new FakeEnterpriseServer();
    private final StatusChangeProvisioner provisioner =
            new StatusChangeProvisioner(server, mapper, new ResellerCascade(server, mapper));
    private LinkStore store;

    @BeforeEach
    void linkACustomerAndItsSpace() {
        store = InMemoryLinks.store();
        link(RecordType.CUSTOMER, "C1", USER_ID, null, "{\"username\":\"ann\",\"status\":\"ACTIVE\"}");
        link(RecordType.SUBSCRIPTION, "S1", SPACE_ID, USER_ID, "{\"planName\":\"Starter\",\"status\":\"ACTIVE\"}");
    }

    @Test
    void aCustomerGoneFromBillingIsSuspendedByOneCallAndTheLinkHoldsTheNewStatus() throws Exception {
        ProvisioningContext ctx = new ProvisioningContext("run-1", false, store);

        Outcome outcome = provisioner.provision(change(RecordType.CUSTOMER, "C1", Status.SUSPENDED), ctx);

        assertThat(outcome).isEqualTo(Outcome.UPDATED);
        assertThat(server.calls).containsExactly("ChangeUserStatus 12 SUSPENDED");
        assertThat(ctx.operations()).containsExactly("ChangeUserStatus");
        Link link = store.find(RecordType.CUSTOMER, "C1").orElseThrow();
        assertThat(link.esId()).isEqualTo(USER_ID);
        assertThat(mapper.readTree(link.appliedJson()).path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(mapper.readTree(link.appliedJson()).path("username").asText())
                .as("the rest of what was applied is kept")
                .isEqualTo("ann");
        assertThat(link.fingerprint()).isEqualTo(Fingerprint.of(link.appliedJson()));

        ProvisioningContext next = new ProvisioningContext("run-2", false, store);
        assertThat(provisioner.provision(change(RecordType.CUSTOMER, "C1", Status.SUSPENDED), next))
                .as("the next sync finds the status already applied")
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(server.calls).hasSize(1);
        assertThat(next.operations()).isEmpty();
    }

    @Test
    void aSubscriptionGoneFromBillingIsCancelledOnItsSpaceUnderTheSameUser() throws Exception {
        ProvisioningContext ctx = new ProvisioningContext("run-1", false, store);

        assertThat(provisioner.provision(change(RecordType.SUBSCRIPTION, "S1", Status.CANCELLED), ctx))
                .isEqualTo(Outcome.UPDATED);

        assertThat(server.calls).containsExactly("ChangePackageStatus 34 CANCELLED");
        Link link = store.find(RecordType.SUBSCRIPTION, "S1").orElseThrow();
        assertThat(link.parentEsId()).as("still the space of user 12").isEqualTo(USER_ID);
        assertThat(mapper.readTree(link.appliedJson()).path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aCancelledOrEndedObjectIsNotSuspendedAgain() {
        link(RecordType.CUSTOMER, "C2", 13, null, "{\"status\":\"CANCELLED\"}");
        link(RecordType.SUBSCRIPTION, "S2", 35, 13, "{\"status\":\"SUSPENDED\",\"ended\":true}");
        ProvisioningContext ctx = new ProvisioningContext("run-1", false, store);

        assertThat(provisioner.provision(change(RecordType.CUSTOMER, "C2", Status.SUSPENDED), ctx))
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(provisioner.provision(change(RecordType.SUBSCRIPTION, "S2", Status.CANCELLED), ctx))
                .isEqualTo(Outcome.UNCHANGED);

        assertThat(server.calls).isEmpty();
        assertThat(store.find(RecordType.CUSTOMER, "C2").orElseThrow().appliedJson())
                .isEqualTo("{\"status\":\"CANCELLED\"}");
    }

    @Test
    void aKeyWithoutAppliedLinkChangesNothingOnTheServer() {
        store.recordIntent(RecordType.CUSTOMER, "C3", "carl", new LinkData(null, "{}", "fp", null), "run-0");
        ProvisioningContext ctx = new ProvisioningContext("run-1", false, store);

        assertThat(provisioner.provision(change(RecordType.CUSTOMER, "C3", Status.SUSPENDED), ctx))
                .as("a create still unresolved")
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(provisioner.provision(change(RecordType.CUSTOMER, "C4", Status.SUSPENDED), ctx))
                .as("never linked")
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(server.calls).isEmpty();
        assertThat(store.find(RecordType.CUSTOMER, "C4")).isEmpty();
    }

    @Test
    void aDryRunListsTheCallMakesNoneAndLeavesTheStoreAsItWas() {
        Link before = store.find(RecordType.CUSTOMER, "C1").orElseThrow();
        DryRunLinks overlay = new DryRunLinks(store);
        ProvisioningContext ctx = new ProvisioningContext("dry-1", true, overlay);

        assertThat(provisioner.provision(change(RecordType.CUSTOMER, "C1", Status.SUSPENDED), ctx))
                .isEqualTo(Outcome.UPDATED);

        assertThat(ctx.operations()).containsExactly("ChangeUserStatus");
        assertThat(server.calls).isEmpty();
        assertThat(store.find(RecordType.CUSTOMER, "C1").orElseThrow()).isEqualTo(before);
        assertThat(overlay.find(RecordType.CUSTOMER, "C1").orElseThrow().appliedJson())
                .as("later records of the same dry run see the change")
                .contains("\"status\":\"SUSPENDED\"");
    }

    private void link(RecordType type, String key, int esId, Integer parent, String appliedJson) {
        store.markApplied(
                type, key, esId, new LinkData(parent, appliedJson, Fingerprint.of(appliedJson), null), "run-0");
    }

    private static StatusChangeRecord change(RecordType target, String key, Status status) {
        return new StatusChangeRecord(target, key, "C1", status);
    }
}
