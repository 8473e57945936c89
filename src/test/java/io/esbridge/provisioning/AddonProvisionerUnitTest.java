package io.esbridge.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.contract.PackageStatus;
import io.esbridge.provisioning.ProvisioningException.Reason;
import io.esbridge.provisioning.ProvisioningProperties.EndedSubscriptionPolicy;
import io.esbridge.provisioning.ProvisioningProperties.MissingPasswordPolicy;
import io.esbridge.provisioning.ProvisioningProperties.UsernameTakenPolicy;
import io.esbridge.record.AddonRecord;
import io.esbridge.record.RecordType;
import io.esbridge.run.Outcome;
import io.esbridge.state.DryRunLinks;
import io.esbridge.state.Fingerprint;
import io.esbridge.state.Link;
import io.esbridge.state.LinkData;
import io.esbridge.state.LinkState;
import io.esbridge.state.LinkStore;

/**
 * An add-on of a linked subscription, without Spring or a server: created by one call and linked under its space; the
 * same record again (same fingerprint) makes no call; a change makes the one update it needs; an ended add-on is
 * deleted once; a dry run lists the call and writes nothing; an add-on of a subscription not provisioned calls nothing.
 */
class AddonProvisionerUnitTest {

    private static final int SPACE_ID = 34;
    private static final int EXTRA_DISK_PLAN = 7;

    private final ObjectMapper mapper = new ObjectMapper();
    private final FakeEnterpriseServer server = new FakeEnterpriseServer();
    private final ProvisioningProperties properties = new ProvisioningProperties(
            UsernameTakenPolicy.ADOPT,
            EndedSubscriptionPolicy.CANCEL,
            1,
            1,
            10,
            false,
            Duration.ofMinutes(1),
            MissingPasswordPolicy.GENERATE,
            Duration.ofMinutes(15));
    private final AddonProvisioner provisioner = new AddonProvisioner(
            server,
            mapper,
            new PlanDirectory(server, properties),
            new CreatedSinceIntent(properties),
            new UserOwners(server, mapper));
    private LinkStore store;

    @BeforeEach
    void linkTheSubscriptionsSpace() {
        store = InMemoryLinks.store();
        // the space's user, an administrator's customer: its add-ons are resolved among the administrator's plans
        String customer = "{\"ownerId\":1,\"roleId\":3}";
        store.markApplied(
                RecordType.CUSTOMER, "C1", 12, new LinkData(1, customer, Fingerprint.of(customer), null), "run-0");
        String applied = "{\"status\":\"ACTIVE\"}";
        store.markApplied(
                RecordType.SUBSCRIPTION,
                "S1",
                SPACE_ID,
                new LinkData(12, applied, Fingerprint.of(applied), null),
                "run-0");
        server.addonPlans.add(Map.of("PlanID", " " + EXTRA_DISK_PLAN + " ", "PlanName", "Extra 10 GB"));
    }

    @Test
    void aNewAddonIsAddedOnceAndLinkedUnderItsSpace() {
        ProvisioningContext ctx = context("run-1");

        assertThat(provisioner.provision(addon(2, PackageStatus.ACTIVE, false), ctx))
                .isEqualTo(Outcome.CREATED);

        assertThat(server.calls).containsExactly("AddPackageAddon space 34 plan 7 quantity 2");
        assertThat(ctx.operations()).containsExactly("AddPackageAddon");
        Link link = store.find(RecordType.ADDON, "A1").orElseThrow();
        assertThat(link.state()).isEqualTo(LinkState.APPLIED);
        assertThat(link.esId()).isEqualTo(500);
        assertThat(link.parentEsId()).isEqualTo(SPACE_ID);
    }

    @Test
    void theSameAddonAgainMakesNoCall() {
        provisioner.provision(addon(2, PackageStatus.ACTIVE, false), context("run-1"));
        String fingerprint = store.find(RecordType.ADDON, "A1").orElseThrow().fingerprint();
        server.calls.clear();
        ProvisioningContext again = context("run-2");

        assertThat(provisioner.provision(addon(2, PackageStatus.ACTIVE, false), again))
                .isEqualTo(Outcome.UNCHANGED);

        assertThat(server.calls).isEmpty();
        assertThat(again.operations()).isEmpty();
        assertThat(store.find(RecordType.ADDON, "A1").orElseThrow().fingerprint())
                .isEqualTo(fingerprint);
    }

    @Test
    void aChangedQuantityIsOneUpdateOfTheLinkedAddonAndTheLinkTakesTheNewFingerprint() {
        provisioner.provision(addon(2, PackageStatus.ACTIVE, false), context("run-1"));
        String before = store.find(RecordType.ADDON, "A1").orElseThrow().fingerprint();
        server.calls.clear();

        assertThat(provisioner.provision(addon(3, PackageStatus.ACTIVE, false), context("run-2")))
                .isEqualTo(Outcome.UPDATED);

        assertThat(server.calls).containsExactly("UpdatePackageAddon 500 space 34 plan 7 quantity 3");
        Link link = store.find(RecordType.ADDON, "A1").orElseThrow();
        assertThat(link.fingerprint()).isNotEqualTo(before);
        assertThat(link.esId()).isEqualTo(500);
        assertThat(provisioner.provision(addon(3, PackageStatus.ACTIVE, false), context("run-3")))
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(server.calls).hasSize(1);
    }

    @Test
    void anEndedAddonIsDeletedOnceAndAnEndedOneNeverAddedIsNotCreated() {
        provisioner.provision(addon(2, PackageStatus.ACTIVE, false), context("run-1"));
        server.calls.clear();

        assertThat(provisioner.provision(addon(2, PackageStatus.CANCELLED, true), context("run-2")))
                .isEqualTo(Outcome.UPDATED);
        assertThat(provisioner.provision(addon(2, PackageStatus.CANCELLED, true), context("run-3")))
                .isEqualTo(Outcome.UNCHANGED);

        assertThat(server.calls).containsExactly("DeletePackageAddon 500");
        assertThat(store.find(RecordType.ADDON, "A1").orElseThrow().state()).isEqualTo(LinkState.DELETED);

        AddonRecord endedBeforeImport =
                new AddonRecord("A2", "S1", "C1", null, "Extra 10 GB", 1, PackageStatus.CANCELLED, null, null, true);
        assertThat(provisioner.provision(endedBeforeImport, context("run-4"))).isEqualTo(Outcome.UNCHANGED);
        assertThat(server.calls).hasSize(1);
        assertThat(store.find(RecordType.ADDON, "A2")).isEmpty();
    }

    @Test
    void aDryRunListsTheCreateMakesNoCallAndWritesNoLink() {
        DryRunLinks overlay = new DryRunLinks(store);
        ProvisioningContext ctx = new ProvisioningContext("dry-1", true, overlay);

        assertThat(provisioner.provision(addon(2, PackageStatus.ACTIVE, false), ctx))
                .isEqualTo(Outcome.CREATED);

        assertThat(ctx.operations()).containsExactly("AddPackageAddon");
        assertThat(server.calls).isEmpty();
        assertThat(store.find(RecordType.ADDON, "A1")).isEmpty();
        assertThat(overlay.find(RecordType.ADDON, "A1").orElseThrow().esId())
                .as("a placeholder id, below zero")
                .isNegative();
    }

    @Test
    void anAddonOfASubscriptionNotProvisionedFailsClearlyAndCallsNothing() {
        AddonRecord orphan =
                new AddonRecord("A3", "S9", "C1", null, "Extra 10 GB", 1, PackageStatus.ACTIVE, null, null, false);

        assertThatThrownBy(() -> provisioner.provision(orphan, context("run-1")))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SUBSCRIPTION_NOT_PROVISIONED);
                    assertThat(e.getMessage())
                            .isEqualTo("subscription S9 of add-on A3 is not provisioned yet: import or fix the"
                                    + " subscription first");
                });
        assertThat(server.calls).isEmpty();
        assertThat(store.find(RecordType.ADDON, "A3")).isEmpty();
    }

    @Test
    void anAddOnPlanNameTheServerDoesNotHaveIsRefusedBeforeAnyWrite() {
        AddonRecord unknownPlan =
                new AddonRecord("A4", "S1", "C1", null, "Extra 99 GB", 1, PackageStatus.ACTIVE, null, null, false);

        assertThatThrownBy(() -> provisioner.provision(unknownPlan, context("run-1")))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PLAN);
                    assertThat(e.getMessage()).contains("'Extra 99 GB'", "(known: extra 10 gb)");
                });
        assertThat(server.calls).isEmpty();
        assertThat(store.find(RecordType.ADDON, "A4")).isEmpty();
    }

    private ProvisioningContext context(String runId) {
        return new ProvisioningContext(runId, false, store);
    }

    private static AddonRecord addon(int quantity, PackageStatus status, boolean ended) {
        return new AddonRecord(
                "A1",
                "S1",
                "C1",
                null,
                "Extra 10 GB",
                quantity,
                status,
                LocalDateTime.of(2024, 2, 3, 0, 0),
                "billing add-on A1",
                ended);
    }
}
