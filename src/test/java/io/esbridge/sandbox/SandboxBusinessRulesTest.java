package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.esbridge.client.EsBusinessException;
import io.esbridge.client.EsFaultException;
import io.esbridge.client.ExceedingQuota;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;

/** The real server's business rules (contract section 2.4), as the client sees them: typed codes. */
class SandboxBusinessRulesTest extends SolidCpSandboxContext {

    @Test
    void aTakenUsernameAnswersMinus100InAnyCase() {
        String username = SandboxFixtures.uniqueUsername("taken");
        newUser(username, 1, UserRole.USER);

        assertCode(() -> newUser(username, 1, UserRole.USER), -100);
        assertCode(() -> newUser(username.toUpperCase(), 1, UserRole.USER), -100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a\\b", "a/b", "a:b", "a*b", "a?b", "a<b", "a>b", "a|b", "a\"b"})
    void anInvalidUsernameAnswersMinus111(String username) {
        assertCode(() -> newUser(username, 1, UserRole.USER), -111);
    }

    @Test
    void aUserWithUsersIsNeitherDeletedNorDowngradedMinus102() {
        int reseller = newUser(SandboxFixtures.uniqueUsername("reseller"), 1, UserRole.RESELLER);
        newUser(SandboxFixtures.uniqueUsername("customer"), reseller, UserRole.USER);

        assertCode(() -> client.deleteUser(reseller), -102);
        UserInfo downgraded = client.getUserById(reseller).orElseThrow();
        downgraded.setRole(UserRole.USER);
        downgraded.setRoleId(3);
        assertCode(() -> client.updateUser(downgraded), -102);
        assertThat(client.getUserById(reseller)).isPresent();
    }

    @Test
    void unknownHostingSpacesAreAnsweredAsTheRealServerDoes() {
        PackageInfo unknown = new PackageInfo();
        unknown.setPackageId(987_654);
        assertCode(() -> client.updatePackage(unknown), -300);
        assertCode(() -> client.deletePackage(987_654), -300);
        assertCode(() -> client.changePackageStatus(987_654, PackageStatus.SUSPENDED), -1);
        assertThat(client.getPackage(987_654)).isEmpty();
    }

    @Test
    void aSpaceWithSpacesCarvedFromItIsNotDeletedMinus301() {
        int reseller = newUser(SandboxFixtures.uniqueUsername("reseller"), 1, UserRole.RESELLER);
        int resellerSpace = newSpace(reseller, "Reseller 50");
        int customer = newUser(SandboxFixtures.uniqueUsername("customer"), reseller, UserRole.USER);
        // a plan carved from the reseller's space puts the customer's space under it
        var plan = SandboxFixtures.plan(SandboxFixtures.uniqueUsername("small"), resellerSpace, Map.of(52, 1000));
        plan.setUserId(reseller);
        int customerSpace = client.addPackage(
                customer, client.addHostingPlan(plan), "small", null, PackageStatus.ACTIVE, SandboxFixtures.now());
        assertThat(client.getPackage(customerSpace).orElseThrow().getParentPackageId())
                .isEqualTo(resellerSpace);

        assertCode(() -> client.deletePackage(resellerSpace), -301);
        client.deletePackage(customerSpace);
        client.deletePackage(resellerSpace);
        assertThat(client.getPackage(resellerSpace)).isEmpty();
    }

    @Test
    void moreAddOnUnitsThanThePlanAllowsAnswerMinus305WithTheExceedingQuotas() {
        int customer = newUser(SandboxFixtures.uniqueUsername("customer"), 1, UserRole.USER);
        int space = newSpace(customer, "Business");
        int extra10 = SandboxFixtures.planId(client, "Extra 10 GB", true);

        assertThatThrownBy(() -> client.addPackageAddon(SandboxFixtures.addon(space, extra10, 11)))
                .isInstanceOfSatisfying(EsBusinessException.class, e -> {
                    assertThat(e.code()).isEqualTo(-305);
                    assertThat(e.exceedingQuotas()).containsExactly(new ExceedingQuota(52, "OS.DiskspaceMB", 112640));
                });
        assertThat(client.getPackageAddons(space)).isEmpty();
        assertThat(client.addPackageAddon(SandboxFixtures.addon(space, extra10, 10)))
                .isPositive();
    }

    @Test
    void aPlanAboveTheSpaceItIsCarvedFromAnswersMinus305() {
        int reseller = newUser(SandboxFixtures.uniqueUsername("reseller"), 1, UserRole.RESELLER);
        int resellerSpace = newSpace(reseller, "Reseller 50");
        int planId = client.addHostingPlan(
                SandboxFixtures.plan("Small of " + reseller, resellerSpace, Map.of(52, 1000, 53, 2)));

        var plan = client.getHostingPlan(planId).orElseThrow();
        plan.getQuotas().getHostingPlanQuotaInfo().stream()
                .filter(q -> q.getQuotaId() == 53)
                .forEach(q -> q.setQuotaValue(51));
        assertThatThrownBy(() -> client.updateHostingPlan(plan))
                .isInstanceOfSatisfying(EsBusinessException.class, e -> {
                    assertThat(e.code()).isEqualTo(-305);
                    assertThat(e.exceedingQuotas())
                            .extracting(ExceedingQuota::quotaId, ExceedingQuota::quotaValue)
                            .containsExactly(tuple(53, 51));
                });
        assertThat(client.getHostingPlan(planId).orElseThrow().getQuotas().getHostingPlanQuotaInfo())
                .anySatisfy(q ->
                        assertThat(List.of(q.getQuotaId(), q.getQuotaValue())).containsExactly(53, 2));
    }

    @Test
    void plansInUseAreNotDeletedMinus1501AndMinus1502() {
        int plan = client.addHostingPlan(SandboxFixtures.plan(SandboxFixtures.uniqueUsername("plan"), 0, Map.of()));
        var addonPlan = SandboxFixtures.plan(SandboxFixtures.uniqueUsername("addon"), 0, Map.of(52, 100));
        addonPlan.setIsAddon(true);
        int addon = client.addHostingPlan(addonPlan);
        int customer = newUser(SandboxFixtures.uniqueUsername("customer"), 1, UserRole.USER);
        int space = client.addPackage(customer, plan, "space", null, PackageStatus.ACTIVE, SandboxFixtures.now());
        client.addPackageAddon(SandboxFixtures.addon(space, addon, 1));

        assertCode(() -> client.deleteHostingPlan(plan), -1501);
        assertCode(() -> client.deleteHostingPlan(addon), -1502);
        assertThat(client.getHostingPlan(plan)).isPresent();
    }

    @Test
    void aUserStatusChangeCascadesToItsUsersAndAllTheirSpaces() {
        int reseller = newUser(SandboxFixtures.uniqueUsername("reseller"), 1, UserRole.RESELLER);
        int resellerSpace = newSpace(reseller, "Reseller 50");
        int customer = newUser(SandboxFixtures.uniqueUsername("customer"), reseller, UserRole.USER);
        int customerSpace = newSpace(customer, "Starter");

        Map<UserStatus, Integer> packageStatus =
                Map.of(UserStatus.SUSPENDED, 2, UserStatus.CANCELLED, 3, UserStatus.PENDING, 4, UserStatus.ACTIVE, 1);
        for (UserStatus status :
                List.of(UserStatus.SUSPENDED, UserStatus.CANCELLED, UserStatus.PENDING, UserStatus.ACTIVE)) {
            client.changeUserStatus(reseller, status);
            assertThat(client.getUserById(reseller).orElseThrow().getStatus()).isEqualTo(status);
            assertThat(client.getUserById(customer).orElseThrow().getStatus()).isEqualTo(status);
            assertThat(client.getPackage(resellerSpace).orElseThrow().getStatusId())
                    .as("reseller's space when %s", status)
                    .isEqualTo(packageStatus.get(status));
            assertThat(client.getPackage(customerSpace).orElseThrow().getStatusId())
                    .as("customer's space when %s", status)
                    .isEqualTo(packageStatus.get(status));
        }
    }

    @Test
    void authenticateUserAnswersTheAccountsStatus() {
        String username = SandboxFixtures.uniqueUsername("login");
        int userId = newUser(username, 1, UserRole.USER);

        assertThat(client.authenticateUser("nobody-" + username, "Secret1!", null)
                        .code())
                .isEqualTo(-109);
        assertThat(client.authenticateUser(username, "wrong", null).code()).isEqualTo(-110);
        assertThat(client.authenticateUser(username, "Secret1!", null).code()).isZero();
        client.changeUserStatus(userId, UserStatus.SUSPENDED);
        assertThat(client.authenticateUser(username, "Secret1!", null).code()).isZero();
        client.changeUserStatus(userId, UserStatus.CANCELLED);
        assertThat(client.authenticateUser(username, "Secret1!", null).code()).isEqualTo(-105);
        client.changeUserStatus(userId, UserStatus.PENDING);
        assertThat(client.authenticateUser(username, "Secret1!", null).code()).isEqualTo(-103);
    }

    @Test
    void unknownUserIdsAreAnsweredAsTheRealServerDoes() {
        assertThat(client.getUserById(987_654)).isEmpty();
        assertThatThrownBy(() -> client.changeUserPassword(987_654, "x"))
                .isInstanceOfSatisfying(EsFaultException.class, e -> assertThat(e.getMessage())
                        .contains("Server was unable to process request. ---> Object reference not set"));
        assertThatThrownBy(() -> client.changeUserStatus(987_654, UserStatus.ACTIVE))
                .isInstanceOf(EsFaultException.class);
    }

    private int newUser(String username, int ownerId, UserRole role) {
        return client.addUser(SandboxFixtures.customer(username, ownerId, role), "Secret1!", false, List.of());
    }

    private int newSpace(int userId, String planName) {
        return client.addPackage(
                userId,
                SandboxFixtures.planId(client, planName, false),
                planName + " space",
                null,
                PackageStatus.ACTIVE,
                SandboxFixtures.now());
    }

    private static void assertCode(Runnable call, int code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(EsBusinessException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }
}
