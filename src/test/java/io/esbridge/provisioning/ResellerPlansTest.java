package io.esbridge.provisioning;

import static io.esbridge.provisioning.Envelopes.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.esbridge.client.StatusIds;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;
import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.RecordType;
import io.esbridge.run.RunReport;
import io.esbridge.sandbox.SandboxStats;
import io.esbridge.state.LinkStore;

/**
 * Reseller plans and plans resolved per owner, against the sandbox over HTTP: a reseller's plan lives under the
 * reseller and in its space; a reseller's customer gets the reseller's plans and is refused an administrator's before
 * any write; a plan above the reseller space's limits fails with the quota named. The reseller's customers are made
 * with a constant OwnerId (the reseller's user id), as a mapping without OwnerKey does.
 */
class ResellerPlansTest extends ProvisioningTestSupport {

    @Autowired
    SandboxStats sandboxStats;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    LinkStore links;

    /** A reseller (role 2, owned by serveradmin) with its own space on the administrators' plan "Reseller 50". */
    private Reseller reseller(String p) {
        RunReport made = importFeed(
                customer(p + "-r", 1, CustomerRecord.ROLE_RESELLER),
                subscription(p + "-r-space", p + "-r", "Reseller 50", p + " reseller space", PackageStatus.ACTIVE));
        assertThat(made.failed()).as(made.summary() + " " + made.errors()).isZero();
        int userId = links.find(RecordType.CUSTOMER, p + "-r").orElseThrow().esId();
        int spaceId = links.find(RecordType.SUBSCRIPTION, p + "-r-space")
                .orElseThrow()
                .esId();
        return new Reseller(p + "-r", userId, spaceId);
    }

    private record Reseller(String key, int userId, int spaceId) {}

    @Test
    void aResellersPlanLandsUnderTheResellerInItsSpaceAndItsCustomerIsGivenIt() {
        String p = unique();
        Reseller r = reseller(p);

        RunReport plan = importFeed(plan(p + "-gold", p + " Gold", r.key(), Map.of(52, 10240, 53, 2)));
        assertThat(plan.created()).as(plan.summary() + " " + plan.errors()).isEqualTo(1);

        assertThat(client.getHostingPlans(r.userId()))
                .as("GetHostingPlans of the reseller")
                .extracting(row -> row.get("PlanName"))
                .containsExactly(p + " Gold");
        assertThat(client.getHostingPlans(1))
                .extracting(row -> row.get("PlanName"))
                .doesNotContain(p + " Gold");
        int planId = links.find(RecordType.PLAN, p + "-gold").orElseThrow().esId();
        HostingPlanInfo stored = client.getHostingPlan(planId).orElseThrow();
        assertThat(stored.getUserId()).isEqualTo(r.userId());
        assertThat(stored.getPackageId()).as("the reseller's space").isEqualTo(r.spaceId());

        RunReport customer = importFeed(
                customer(p + "-c", r.userId(), 3),
                subscription(p + "-c-s", p + "-c", p + " Gold", p + " customer space", PackageStatus.ACTIVE));
        assertThat(customer.created())
                .as(customer.summary() + " " + customer.errors())
                .isEqualTo(2);
        int space =
                links.find(RecordType.SUBSCRIPTION, p + "-c-s").orElseThrow().esId();
        assertThat(client.getPackage(space).orElseThrow().getPlanId()).isEqualTo(planId);
        assertThat(client.getPackage(space).orElseThrow().getParentPackageId())
                .as("the customer's space hangs under the reseller's")
                .isEqualTo(r.spaceId());

        sandboxStats.reset();
        RunReport again = importFeed(plan(p + "-gold", p + " Gold", r.key(), Map.of(52, 10240, 53, 2)));
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(sandboxStats.snapshot().operations().keySet())
                .noneMatch(op -> op.matches("(Add|Update|Change|Delete).*"));
    }

    @Test
    void aResellersCustomerNamingAnAdministratorsPlanIsRefusedBeforeAnyWrite() {
        String p = unique();
        Reseller r = reseller(p);
        importFeed(customer(p + "-c", r.userId(), 3));
        int starter = client.getHostingPlans(1).stream()
                .filter(row -> "Starter".equals(row.get("PlanName")))
                .map(row -> Integer.parseInt(row.get("PlanID")))
                .findFirst()
                .orElseThrow();

        sandboxStats.reset();
        RunReport byName =
                importFeed(subscription(p + "-c-s", p + "-c", "Starter", p + " on System", PackageStatus.ACTIVE));
        SubscriptionRecordById byIdRecord = new SubscriptionRecordById(p + "-c-s2", p + "-c", starter);
        RunReport byId = importFeed(byIdRecord.record());

        for (RunReport report : List.of(byName, byId)) {
            assertThat(report.failed()).as(report.summary()).isEqualTo(1);
            assertThat(report.errors()).containsOnlyKeys("PLAN_NOT_OWNERS");
            assertThat(report.operations()).isEmpty();
            assertThat(deadLetters.openOfRun(report.runId())).singleElement().satisfies(letter -> assertThat(
                            letter.message())
                    .contains("Starter", p + "-c", "user " + r.userId()));
        }
        assertThat(sandboxStats.snapshot().operations().keySet())
                .as("calls the server received")
                .noneMatch(op -> op.matches("(Add|Update|Change|Delete).*"));
        int user = links.find(RecordType.CUSTOMER, p + "-c").orElseThrow().esId();
        assertThat(client.getMyPackages(user)).isEmpty();
    }

    @Test
    void aPlanAboveTheResellerSpacesLimitFailsWithTheQuotaNamedAndCreatesNothing() {
        String p = unique();
        Reseller r = reseller(p);
        // "Reseller 50" allows 512000 MB of disk space: this plan of the reseller asks for more
        RunReport plan = importFeed(plan(p + "-huge", p + " Huge", r.key(), Map.of(52, 600000, 53, 1)));
        assertThat(plan.created()).as(plan.summary() + " " + plan.errors()).isEqualTo(1);

        RunReport refused = importFeed(
                customer(p + "-c", r.userId(), 3),
                subscription(p + "-c-s", p + "-c", p + " Huge", p + " too big", PackageStatus.ACTIVE));
        assertThat(refused.failed()).as(refused.summary()).isEqualTo(1);
        assertThat(refused.errors()).containsOnlyKeys("-305 ERROR_PACKAGE_QUOTA_EXCEED");
        assertThat(deadLetters.openOfRun(refused.runId())).singleElement().satisfies(letter -> {
            assertThat(letter.errorCode()).isEqualTo(-305);
            assertThat(letter.message())
                    .contains("OS / Disk space, MB (OS.DiskspaceMB, quota 52) over the parent" + " space's limit by");
        });
        int user = links.find(RecordType.CUSTOMER, p + "-c").orElseThrow().esId();
        assertThat(client.getMyPackages(user)).isEmpty();
    }

    @Test
    void aResellersPlanWaitsForItsResellerAndItsSpace() {
        String p = unique();
        RunReport noReseller = importFeed(plan(p + "-gold", p + " Gold", p + "-r", Map.of(52, 1024)));
        assertThat(noReseller.errors()).containsOnlyKeys("OWNER_NOT_PROVISIONED");

        importFeed(customer(p + "-r", 1, CustomerRecord.ROLE_RESELLER));
        sandboxStats.reset();
        RunReport noSpace = importFeed(plan(p + "-gold", p + " Gold", p + "-r", Map.of(52, 1024)));
        assertThat(noSpace.errors()).containsOnlyKeys("SPACE_NOT_PROVISIONED");
        assertThat(sandboxStats.snapshot().operations()).doesNotContainKey("AddHostingPlan");

        importFeed(subscription(p + "-r-s1", p + "-r", "Reseller 50", p + " one", PackageStatus.ACTIVE));
        importFeed(subscription(p + "-r-s2", p + "-r", "Reseller 50", p + " two", PackageStatus.ACTIVE));
        RunReport twoSpaces = importFeed(plan(p + "-gold", p + " Gold", p + "-r", Map.of(52, 1024)));
        assertThat(twoSpaces.errors()).containsOnlyKeys("AMBIGUOUS_MATCH");
        assertThat(deadLetters.openOfRun(twoSpaces.runId()))
                .singleElement()
                .satisfies(letter -> assertThat(letter.message()).contains("SpaceKey", p + "-r-s1", p + "-r-s2"));

        RunReport placed = importFeed(planIn(p + "-gold", p + " Gold", p + "-r", p + "-r-s2", Map.of(52, 1024)));
        assertThat(placed.created())
                .as(placed.summary() + " " + placed.errors())
                .isEqualTo(1);
        int planId = links.find(RecordType.PLAN, p + "-gold").orElseThrow().esId();
        assertThat(client.getHostingPlan(planId).orElseThrow().getPackageId())
                .isEqualTo(links.find(RecordType.SUBSCRIPTION, p + "-r-s2")
                        .orElseThrow()
                        .esId());
    }

    /**
     * A plan whose OwnerKey names an ordinary customer (role 3) with a space of its own: the server would take the plan
     * and hang its spaces under that customer's, so it is refused before any write, with the plan and customer named.
     */
    @Test
    void aPlanOwnedByACustomerWhoIsNotAResellerIsRefusedBeforeAnyWrite() {
        String p = unique();
        RunReport made = importFeed(
                customer(p + "-n", 1, 3),
                subscription(p + "-n-s", p + "-n", "Starter", p + " customer space", PackageStatus.ACTIVE));
        assertThat(made.failed()).as(made.summary() + " " + made.errors()).isZero();
        int user = links.find(RecordType.CUSTOMER, p + "-n").orElseThrow().esId();

        sandboxStats.reset();
        RunReport refused = importFeed(plan(p + "-gold", p + " Gold", p + "-n", Map.of(52, 1024)));

        assertThat(refused.failed()).as(refused.summary()).isEqualTo(1);
        assertThat(refused.errors()).containsOnlyKeys("OWNER_NOT_RESELLER");
        assertThat(refused.operations()).isEmpty();
        assertThat(deadLetters.openOfRun(refused.runId()))
                .singleElement()
                .satisfies(letter -> assertThat(letter.message()).contains("plan " + p + "-gold", p + "-n"));
        assertThat(sandboxStats.snapshot().operations().keySet())
                .as("calls the server received")
                .noneMatch(op -> op.matches("(Add|Update|Change|Delete).*"));
        assertThat(client.getHostingPlans(user)).isEmpty();
        assertThat(links.find(RecordType.PLAN, p + "-gold")).isEmpty();
    }

    /**
     * A reseller suspended in billing suspends its customers' spaces on the server (ChangeUserStatus cascades). A
     * subscription of one of its customers that billing has active again meanwhile is held, no ChangePackageStatus (it
     * would run under the suspended reseller), and comes back with the reseller's reactivation; then a second import
     * finds nothing to write.
     */
    @Test
    void aSubscriptionActiveInBillingUnderASuspendedResellerWaitsForTheResellersReactivation() {
        String p = unique();
        Reseller r = reseller(p);
        assertThat(importFeed(plan(p + "-gold", p + " Gold", r.key(), Map.of(52, 1024)))
                        .created())
                .isEqualTo(1);
        CustomerRecord customer = customer(p + "-c", r.userId(), 3);
        RunReport made = importFeed(
                customer, subscription(p + "-c-s", p + "-c", p + " Gold", p + " customer space", PackageStatus.ACTIVE));
        assertThat(made.created()).as(made.summary() + " " + made.errors()).isEqualTo(2);
        int space =
                links.find(RecordType.SUBSCRIPTION, p + "-c-s").orElseThrow().esId();
        // suspended for its own reasons first, so that billing's "active" below is a reactivation of the space
        assertThat(importFeed(subscription(
                                p + "-c-s", p + "-c", p + " Gold", p + " customer space", PackageStatus.SUSPENDED))
                        .updated())
                .isEqualTo(1);
        CustomerRecord reseller = customer(r.key(), 1, CustomerRecord.ROLE_RESELLER);
        RunReport suspend = importFeed(Envelopes.withStatus(reseller, UserStatus.SUSPENDED));
        assertThat(suspend.updated())
                .as(suspend.summary() + " " + suspend.errors())
                .isEqualTo(1);
        assertThat(links.cascadeOf(RecordType.CUSTOMER, p + "-c")).contains(r.key());

        sandboxStats.reset();
        RunReport held = importFeed(
                subscription(p + "-c-s", p + "-c", p + " Gold", p + " customer space", PackageStatus.ACTIVE));

        assertThat(held.unchanged())
                .as("active in billing while its customer's reseller is suspended: " + held.summary())
                .isEqualTo(1);
        assertThat(sandboxStats.calls("ChangePackageStatus")).isZero();
        assertThat(client.getPackage(space).orElseThrow().getStatusId())
                .isEqualTo(StatusIds.id(PackageStatus.SUSPENDED));

        RunReport reactivate = importFeed(reseller);
        assertThat(reactivate.failed()).as(reactivate.summary()).isZero();
        assertThat(client.getPackage(space).orElseThrow().getStatusId())
                .as("the space, back with its reseller")
                .isEqualTo(StatusIds.id(PackageStatus.ACTIVE));

        sandboxStats.reset();
        RunReport again = importFeed(
                reseller,
                customer,
                subscription(p + "-c-s", p + "-c", p + " Gold", p + " customer space", PackageStatus.ACTIVE));
        assertThat(again.unchanged()).as(again.summary()).isEqualTo(3);
        assertThat(sandboxStats.snapshot().operations().keySet())
                .as("calls the server received")
                .noneMatch(op -> op.matches("(Add|Update|Change|Delete).*"));
    }

    /** A subscription that names its plan by id, as a billing system with the panel's plan ids does. */
    private record SubscriptionRecordById(String key, String customerKey, int planId) {
        io.esbridge.record.SubscriptionRecord record() {
            return new io.esbridge.record.SubscriptionRecord(
                    key,
                    customerKey,
                    planId,
                    null,
                    key + " space",
                    "billing service " + key,
                    PackageStatus.ACTIVE,
                    java.time.LocalDateTime.of(2024, 3, 1, 12, 0),
                    false);
        }
    }

    /** A reseller's plan (OwnerKey), placed in its only space; ResellerTreesTest gives its customers spaces on it. */
    static PlanRecord plan(String key, String name, String ownerKey, Map<Integer, Integer> quotas) {
        return planIn(key, name, ownerKey, null, quotas);
    }

    private static PlanRecord planIn(
            String key, String name, String ownerKey, String spaceKey, Map<Integer, Integer> quotas) {
        return new PlanRecord(
                key,
                name,
                "a reseller's plan",
                false,
                true,
                BigDecimal.ZERO,
                new BigDecimal("9.99"),
                1,
                1,
                List.of(new PlanRecord.Group(1, true, true, true)),
                quotas.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(q -> new PlanRecord.Quota(q.getKey(), q.getValue()))
                        .toList(),
                false,
                ownerKey,
                spaceKey);
    }

    private static CustomerRecord customer(String key, int ownerId, int roleId) {
        CustomerRecord c = Envelopes.customer(key, key, key + "@example.com", UserStatus.ACTIVE);
        return new CustomerRecord(
                c.key(),
                c.username(),
                c.password(),
                c.firstName(),
                c.lastName(),
                c.email(),
                c.status(),
                ownerId,
                null,
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
