package io.esbridge.provisioning;

import static io.esbridge.provisioning.Envelopes.addon;
import static io.esbridge.provisioning.Envelopes.customer;
import static io.esbridge.provisioning.Envelopes.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserStatus;
import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.record.AddonRecord;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordType;
import io.esbridge.record.SubscriptionRecord;
import io.esbridge.run.RunReport;
import io.esbridge.sandbox.SandboxStats;
import io.esbridge.state.Link;
import io.esbridge.state.LinkStore;

/**
 * The engine on the default state store (H2); {@link ProvisioningOnPostgresTest} runs the same on PostgreSQL. Eight
 * workers rather than the default sixteen (sandboxed.properties), so that customers share workers and their lanes
 * must wait for each other.
 */
class ProvisioningEngineTest extends ProvisioningTestSupport {

    @Autowired
    SandboxStats sandboxStats;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    LinkStore links;

    @Autowired
    ProvisioningProperties provisioning;

    @Test
    void firstImportCreatesEverythingAndTheSecondMakesNoWriteCall() {
        String p = unique();
        List<ProvisioningRecord> feed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String c = p + "-c" + i;
            feed.add(customer(c, c, c + "@example.com", UserStatus.ACTIVE));
            feed.add(subscription(c + "-s", c, "Starter", c + " space", PackageStatus.ACTIVE));
            feed.add(addon(c + "-a", c + "-s", c, "Extra 10 GB", 2));
        }

        sandboxStats.reset();
        RunReport first = importFeed(feed);
        assertThat(first.created()).as(first.summary()).isEqualTo(60);
        assertThat(first.failed()).isZero();
        assertThat(first.operations())
                .containsExactlyInAnyOrderEntriesOf(Map.of("AddUser", 20L, "AddPackage", 20L, "AddPackageAddon", 20L));
        assertThat(sandboxStats.snapshot().operations())
                .as("a new customer costs one round trip, AddUser")
                .containsEntry("AddUser", 20L)
                .doesNotContainKey("UserExists");
        for (int i = 0; i < 20; i++) {
            UserInfo user = client.getUserByUsername(p + "-c" + i).orElseThrow();
            assertThat(user.getEmail()).isEqualTo(p + "-c" + i + "@example.com");
            List<PackageInfo> spaces = client.getMyPackages(user.getUserId());
            assertThat(spaces).extracting(PackageInfo::getPackageName).containsExactly(p + "-c" + i + " space");
            assertThat(client.getPackageAddons(spaces.get(0).getPackageId())).hasSize(1);
        }

        sandboxStats.reset();
        RunReport second = importFeed(feed);
        assertThat(second.unchanged()).as(second.summary()).isEqualTo(60);
        assertThat(second.operations()).isEmpty();
        assertThat(sandboxStats.snapshot().operations().keySet())
                .as("calls the server received")
                .noneMatch(op -> op.matches("(Add|Update|Change|Delete).*"));
    }

    /**
     * Whatever validation accepts, the state store keeps: every field at its panel column's size, billing keys of 200,
     * and ntext fields (comments) of any length, created and then seen unchanged; a failure's long texts are kept too.
     */
    @Test
    void recordsFillingEveryPanelColumnAreKeptByTheStateStore() {
        String c = unique();
        String key = fill(c + "-key-", 200);
        CustomerRecord full = new CustomerRecord(
                key,
                fill(c, 50),
                "p".repeat(200),
                "f".repeat(50),
                "l".repeat(50),
                fill(c, 255 - "@example.com".length()) + "@example.com",
                UserStatus.ACTIVE,
                1,
                null,
                3,
                false,
                false,
                false,
                "o".repeat(100),
                "a".repeat(200),
                "c".repeat(50),
                "s".repeat(50),
                "1".repeat(20),
                "d".repeat(50),
                "2".repeat(30),
                "3".repeat(30),
                "4".repeat(30),
                fill(c + "2", 243) + "@example.com",
                "i".repeat(100),
                true,
                "comment ".repeat(10_000),
                "n".repeat(32),
                List.of("note".repeat(250)));
        SubscriptionRecord space = new SubscriptionRecord(
                fill(c + "-space-", 200),
                key,
                null,
                "Starter",
                "w".repeat(300),
                "k".repeat(50_000),
                PackageStatus.ACTIVE,
                LocalDateTime.of(2024, 2, 29, 0, 0),
                false);

        RunReport first = importFeed(full, space);
        assertThat(first.created()).as(first.summary()).isEqualTo(2);
        UserInfo user = client.getUserByUsername(full.username()).orElseThrow();
        assertThat(user.getComments()).hasSize(80_000);
        assertThat(client.getMyPackages(user.getUserId()))
                .extracting(PackageInfo::getPackageName)
                .containsExactly("w".repeat(300));
        RunReport second = importFeed(full, space);
        assertThat(second.unchanged()).as(second.summary()).isEqualTo(2);

        String huge = "x".repeat(300_000);
        deadLetters.add(new DeadLetterStore.Failure(
                first.runId(),
                "test-feed.csv line 1",
                "CUSTOMER",
                c + "-dl",
                "VALIDATION",
                null,
                "Comments",
                "Comments",
                "m".repeat(10_000),
                huge,
                huge,
                null));
        assertThat(deadLetters.openOfRun(first.runId())).singleElement().satisfies(letter -> {
            assertThat(letter.rawJson()).hasSize(300_000);
            assertThat(letter.envelopeJson()).hasSize(300_000);
            assertThat(letter.message()).hasSize(4000).endsWith("…");
        });
        deadLetters.resolve("CUSTOMER", c + "-dl");
    }

    private static String fill(String prefix, int length) {
        return prefix + "x".repeat(length - prefix.length());
    }

    @Test
    void eachChangeMakesExactlyTheCallsItNeeds() {
        String c = unique();
        CustomerRecord customer = customer(c, c, c + "@example.com", UserStatus.ACTIVE);
        SubscriptionRecord space = subscription(c + "-s", c, "Starter", c + " space", PackageStatus.ACTIVE);
        AddonRecord extra = addon(c + "-a", c + "-s", c, "Extra 10 GB", 1);
        assertThat(importFeed(customer, space, extra).created()).isEqualTo(3);

        assertThat(importFeed(Envelopes.withEmail(customer, c + "@example.org")).operations())
                .containsExactlyEntriesOf(Map.of("UpdateUser", 1L));
        assertThat(client.getUserByUsername(c).orElseThrow().getEmail()).isEqualTo(c + "@example.org");
        CustomerRecord moved = Envelopes.withEmail(customer, c + "@example.org");

        assertThat(importFeed(Envelopes.withStatus(moved, UserStatus.SUSPENDED)).operations())
                .containsExactlyEntriesOf(Map.of("ChangeUserStatus", 1L));
        assertThat(client.getUserByUsername(c).orElseThrow().getStatus()).isEqualTo(UserStatus.SUSPENDED);
        CustomerRecord suspended = Envelopes.withStatus(moved, UserStatus.SUSPENDED);

        assertThat(importFeed(suspended.withPassword("N3w-secret!")).operations())
                .containsExactlyEntriesOf(Map.of("ChangeUserPassword", 1L));
        assertThat(client.authenticateUser(c, "N3w-secret!", "127.0.0.1").code())
                .isZero();

        SubscriptionRecord upgraded = new SubscriptionRecord(
                space.key(),
                c,
                null,
                "Business",
                space.packageName(),
                space.comments(),
                PackageStatus.ACTIVE,
                space.purchaseDate(),
                false);
        assertThat(importFeed(upgraded).operations()).containsExactlyEntriesOf(Map.of("UpdatePackage", 1L));
        SubscriptionRecord renamed = new SubscriptionRecord(
                space.key(),
                c,
                null,
                "Business",
                c + " renamed",
                "new comment",
                PackageStatus.ACTIVE,
                space.purchaseDate(),
                false);
        assertThat(importFeed(renamed).operations()).containsExactlyEntriesOf(Map.of("UpdatePackageName", 1L));
        SubscriptionRecord suspendedSpace = new SubscriptionRecord(
                space.key(),
                c,
                null,
                "Business",
                c + " renamed",
                "new comment",
                PackageStatus.SUSPENDED,
                space.purchaseDate(),
                false);
        assertThat(importFeed(suspendedSpace).operations()).containsExactlyEntriesOf(Map.of("ChangePackageStatus", 1L));
        int userId = client.getUserByUsername(c).orElseThrow().getUserId();
        PackageInfo onServer = client.getMyPackages(userId).get(0);
        assertThat(onServer.getPackageName()).isEqualTo(c + " renamed");
        assertThat(onServer.getStatusId()).isEqualTo(2);

        AddonRecord more = addon(extra.key(), extra.subscriptionKey(), c, "Extra 10 GB", 3);
        assertThat(importFeed(more).operations()).containsExactlyEntriesOf(Map.of("UpdatePackageAddon", 1L));
        AddonRecord ended = new AddonRecord(
                extra.key(),
                extra.subscriptionKey(),
                c,
                null,
                "Extra 10 GB",
                3,
                PackageStatus.ACTIVE,
                LocalDateTime.of(2024, 3, 1, 12, 0),
                extra.comments(),
                true);
        assertThat(importFeed(ended).operations()).containsExactlyEntriesOf(Map.of("DeletePackageAddon", 1L));
        assertThat(client.getPackageAddons(onServer.getPackageId())).isEmpty();
    }

    @Test
    void takenUsernameIsAdoptedOnlyWithTheSameEmail() {
        String c = unique();
        CustomerRecord record = customer(c, c, c + "@example.com", UserStatus.ACTIVE);
        UserInfo existing = new UserInfo();
        existing.setUsername(c);
        existing.setEmail(c.toUpperCase() + "@EXAMPLE.COM");
        existing.setFirstName("Already");
        existing.setLastName("There");
        existing.setOwnerId(1);
        existing.setRoleId(3);
        existing.setStatusId(1);
        int userId = client.addUser(existing, "Pre-existing1!", false, List.of());

        RunReport adopted = importFeed(record);
        assertThat(adopted.updated()).as(adopted.summary()).isEqualTo(1);
        assertThat(adopted.operations()).doesNotContainKey("AddUser");
        assertThat(client.getUserByUsername(c).orElseThrow().getUserId()).isEqualTo(userId);
        assertThat(client.getUserByUsername(c).orElseThrow().getFirstName()).isEqualTo("First " + c);

        String other = unique();
        UserInfo stranger = new UserInfo();
        stranger.setUsername(other);
        stranger.setEmail("someone-else@example.net");
        stranger.setFirstName("Some");
        stranger.setLastName("One");
        stranger.setOwnerId(1);
        stranger.setRoleId(3);
        stranger.setStatusId(1);
        client.addUser(stranger, "Pre-existing1!", false, List.of());
        RunReport refused = importFeed(customer(other, other, other + "@example.com", UserStatus.ACTIVE));
        assertThat(refused.failed()).isEqualTo(1);
        assertThat(refused.errors()).containsOnlyKeys("USERNAME_TAKEN");
    }

    @Test
    void aCustomerWithoutPasswordIsCreatedWithAGeneratedOneThatIsNeverChangedLater() {
        String c = unique();
        CustomerRecord noPassword =
                customer(c, c, c + "@example.com", UserStatus.ACTIVE).withPassword(null);
        assertThat(importFeed(noPassword).operations()).containsExactlyEntriesOf(Map.of("AddUser", 1L));
        assertThat(client.userExists(c)).isTrue();
        assertThat(importFeed(noPassword).unchanged()).isEqualTo(1);
        assertThat(importFeed(noPassword.withPassword("Chosen-later1")).operations())
                .containsExactlyEntriesOf(Map.of("ChangeUserPassword", 1L));
    }

    @Test
    void aSubscriptionWhoseCustomerIsUnknownFailsClearlyAndCreatesNoOrphan() {
        String c = unique();
        RunReport report = importFeed(subscription(c + "-s", c, "Starter", c + " orphan", PackageStatus.ACTIVE));
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.errors()).containsOnlyKeys("CUSTOMER_NOT_PROVISIONED");
        assertThat(report.operations()).isEmpty();
    }

    @Test
    void eightWorkersKeepEachCustomersOrder() {
        assertThat(provisioning.workers())
                .as("es.provisioning.workers of this class")
                .isEqualTo(8);
        String p = unique();
        List<ProvisioningRecord> feed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String c = p + "-c" + i;
            feed.add(customer(c, c, c + "@example.com", UserStatus.ACTIVE));
            feed.add(subscription(c + "-s1", c, "Starter", c + " one", PackageStatus.ACTIVE));
            feed.add(subscription(c + "-s2", c, "Business", c + " two", PackageStatus.ACTIVE));
            feed.add(addon(c + "-a1", c + "-s1", c, "Extra 10 GB", 1));
            feed.add(addon(c + "-a2", c + "-s2", c, "Extra Mail 50", 1));
        }
        RunReport report = importFeed(feed);
        assertThat(report.failed()).as(report.summary() + " " + report.errors()).isZero();
        assertThat(report.created()).isEqualTo(300);

        // Each customer's records were applied one after the other, in feed order: the server numbers the spaces
        // and the add-ons in the order it made them, and each link was written after the one before it in the
        // lane. Records of different customers are free to interleave.
        for (int i = 0; i < 60; i++) {
            String c = p + "-c" + i;
            Link user = links.find(RecordType.CUSTOMER, c).orElseThrow();
            Link s1 = links.find(RecordType.SUBSCRIPTION, c + "-s1").orElseThrow();
            Link s2 = links.find(RecordType.SUBSCRIPTION, c + "-s2").orElseThrow();
            Link a1 = links.find(RecordType.ADDON, c + "-a1").orElseThrow();
            Link a2 = links.find(RecordType.ADDON, c + "-a2").orElseThrow();
            assertThat(s1.esId()).as(c + ": AddPackage of s1 before that of s2").isLessThan(s2.esId());
            assertThat(a1.esId())
                    .as(c + ": AddPackageAddon of a1 before that of a2")
                    .isLessThan(a2.esId());
            List<Link> lane = List.of(user, s1, s2, a1, a2);
            for (int n = 1; n < lane.size(); n++) {
                assertThat(lane.get(n).updatedAt())
                        .as(c + ": " + lane.get(n).billingKey() + " applied after "
                                + lane.get(n - 1).billingKey())
                        .isAfterOrEqualTo(lane.get(n - 1).updatedAt());
            }
        }
    }
}
