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
}
