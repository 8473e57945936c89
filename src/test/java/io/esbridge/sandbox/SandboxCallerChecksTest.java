package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.esbridge.client.Brand;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsAuthenticationException;
import io.esbridge.client.EsBusinessException;
import io.esbridge.client.EsServerProperties;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;

/** What the real server demands of the caller (the Basic user) of a write, and its credential checks. */
class SandboxCallerChecksTest extends SolidCpSandboxContext {

    private static final String PASSWORD = "Caller-Secret1";

    @Test
    void aUserMayReadButNotDoWhatOnlyResellersMayMinus112() {
        String username = SandboxFixtures.uniqueUsername("plain");
        int userId = newUser(username, UserRole.USER, false);
        EnterpriseServerClient asUser = clientAs(username, PASSWORD);
        int starter = SandboxFixtures.planId(client, "Starter", false);

        assertThat(asUser.userExists("serveradmin")).isTrue();
        assertCode(
                () -> asUser.addPackage(userId, starter, "mine", null, PackageStatus.ACTIVE, SandboxFixtures.now()),
                -112);
        assertCode(() -> asUser.addHostingPlan(SandboxFixtures.plan("not mine", 0, Map.of())), -112);
        assertThat(client.getMyPackages(userId)).isEmpty();
    }

    @Test
    void aSuspendedResellerIsAuthenticatedButMayNotChangeSpacesMinus104() {
        String username = SandboxFixtures.uniqueUsername("reseller");
        int resellerId = newUser(username, UserRole.RESELLER, false);
        EnterpriseServerClient asReseller = clientAs(username, PASSWORD);
        int resellerSpace = client.addPackage(
                resellerId,
                SandboxFixtures.planId(client, "Reseller 50", false),
                "reseller",
                null,
                PackageStatus.ACTIVE,
                SandboxFixtures.now());
        // the reseller's own plan, carved from its space: an administrator's plan would put the space under System,
        // where a reseller has no rights
        var ownPlan = SandboxFixtures.plan(SandboxFixtures.uniqueUsername("own"), resellerSpace, Map.of(52, 1000));
        ownPlan.setUserId(resellerId);
        int ownPlanId = asReseller.addHostingPlan(ownPlan);
        int customer = asReseller.addUser(
                SandboxFixtures.customer(SandboxFixtures.uniqueUsername("cust"), resellerId, UserRole.USER),
                "Secret1!",
                false,
                List.of());
        assertThat(asReseller.addPackage(
                        customer, ownPlanId, "space", null, PackageStatus.ACTIVE, SandboxFixtures.now()))
                .isPositive();

        client.changeUserStatus(resellerId, UserStatus.SUSPENDED);
        assertThat(asReseller.userExists(username)).isTrue();
        assertCode(
                () -> asReseller.addPackage(
                        customer, ownPlanId, "second", null, PackageStatus.ACTIVE, SandboxFixtures.now()),
                -104);
        assertThat(client.getMyPackages(customer)).hasSize(1);
    }

    @Test
    void aDemoCallerChangesNothingMinus106() {
        String username = SandboxFixtures.uniqueUsername("demo");
        newUser(username, UserRole.RESELLER, true);
        EnterpriseServerClient asDemo = clientAs(username, PASSWORD);
        String wanted = SandboxFixtures.uniqueUsername("wanted");

        assertCode(
                () -> asDemo.addUser(SandboxFixtures.customer(wanted, 1, UserRole.USER), "x", false, List.of()), -106);
        assertThat(client.userExists(wanted)).isFalse();
    }

    @Test
    void aChangedPasswordStopsTheOldCredentialsAtOnce() {
        String username = SandboxFixtures.uniqueUsername("rotated");
        int userId = newUser(username, UserRole.RESELLER, false);
        EnterpriseServerClient withOldPassword = clientAs(username, PASSWORD);
        assertThat(withOldPassword.userExists(username)).isTrue();

        client.changeUserPassword(userId, "Rotated-2");
        assertThatThrownBy(() -> withOldPassword.userExists(username))
                .isInstanceOf(EsAuthenticationException.class)
                .hasMessageContaining("401");
        assertThat(clientAs(username, "Rotated-2").userExists(username)).isTrue();
    }

    private int newUser(String username, UserRole role, boolean demo) {
        UserInfo user = SandboxFixtures.customer(username, 1, role);
        user.setIsDemo(demo);
        return client.addUser(user, PASSWORD, false, List.of());
    }

    private EnterpriseServerClient clientAs(String username, String password) {
        return EnterpriseServerClient.create(new EsServerProperties(
                baseUrl(),
                username,
                password,
                Brand.SOLIDCP,
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                4,
                null,
                null,
                "PKCS12"));
    }

    private static void assertCode(Runnable call, int code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(EsBusinessException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }
}
