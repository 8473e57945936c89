package io.esbridge.provisioning;

import static io.esbridge.provisioning.Envelopes.customer;
import static io.esbridge.provisioning.Envelopes.subscription;
import static io.esbridge.provisioning.Envelopes.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.esbridge.client.StatusIds;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserStatus;
import io.esbridge.deadletter.ReplayService;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;
import io.esbridge.record.StatusChangeRecord;
import io.esbridge.record.StatusChangeRecord.Status;
import io.esbridge.run.Outcome;
import io.esbridge.run.RecordOutcome;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunSession;
import io.esbridge.sandbox.SandboxStats;
import io.esbridge.state.LinkStore;

/**
 * Customers owned by resellers through {@code OwnerKey}: created under the reseller's user, in tree order whatever the
 * order of the input, and bad trees refused with their own reasons while the rest of the run goes on.
 */
class ResellerTreesTest extends ProvisioningTestSupport {

    @Autowired
    SandboxStats sandboxStats;

    @Autowired
    LinkStore links;

    @Autowired
    ReplayService replays;

    @Test
    void aResellersCustomerEndsOwnedByTheResellerAndASecondImportMakesNoWriteCall() {
        String p = unique();
        CustomerRecord reseller = reseller(p + "-r");
        CustomerRecord owned = ownedBy(customer(p + "-c", p + "-c", p + "-c@example.com", UserStatus.ACTIVE), p + "-r");

        RunReport first = importFeed(reseller, owned);

        assertThat(first.created()).as(first.summary()).isEqualTo(2);
        int resellerId = client.getUserByUsername(p + "-r").orElseThrow().getUserId();
        UserInfo user = client.getUserByUsername(p + "-c").orElseThrow();
        assertThat(client.getUserById(user.getUserId()).orElseThrow().getOwnerId())
                .as("GetUserById's OwnerId")
                .isEqualTo(resellerId);
        assertThat(links.find(RecordType.CUSTOMER, p + "-c").orElseThrow().parentEsId())
                .as("the customer link records its owner's user id")
                .isEqualTo(resellerId);
        assertThat(links.find(RecordType.CUSTOMER, p + "-r").orElseThrow().appliedJson())
                .as("a customer of a constant owner is recorded as before owners by key (same fingerprint)")
                .doesNotContain("ownerKey");

        sandboxStats.reset();
        RunReport second = importFeed(reseller, owned);
        assertThat(second.unchanged()).as(second.summary()).isEqualTo(2);
        assertThat(sandboxStats.snapshot().operations().keySet())
                .as("calls the server received")
                .noneMatch(op -> op.matches("(Add|Update|Change|Delete).*"));
    }

    @Test
    void customersBeforeTheirResellerInOneRunEndRight() {
        String p = unique();
        RunReport report = importFeed(
                ownedBy(customer(p + "-c1", p + "-c1", p + "-c1@example.com", UserStatus.ACTIVE), p + "-r"),
                ownedBy(customer(p + "-c2", p + "-c2", p + "-c2@example.com", UserStatus.ACTIVE), p + "-r2"),
                // a reseller of a reseller, itself before its own owner
                ownedBy(reseller(p + "-r2"), p + "-r"),
                reseller(p + "-r"),
                // the reseller's space and plan: a reseller's customer is given only its reseller's plans
                subscription(p + "-r-space", p + "-r", "Reseller 50", p + "-r space", PackageStatus.ACTIVE),
                ResellerPlansTest.plan(p + "-gold", p + " Gold", p + "-r", Map.of(52, 1024)),
                // its customer's space, after its customer (still waiting for the reseller when it was read)
                subscription(p + "-c1-s", p + "-c1", p + " Gold", p + "-c1 space", PackageStatus.ACTIVE));

        assertThat(report.failed()).as(report.summary() + " " + report.errors()).isZero();
        assertThat(report.created()).isEqualTo(7);
        int r = client.getUserByUsername(p + "-r").orElseThrow().getUserId();
        int r2 = client.getUserByUsername(p + "-r2").orElseThrow().getUserId();
        assertThat(ownerOf(p + "-c1")).isEqualTo(r);
        assertThat(ownerOf(p + "-r2")).isEqualTo(r);
        assertThat(ownerOf(p + "-c2")).isEqualTo(r2);
        int c1 = client.getUserByUsername(p + "-c1").orElseThrow().getUserId();
        assertThat(client.getMyPackages(c1)).hasSize(1);
    }

    @Test
    void badTreesGetTheirReasonsAndStopNothingElse() {
        String p = unique();
        RunReport report = importFeed(
                ownedBy(reseller(p + "-a"), p + "-b"),
                ownedBy(reseller(p + "-b"), p + "-a"),
                ownedBy(customer(p + "-x", p + "-x", p + "-x@example.com", UserStatus.ACTIVE), p + "-never"),
                subscription(p + "-x-s", p + "-x", "Starter", p + "-x space", PackageStatus.ACTIVE),
                customer(p + "-n", p + "-n", p + "-n@example.com", UserStatus.ACTIVE),
                ownedBy(customer(p + "-y", p + "-y", p + "-y@example.com", UserStatus.ACTIVE), p + "-n"),
                customer(p + "-g", p + "-g", p + "-g@example.com", UserStatus.ACTIVE));

        Map<String, RecordOutcome> outcomes = runs.outcomes(report.runId()).stream()
                .collect(Collectors.toMap(RecordOutcome::billingKey, Function.identity()));
        assertThat(report.in()).as(report.summary()).isEqualTo(7);
        assertThat(outcomes.get(p + "-a").errorName()).isEqualTo("OWNER_CYCLE");
        assertThat(outcomes.get(p + "-a").message()).contains(p + "-a owns " + p + "-b owns " + p + "-a");
        assertThat(outcomes.get(p + "-b").errorName()).isEqualTo("OWNER_CYCLE");
        assertThat(outcomes.get(p + "-x").errorName()).isEqualTo("OWNER_NOT_PROVISIONED");
        assertThat(outcomes.get(p + "-x").message()).contains("no input provided customer " + p + "-never");
        assertThat(outcomes.get(p + "-x-s").errorName()).isEqualTo("CUSTOMER_NOT_PROVISIONED");
        assertThat(outcomes.get(p + "-y").errorName()).isEqualTo("OWNER_NOT_RESELLER");
        assertThat(outcomes.get(p + "-y").message()).contains(p + "-y").contains(p + "-n");
        assertThat(outcomes.get(p + "-n").outcome()).isEqualTo(Outcome.CREATED);
        assertThat(outcomes.get(p + "-g").outcome()).isEqualTo(Outcome.CREATED);
        assertThat(client.getUserByUsername(p + "-a")).isEmpty();
        assertThat(client.getUserByUsername(p + "-x")).isEmpty();
        assertThat(client.getUserByUsername(p + "-y")).isEmpty();
    }

    @Test
    void aCustomerMovedToAnotherResellerFailsOwnerChangedWithNoWriteCall() {
        String p = unique();
        CustomerRecord owned =
                ownedBy(customer(p + "-c", p + "-c", p + "-c@example.com", UserStatus.ACTIVE), p + "-r1");
        assertThat(importFeed(reseller(p + "-r1"), reseller(p + "-r2"), owned).failed())
                .isZero();

        sandboxStats.reset();
        RunReport moved = importFeed(ownedBy(owned, p + "-r2"));

        RecordOutcome outcome = runs.outcomes(moved.runId()).get(0);
        assertThat(outcome.errorName()).as(moved.summary()).isEqualTo("OWNER_CHANGED");
        assertThat(outcome.message()).contains(p + "-c").contains(p + "-r1").contains(p + "-r2");
        assertThat(sandboxStats.snapshot().operations().keySet())
                .as("calls the server received")
                .noneMatch(op -> op.matches("(Add|Update|Change|Delete).*"));
        assertThat(ownerOf(p + "-c"))
                .isEqualTo(client.getUserByUsername(p + "-r1").orElseThrow().getUserId());
    }

    /**
     * A customers file whose reseller is in a later customers file (files of one command are runs of their own): the
     * customer and its subscription fail for what they depend on, and the dependency replay after the last run, the
     * one {@code es-bridge import} and a sync make, provisions them under the reseller.
     */
    @Test
    void aCustomerWhoseResellerCameInALaterRunEndsRightAfterTheDependencyReplay() {
        String p = unique();
        RunReport customers = importFeed(
                ownedBy(customer(p + "-c", p + "-c", p + "-c@example.com", UserStatus.ACTIVE), p + "-r"),
                subscription(p + "-c-s", p + "-c", p + " Gold", p + "-c space", PackageStatus.ACTIVE));
        assertThat(runs.outcomes(customers.runId()))
                .extracting(RecordOutcome::errorName)
                .containsExactlyInAnyOrder("OWNER_NOT_PROVISIONED", "CUSTOMER_NOT_PROVISIONED");
        // the reseller, its space and its plan (a reseller's customer is given only its reseller's plans)
        RunReport resellers = importFeed(
                reseller(p + "-r"),
                subscription(p + "-r-space", p + "-r", "Reseller 50", p + "-r space", PackageStatus.ACTIVE),
                ResellerPlansTest.plan(p + "-gold", p + " Gold", p + "-r", Map.of(52, 1024)));
        assertThat(resellers.failed())
                .as(resellers.summary() + " " + resellers.errors())
                .isZero();

        List<ReplayService.ReplayResult> passes =
                replays.replayDependencies(List.of(customers.runId(), resellers.runId()));

        assertThat(passes).isNotEmpty();
        assertThat(passes.get(0).report().created())
                .as(passes.get(0).report().summary())
                .isEqualTo(2);
        assertThat(ownerOf(p + "-c"))
                .isEqualTo(client.getUserByUsername(p + "-r").orElseThrow().getUserId());
        assertThat(replays.openOf(List.of(customers.runId(), resellers.runId())))
                .as("nothing of these runs still failed")
                .isZero();
    }

    /**
     * A reseller suspended and reactivated in billing: the server's ChangeUserStatus cascades both ways (contract
     * §2.4), so its customers are marked as covered by the cascade; a customer's own "active" record meanwhile does not
     * reactivate it under the suspended reseller; and the reactivation puts back the customer billing suspended for its
     * own reasons, and nothing else. A second import then finds nothing to write.
     */
    @Test
    void aResellersSuspendAndReactivateRoundTripsWithoutTouchingACustomerSuspendedForItsOwnReasons() {
        String p = unique();
        CustomerRecord reseller = reseller(p + "-r");
        CustomerRecord active =
                ownedBy(customer(p + "-a", p + "-a", p + "-a@example.com", UserStatus.ACTIVE), p + "-r");
        CustomerRecord own =
                ownedBy(customer(p + "-o", p + "-o", p + "-o@example.com", UserStatus.SUSPENDED), p + "-r");
        CustomerRecord back = ownedBy(customer(p + "-b", p + "-b", p + "-b@example.com", UserStatus.ACTIVE), p + "-r");
        assertThat(importFeed(reseller, active, own, back).failed()).isZero();
        assertThat(importFeed(withStatus(back, UserStatus.SUSPENDED)).updated()).isEqualTo(1);

        RunReport suspend = importFeed(withStatus(reseller, UserStatus.SUSPENDED));

        assertThat(suspend.operations()).as(suspend.summary()).isEqualTo(Map.of("ChangeUserStatus", 1L));
        for (String key : List.of(p + "-a", p + "-o", p + "-b")) {
            assertThat(links.cascadeOf(RecordType.CUSTOMER, key)).as(key).contains(p + "-r");
        }

        sandboxStats.reset();
        RunReport held = importFeed(back);
        assertThat(held.unchanged())
                .as("active in billing while its reseller is suspended: " + held.summary())
                .isEqualTo(1);
        assertThat(sandboxStats.calls("ChangeUserStatus")).isZero();

        RunReport reactivate = importFeed(reseller);
        assertThat(runs.outcomes(reactivate.runId()).get(0).operations())
                .as("the reseller's, then its three customers' (two reactivated, one put back to suspended)")
                .containsExactly("ChangeUserStatus", "ChangeUserStatus", "ChangeUserStatus", "ChangeUserStatus");
        assertThat(statusOf(p + "-r")).isEqualTo(StatusIds.id(UserStatus.ACTIVE));
        assertThat(statusOf(p + "-a")).isEqualTo(StatusIds.id(UserStatus.ACTIVE));
        assertThat(statusOf(p + "-b")).isEqualTo(StatusIds.id(UserStatus.ACTIVE));
        assertThat(statusOf(p + "-o")).isEqualTo(StatusIds.id(UserStatus.SUSPENDED));
        for (String key : List.of(p + "-a", p + "-o", p + "-b")) {
            assertThat(links.cascadeOf(RecordType.CUSTOMER, key)).as(key).isEmpty();
        }

        sandboxStats.reset();
        RunReport again = importFeed(reseller, active, own, back);
        assertThat(again.unchanged()).as(again.summary()).isEqualTo(4);
        assertThat(sandboxStats.snapshot().operations().keySet())
                .as("calls the server received")
                .noneMatch(op -> op.matches("(Add|Update|Change|Delete).*"));
    }

    /**
     * The username exists on the server, with the same e-mail, but under another reseller: not ours to adopt (its next
     * change would edit a user outside this reseller's tree).
     */
    @Test
    void aUserFoundUnderAnotherOwnerIsNotAdopted() {
        String p = unique();
        assertThat(importFeed(reseller(p + "-r1"), reseller(p + "-r2")).failed())
                .isZero();
        UserInfo theirs = new UserInfo();
        theirs.setUsername(p + "-c");
        theirs.setEmail(p + "-c@example.com");
        theirs.setFirstName("Other");
        theirs.setLastName("Reseller's");
        theirs.setRoleId(3);
        theirs.setStatusId(StatusIds.id(UserStatus.ACTIVE));
        theirs.setOwnerId(client.getUserByUsername(p + "-r1").orElseThrow().getUserId());
        client.addUser(theirs, "Secret-theirs-1!", false, List.of());

        RunReport report =
                importFeed(ownedBy(customer(p + "-c", p + "-c", p + "-c@example.com", UserStatus.ACTIVE), p + "-r2"));

        RecordOutcome outcome = runs.outcomes(report.runId()).get(0);
        assertThat(outcome.errorName()).as(report.summary()).isEqualTo("USERNAME_TAKEN");
        assertThat(outcome.message()).contains("not adopted");
        assertThat(links.find(RecordType.CUSTOMER, p + "-c")).isEmpty();
        assertThat(ownerOf(p + "-c")).isEqualTo(theirs.getOwnerId());
    }

    /** A reseller gone from billing is suspended by a reconciling sync: its customers are covered by the cascade. */
    @Test
    void aResellerGoneFromBillingIsSuspendedWithItsCustomersMarkedAsCoveredByTheCascade() {
        String p = unique();
        CustomerRecord owned = ownedBy(customer(p + "-c", p + "-c", p + "-c@example.com", UserStatus.ACTIVE), p + "-r");
        assertThat(importFeed(reseller(p + "-r"), owned).failed()).isZero();

        RunSession run = sessions.open(SourceRef.Kind.TABLE, "disappeared");
        producer.sendBody(
                ProvisioningRoutes.INTAKE,
                new RecordEnvelope(
                        run.runId(),
                        SourceRef.fileLine("disappeared", 1),
                        RecordType.CUSTOMER,
                        p + "-r",
                        new StatusChangeRecord(RecordType.CUSTOMER, p + "-r", p + "-r", Status.SUSPENDED),
                        Map.of()));
        RunReport gone = run.close(1);

        assertThat(gone.operations()).as(gone.summary()).isEqualTo(Map.of("ChangeUserStatus", 1L));
        assertThat(statusOf(p + "-r")).isEqualTo(StatusIds.id(UserStatus.SUSPENDED));
        assertThat(links.cascadeOf(RecordType.CUSTOMER, p + "-c")).contains(p + "-r");
    }

    private int statusOf(String username) {
        int id = client.getUserByUsername(username).orElseThrow().getUserId();
        return client.getUserById(id).orElseThrow().getStatusId();
    }

    private int ownerOf(String username) {
        int id = client.getUserByUsername(username).orElseThrow().getUserId();
        return client.getUserById(id).orElseThrow().getOwnerId();
    }

    static CustomerRecord reseller(String key) {
        return as(customer(key, key, key + "@example.com", UserStatus.ACTIVE), null, CustomerRecord.ROLE_RESELLER);
    }

    static CustomerRecord ownedBy(CustomerRecord c, String ownerKey) {
        return as(c, ownerKey, c.roleId());
    }

    private static CustomerRecord as(CustomerRecord c, String ownerKey, int roleId) {
        return new CustomerRecord(
                c.key(),
                c.username(),
                c.password(),
                c.firstName(),
                c.lastName(),
                c.email(),
                c.status(),
                ownerKey == null ? c.ownerId() : 0,
                ownerKey,
                roleId,
                c.demo(),
                c.peer(),
                c.sendLetter(),
                c.companyName(),
                c.address(),
                c.city(),
                c.state(),
                c.zip(),
                c.country(),
                c.primaryPhone(),
                c.secondaryPhone(),
                c.fax(),
                c.secondaryEmail(),
                c.instantMessenger(),
                c.htmlMail(),
                c.comments(),
                c.subscriberNumber(),
                c.notes());
    }
}
