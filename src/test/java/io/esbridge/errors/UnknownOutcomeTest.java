package io.esbridge.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.xml.datatype.DatatypeFactory;

import org.junit.jupiter.api.Test;

import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.run.RunReport;
import io.esbridge.sandbox.FaultSettings;

/**
 * A create whose outcome is unknown (HTTP 500 after the intent was recorded, the call not applied) is followed by a
 * look-up of the name; what the look-up finds is taken for ours only if it is provably what we sent. Deterministic:
 * the sandbox fails exactly the first call of the operation.
 */
class UnknownOutcomeTest extends ErrorChannelTestSupport {

    @Test
    void aStrangersUserFoundAfterAFailedAddUserIsNotAdopted() throws Exception {
        String prefix = unique("uo");
        int strangerId = stranger(prefix + "u1");
        long updatesBefore = stats.calls("UpdateUser");
        faults.set(FaultSettings.NONE.withFailFirst("AddUser", 1, 500));

        RunReport report = importFile(write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, 1)));

        assertThat(stats.calls("AddUser"))
                .as("the first AddUser was answered 500")
                .isPositive();
        assertThat(report.failed()).as(report.summary()).isEqualTo(1);
        assertThat(report.errors()).containsEntry("USERNAME_TAKEN", 1L);
        UserInfo stranger = client.getUserByUsername(prefix + "u1").orElseThrow();
        assertThat(stranger.getUserId()).isEqualTo(strangerId);
        assertThat(stranger.getEmail()).isEqualTo("stranger-" + prefix + "u1@elsewhere.example");
        assertThat(stranger.getFirstName()).isEqualTo("Some");
        assertThat(stats.calls("UpdateUser"))
                .as("the stranger's user was not written")
                .isEqualTo(updatesBefore);
        assertThat(jdbc.queryForObject(
                        "select count(*) from es_link where billing_key = ? and state = 'APPLIED'",
                        Long.class,
                        prefix + "-C1"))
                .as("no link to the stranger")
                .isZero();
    }

    @Test
    void ourOwnUserFoundAfterAFailedButAppliedAddUserIsLinked() throws Exception {
        String prefix = unique("uo");
        // the answer is lost after the write (slow answer past the client's timeout): the user found is ours
        faults.set(FaultSettings.NONE.withSlowAnswers(1_500, 1));
        RunReport report = importFile(write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, 1)));
        faults.clear();

        assertThat(report.failed()).as(report.summary()).isZero();
        assertThat(report.created() + report.updated()).isEqualTo(1);
        assertThat(usersNamed(prefix + "u1")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select es_id from es_link where billing_key = ? and state = 'APPLIED'",
                        Integer.class,
                        prefix + "-C1"))
                .isEqualTo(client.getUserByUsername(prefix + "u1").orElseThrow().getUserId());
    }

    @Test
    void aSpaceOfTheSameNameThatExistedBeforeIsNotTakenForTheOneAFailedAddPackageMade() throws Exception {
        String prefix = unique("uo");
        RunReport customers = importFile(write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, 1)));
        assertThat(customers.created()).isEqualTo(1);
        int userId = client.getUserByUsername(prefix + "u1").orElseThrow().getUserId();
        int starter = client.getHostingPlans(1).stream()
                .filter(row -> "Starter".equals(row.get("PlanName")))
                .map(row -> Integer.parseInt(row.get("PlanID").strip()))
                .findFirst()
                .orElseThrow();
        // made by hand before es-bridge ever saw the subscription: same user, name, plan; other comments
        int handMade = client.addPackage(
                userId,
                starter,
                prefix + "site1.example.com",
                "made by hand",
                PackageStatus.ACTIVE,
                DatatypeFactory.newInstance().newXMLGregorianCalendar("2024-01-01T00:00:00"));
        faults.set(FaultSettings.NONE.withFailFirst("AddPackage", 1, 500));

        RunReport spaces =
                importFile(write("subscriptions-" + prefix + ".csv", SUBSCRIPTIONS_HEADER, subscriptions(prefix, 1)));

        assertThat(spaces.created()).as(spaces.summary()).isEqualTo(1);
        List<PackageInfo> of = client.getMyPackages(userId);
        assertThat(of).as("the hand-made space and ours").hasSize(2);
        Integer linked = jdbc.queryForObject(
                "select es_id from es_link where billing_key = ? and state = 'APPLIED'", Integer.class, prefix + "-S1");
        assertThat(linked).isNotEqualTo(handMade);
        assertThat(of.stream()
                        .filter(p -> p.getPackageId() == handMade)
                        .findFirst()
                        .orElseThrow()
                        .getPackageComments())
                .isEqualTo("made by hand");
    }

    @Test
    void anAddOnOfTheSamePlanThatExistedBeforeIsNotTakenForTheOneAFailedAddPackageAddonMade() throws Exception {
        String prefix = unique("uo");
        importFile(write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, 1)));
        importFile(write("subscriptions-" + prefix + ".csv", SUBSCRIPTIONS_HEADER, subscriptions(prefix, 1)));
        int userId = client.getUserByUsername(prefix + "u1").orElseThrow().getUserId();
        int packageId = client.getMyPackages(userId).get(0).getPackageId();
        int extraDisk = client.getHostingAddons(1).stream()
                .filter(row -> "Extra 10 GB".equals(row.get("PlanName")))
                .map(row -> Integer.parseInt(row.get("PlanID").strip()))
                .findFirst()
                .orElseThrow();
        // made by hand: same space, same add-on plan, another quantity
        PackageAddonInfo byHand = new PackageAddonInfo();
        byHand.setPackageId(packageId);
        byHand.setPlanId(extraDisk);
        byHand.setQuantity(5);
        byHand.setStatusId(1);
        byHand.setPurchaseDate(DatatypeFactory.newInstance().newXMLGregorianCalendar("2024-02-01T00:00:00"));
        int handMade = client.addPackageAddon(byHand);
        faults.set(FaultSettings.NONE.withFailFirst("AddPackageAddon", 1, 500));

        RunReport addons = importFile(write(
                "addons-" + prefix + ".csv",
                ADDONS_HEADER,
                List.of(prefix + "-A1," + prefix + "-S1," + prefix + "-C1,disk-10gb,2,active,2024-02-01")));

        assertThat(addons.created()).as(addons.summary()).isEqualTo(1);
        assertThat(client.getPackageAddons(packageId))
                .as("the hand-made add-on and ours")
                .hasSize(2)
                .anySatisfy(row -> assertThat(row.get("Quantity").strip()).isEqualTo("5"));
        assertThat(jdbc.queryForObject(
                        "select es_id from es_link where billing_key = ? and state = 'APPLIED'",
                        Integer.class,
                        prefix + "-A1"))
                .isNotEqualTo(handMade);
    }
}
