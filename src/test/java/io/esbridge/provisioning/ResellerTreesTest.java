package io.esbridge.provisioning;

import static io.esbridge.provisioning.Envelopes.customer;
import static io.esbridge.provisioning.Envelopes.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordType;
import io.esbridge.run.Outcome;
import io.esbridge.run.RecordOutcome;
import io.esbridge.run.RunReport;
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
                subscription(p + "-c1-s", p + "-c1", "Starter", p + "-c1 space", PackageStatus.ACTIVE),
                ownedBy(customer(p + "-c2", p + "-c2", p + "-c2@example.com", UserStatus.ACTIVE), p + "-r2"),
                // a reseller of a reseller, itself before its own owner
                ownedBy(reseller(p + "-r2"), p + "-r"),
                reseller(p + "-r"));

        assertThat(report.failed()).as(report.summary()).isZero();
        assertThat(report.created()).isEqualTo(5);
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
