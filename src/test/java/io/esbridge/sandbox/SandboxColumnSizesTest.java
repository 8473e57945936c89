package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.esbridge.client.EsFaultException;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;

/**
 * The sandbox keeps the real server's column sizes (enterprise-server/field-lengths.csv): a longer value is refused as
 * SQL Server refuses it, with "String or binary data would be truncated." and never any SQL text of the sandbox's own
 * database, and nothing is written; a value at the size, and text of any length in an ntext column, is kept.
 */
class SandboxColumnSizesTest extends SolidCpSandboxContext {

    private static final String TRUNCATED =
            "Server was unable to process request. ---> String or binary data would be" + " truncated.";

    @Test
    void aUsernameLongerThanFiftyIsTruncationAndNoUserIsCreated() {
        String atTheSize = fill(SandboxFixtures.uniqueUsername("u"), 50);
        assertThat(client.addUser(SandboxFixtures.customer(atTheSize, 1, UserRole.USER), "Secret1!", false, List.of()))
                .isPositive();

        String tooLong = fill(SandboxFixtures.uniqueUsername("u"), 51);
        assertTruncated(() ->
                client.addUser(SandboxFixtures.customer(tooLong, 1, UserRole.USER), "Secret1!", false, List.of()));
        assertThat(client.userExists(tooLong)).isFalse();
    }

    @Test
    void everyProfileFieldKeepsItsColumnSizeOnAddAndUpdate() {
        Map<String, Consumer<UserInfo>> tooLong = Map.of(
                "FirstName", u -> u.setFirstName("f".repeat(51)),
                "LastName", u -> u.setLastName("l".repeat(51)),
                "Email", u -> u.setEmail("e".repeat(244) + "@example.com"),
                "CompanyName", u -> u.setCompanyName("c".repeat(101)),
                "Address", u -> u.setAddress("a".repeat(201)),
                "City", u -> u.setCity("c".repeat(51)),
                "Zip", u -> u.setZip("1".repeat(21)),
                "PrimaryPhone", u -> u.setPrimaryPhone("1".repeat(31)),
                "InstantMessenger", u -> u.setInstantMessenger("i".repeat(101)),
                "SubscriberNumber", u -> u.setSubscriberNumber("s".repeat(33)));
        tooLong.forEach((field, change) -> {
            UserInfo user = SandboxFixtures.customer(SandboxFixtures.uniqueUsername("p"), 1, UserRole.USER);
            change.accept(user);
            assertTruncated(() -> client.addUser(user, "Secret1!", false, List.of()));
            assertThat(client.userExists(user.getUsername())).as(field).isFalse();
        });

        String username = SandboxFixtures.uniqueUsername("p");
        UserInfo user = SandboxFixtures.customer(username, 1, UserRole.USER);
        user.setCity("c".repeat(50));
        user.setEmail("e".repeat(243) + "@example.com");
        int userId = client.addUser(user, "Secret1!", false, List.of("n".repeat(1000)));
        UserInfo stored = client.getUserById(userId).orElseThrow();
        assertThat(stored.getCity()).hasSize(50);
        assertThat(stored.getEmail()).hasSize(255);
        stored.setEmail("e".repeat(244) + "@example.com");
        assertTruncated(() -> client.updateUser(stored));
        assertThat(client.getUserById(userId).orElseThrow().getEmail()).hasSize(255);

        assertTruncated(() -> client.addUser(
                SandboxFixtures.customer(SandboxFixtures.uniqueUsername("n"), 1, UserRole.USER),
                "Secret1!",
                false,
                List.of("n".repeat(1001))));
    }

    @Test
    void aPasswordLongerThanItsColumnIsTruncationOnAddAndChange() {
        String username = SandboxFixtures.uniqueUsername("pw");
        assertTruncated(() -> client.addUser(
                SandboxFixtures.customer(username, 1, UserRole.USER), "p".repeat(201), false, List.of()));
        int userId =
                client.addUser(SandboxFixtures.customer(username, 1, UserRole.USER), "p".repeat(200), false, List.of());
        assertTruncated(() -> client.changeUserPassword(userId, "q".repeat(201)));
        assertThat(client.authenticateUser(username, "p".repeat(200), null).code())
                .isZero();
    }

    @Test
    void ntextColumnsKeepTextOfAnyLength() {
        UserInfo user = SandboxFixtures.customer(SandboxFixtures.uniqueUsername("nt"), 1, UserRole.USER);
        user.setComments("c".repeat(20_000));
        int userId = client.addUser(user, "Secret1!", false, List.of());
        assertThat(client.getUserById(userId).orElseThrow().getComments()).hasSize(20_000);

        int space = client.addPackage(
                userId,
                SandboxFixtures.planId(client, "Starter", false),
                "s".repeat(300),
                "k".repeat(20_000),
                PackageStatus.ACTIVE,
                SandboxFixtures.now());
        assertThat(client.getPackage(space).orElseThrow().getPackageName()).hasSize(300);
        assertThat(client.getPackage(space).orElseThrow().getPackageComments()).hasSize(20_000);
    }

    @Test
    void aPackageNameLongerThanThreeHundredIsTruncationOnAddAndRename() {
        int userId = client.addUser(
                SandboxFixtures.customer(SandboxFixtures.uniqueUsername("pk"), 1, UserRole.USER),
                "Secret1!",
                false,
                List.of());
        int plan = SandboxFixtures.planId(client, "Starter", false);
        assertTruncated(() ->
                client.addPackage(userId, plan, "s".repeat(301), null, PackageStatus.ACTIVE, SandboxFixtures.now()));
        assertThat(client.getMyPackages(userId)).isEmpty();

        int space = client.addPackage(userId, plan, "space", null, PackageStatus.ACTIVE, SandboxFixtures.now());
        assertTruncated(() -> client.updatePackageName(space, "s".repeat(301), null));
        assertThat(client.getPackage(space).orElseThrow().getPackageName()).isEqualTo("space");
    }

    @Test
    void aPlanNameLongerThanTwoHundredIsTruncation() {
        HostingPlanInfo plan = SandboxFixtures.plan(fill(SandboxFixtures.uniqueUsername("plan"), 201), 0, Map.of());
        assertTruncated(() -> client.addHostingPlan(plan));
        plan.setPlanName(fill(SandboxFixtures.uniqueUsername("plan"), 200));
        plan.setPlanDescription("d".repeat(20_000));
        int planId = client.addHostingPlan(plan);
        HostingPlanInfo stored = client.getHostingPlan(planId).orElseThrow();
        assertThat(stored.getPlanDescription()).hasSize(20_000);
        stored.setPlanName(stored.getPlanName() + "x");
        assertTruncated(() -> client.updateHostingPlan(stored));
    }

    private static String fill(String prefix, int length) {
        return prefix + "x".repeat(length - prefix.length());
    }

    private static void assertTruncated(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(EsFaultException.class, e -> {
            assertThat(e.faultCode()).isEqualTo("Server");
            assertThat(e.faultString())
                    .startsWith(TRUNCATED)
                    .contains("The statement has been terminated.")
                    .doesNotContainIgnoringCase("sql")
                    .doesNotContainIgnoringCase("insert")
                    .doesNotContainIgnoringCase("update")
                    .doesNotContain("es_");
        });
    }
}
