package io.esbridge.provisioning;

import static io.esbridge.provisioning.Envelopes.customer;
import static io.esbridge.provisioning.Envelopes.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordType;
import io.esbridge.record.SubscriptionRecord;
import io.esbridge.run.RunReport;
import io.esbridge.state.Link;
import io.esbridge.state.LinkData;
import io.esbridge.state.LinkStore;

/**
 * The process "dies" after AddUser / AddPackage succeeded on the server and before the state store learnt the new id
 * (the state write throws, once). The next import must reconcile the pending intent against the server, never create
 * a second user or space.
 */
class CrashBetweenCreateAndStateWriteTest extends ProvisioningTestSupport {

    /** Billing keys whose next markApplied fails, as if the process were killed at that instant. */
    static final Set<String> CRASH_ON_MARK_APPLIED = ConcurrentHashMap.newKeySet();

    @TestConfiguration
    static class CrashingStateStore {
        @Bean
        @Primary
        LinkStore crashingLinkStore(JdbcTemplate jdbc) {
            return new LinkStore(jdbc) {
                @Override
                public Link markApplied(RecordType type, String billingKey, int esId, LinkData data, String runId) {
                    if (CRASH_ON_MARK_APPLIED.remove(billingKey)) {
                        throw new IllegalStateException("simulated crash after the create call of " + billingKey);
                    }
                    return super.markApplied(type, billingKey, esId, data, runId);
                }
            };
        }
    }

    @Test
    void aCrashAfterAddUserAndAddPackageLeavesExactlyOneOfEach() {
        String c = unique();
        CustomerRecord customer = customer(c, c, c + "@example.com", UserStatus.ACTIVE);
        SubscriptionRecord space = subscription(c + "-s", c, "Starter", c + " space", PackageStatus.ACTIVE);

        CRASH_ON_MARK_APPLIED.add(c);
        RunReport crashed = importFeed(customer, space);
        assertThat(crashed.failed()).as(crashed.summary()).isEqualTo(2);
        assertThat(client.userExists(c))
                .as("AddUser reached the server before the crash")
                .isTrue();

        RunReport recovered = importFeed(customer, space);
        assertThat(recovered.failed())
                .as(recovered.summary() + recovered.errors())
                .isZero();
        assertThat(recovered.operations()).doesNotContainKey("AddUser").containsEntry("AddPackage", 1L);

        SubscriptionRecord second = subscription(c + "-s2", c, "Business", c + " second", PackageStatus.ACTIVE);
        CRASH_ON_MARK_APPLIED.add(second.key());
        assertThat(importFeed(second).failed()).isEqualTo(1);
        RunReport again = importFeed(second);
        assertThat(again.failed()).as(again.summary()).isZero();
        assertThat(again.operations()).doesNotContainKey("AddPackage");

        long users = client.getUsers(1, false).stream()
                .map(UserInfo::getUsername)
                .filter(c::equals)
                .count();
        assertThat(users).isEqualTo(1);
        int userId = client.getUserByUsername(c).orElseThrow().getUserId();
        assertThat(client.getMyPackages(userId))
                .extracting(PackageInfo::getPackageName)
                .containsExactlyInAnyOrder(c + " space", c + " second");
        assertThat(importFeed(customer, space, second).unchanged()).isEqualTo(3);
    }
}
