package io.esbridge.provisioning;

import static io.esbridge.provisioning.Envelopes.addon;
import static io.esbridge.provisioning.Envelopes.customer;
import static io.esbridge.provisioning.Envelopes.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;
import io.esbridge.run.RunReport;

/** A dry run lists the write calls a feed would make, in order per record, and makes none. */
@TestPropertySource(properties = "es.provisioning.dry-run=true")
class DryRunTest extends ProvisioningTestSupport {

    @Test
    void reportsTheCallsItWouldMakeAndMakesNone() {
        String c = unique();
        RunReport report = importFeed(
                customer(c, c, c + "@example.com", UserStatus.ACTIVE),
                subscription(c + "-s", c, "Starter", c + " space", PackageStatus.ACTIVE),
                addon(c + "-a", c + "-s", c, "Extra 10 GB", 1));
        assertThat(report.failed()).as(report.summary() + report.errors()).isZero();
        assertThat(report.operations())
                .containsExactlyInAnyOrderEntriesOf(Map.of("AddUser", 1L, "AddPackage", 1L, "AddPackageAddon", 1L));
        assertThat(client.userExists(c)).isFalse();
    }

    /**
     * A reseller and its customers, the customer first: the dry run parks the customer until its reseller "is
     * created" (in the dry run's overlay of links), then lists both creates, and the owner check sees the reseller's
     * role in what the overlay recorded.
     */
    @Test
    void aResellersTreeIsListedInTreeOrderAndNothingIsMade() {
        String p = unique();
        RunReport report = importFeed(
                ResellerTreesTest.ownedBy(
                        customer(p + "-c", p + "-c", p + "-c@example.com", UserStatus.ACTIVE), p + "-r"),
                ResellerTreesTest.reseller(p + "-r"));
        assertThat(report.failed()).as(report.summary() + report.errors()).isZero();
        assertThat(report.operations()).isEqualTo(Map.of("AddUser", 2L));
        assertThat(client.userExists(p + "-r")).isFalse();
        assertThat(client.userExists(p + "-c")).isFalse();
    }
}
