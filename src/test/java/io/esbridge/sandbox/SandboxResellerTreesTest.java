package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.xml.ws.WebServiceException;

import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;

import io.esbridge.catalogue.QuotaCatalogue;
import io.esbridge.client.Brand;
import io.esbridge.client.DataSetTables;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsBusinessException;
import io.esbridge.client.EsPorts;
import io.esbridge.client.EsServerProperties;
import io.esbridge.client.ExceedingQuota;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;

/**
 * The two trees of the real server (reference "resellers-and-migration" section 1), over HTTP: users under their
 * owner, spaces under the space their plan is carved from, limits along the chain of spaces, a caller's rights on
 * its own tree only.
 */
class SandboxResellerTreesTest extends SolidCpSandboxContext {

    private static final String PASSWORD = "Reseller-Secret1";
    private static final int WEB_SITES = 13;
    private static final int DISK_MB = 52;

    /** A reseller, its credentials, its space from an administrator's plan, and one plan carved from that space. */
    private record Reseller(int userId, EnterpriseServerClient client, EsPorts ports, int spaceId, int planId) {}

    @Test
    void aSpaceHangsUnderItsPlansSpaceAndAnAdministratorsPlanPutsItUnderSystem() {
        int adminPlan = adminPlan("Reseller 3 sites", Map.of(WEB_SITES, 3, DISK_MB, 10_000));
        Reseller reseller = reseller(adminPlan, Map.of(WEB_SITES, 1, DISK_MB, 1_000));
        int customer = customerOf(reseller);

        int space = reseller.client()
                .addPackage(customer, reseller.planId(), "site", null, PackageStatus.ACTIVE, SandboxFixtures.now());
        // the real rule ignores the owner: serveradmin may give the reseller's customer an administrator's plan
        int underSystem = client.addPackage(
                customer,
                SandboxFixtures.planId(client, "Starter", false),
                "direct",
                null,
                PackageStatus.ACTIVE,
                SandboxFixtures.now());

        assertThat(client.getPackage(reseller.spaceId()).orElseThrow().getParentPackageId())
                .isEqualTo(HostingSpaces.SYSTEM_PACKAGE_ID);
        assertThat(client.getPackage(space).orElseThrow().getParentPackageId()).isEqualTo(reseller.spaceId());
        assertThat(client.getMyPackages(customer))
                .extracting(PackageInfo::getPackageId, PackageInfo::getParentPackageId)
                .containsExactly(tuple(space, reseller.spaceId()), tuple(underSystem, HostingSpaces.SYSTEM_PACKAGE_ID));
    }

    @Test
    void customersSpacesTogetherMayNotExceedTheResellersSpaceMinus305AndNothingIsCreated() {
        int adminPlan = adminPlan("Reseller 3 sites", Map.of(WEB_SITES, 3, DISK_MB, 10_000));
        Reseller reseller = reseller(adminPlan, Map.of(WEB_SITES, 2, DISK_MB, 1_000));
        int first = customerOf(reseller);
        int second = customerOf(reseller);
        reseller.client()
                .addPackage(first, reseller.planId(), "first", null, PackageStatus.ACTIVE, SandboxFixtures.now());

        // 2 + 2 web sites under a space granting 3: one over
        assertThatThrownBy(() -> reseller.client()
                        .addPackage(
                                second, reseller.planId(), "second", null, PackageStatus.ACTIVE, SandboxFixtures.now()))
                .isInstanceOfSatisfying(EsBusinessException.class, e -> {
                    assertThat(e.code()).isEqualTo(-305);
                    assertThat(e.exceedingQuotas()).containsExactly(new ExceedingQuota(WEB_SITES, "Web.WebSites", 1));
                });
        assertThat(client.getMyPackages(second)).isEmpty();
    }

    @Test
    void aLimitFurtherUpTheChainBindsTheCustomersOfASubReseller() {
        int adminPlan = adminPlan("Reseller 10 sites", Map.of(WEB_SITES, 10, DISK_MB, 10_000));
        Reseller top = reseller(adminPlan, Map.of(WEB_SITES, 10, DISK_MB, 5_000));
        // a reseller of the reseller, whose space is carved from the top reseller's plan
        String subName = SandboxFixtures.uniqueUsername("subreseller");
        int subId = top.client()
                .addUser(
                        SandboxFixtures.customer(subName, top.userId(), UserRole.RESELLER), PASSWORD, false, List.of());
        EnterpriseServerClient sub = clientAs(subName);
        int subSpace =
                top.client().addPackage(subId, top.planId(), "sub", null, PackageStatus.ACTIVE, SandboxFixtures.now());
        HostingPlanInfo subPlanInfo =
                SandboxFixtures.plan(SandboxFixtures.uniqueUsername("sub plan"), subSpace, Map.of(WEB_SITES, 2));
        subPlanInfo.setUserId(subId);
        int subPlan = sub.addHostingPlan(subPlanInfo);
        // serveradmin lowers the administrator's plan afterwards: the sub-reseller's own space still grants 10
        HostingPlanInfo lowered = client.getHostingPlan(adminPlan).orElseThrow();
        lowered.getQuotas().getHostingPlanQuotaInfo().stream()
                .filter(q -> q.getQuotaId() == WEB_SITES)
                .forEach(q -> q.setQuotaValue(3));
        client.updateHostingPlan(lowered);
        int first = sub.addUser(
                SandboxFixtures.customer(SandboxFixtures.uniqueUsername("c"), subId, UserRole.USER),
                PASSWORD,
                false,
                List.of());
        int second = sub.addUser(
                SandboxFixtures.customer(SandboxFixtures.uniqueUsername("c"), subId, UserRole.USER),
                PASSWORD,
                false,
                List.of());
        sub.addPackage(first, subPlan, "one", null, PackageStatus.ACTIVE, SandboxFixtures.now());

        // the sub-reseller's space: 10 of its own, but 3 two spaces up; 2 + 2 is one over
        assertThatThrownBy(
                        () -> sub.addPackage(second, subPlan, "two", null, PackageStatus.ACTIVE, SandboxFixtures.now()))
                .isInstanceOfSatisfying(EsBusinessException.class, e -> assertThat(e.exceedingQuotas())
                        .containsExactly(new ExceedingQuota(WEB_SITES, "Web.WebSites", 1)));
        assertThat(client.getMyPackages(second)).isEmpty();
        assertThat(client.getPackageQuotas(subSpace).table("Table1"))
                .filteredOn(row -> row.get("QuotaID").equals(String.valueOf(WEB_SITES)))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("QuotaValue")).isEqualTo("10");
                    assertThat(row.get("ParentQuotaValue")).isEqualTo("3");
                });
    }

    @Test
    void plansAreListedByTheirOwnerAndOfferedToTheOwnersCustomers() {
        int adminPlan = adminPlan("Reseller 3 sites", Map.of(WEB_SITES, 3, DISK_MB, 10_000));
        Reseller reseller = reseller(adminPlan, Map.of(WEB_SITES, 1, DISK_MB, 1_000));
        HostingPlanInfo addonInfo = SandboxFixtures.plan(
                SandboxFixtures.uniqueUsername("reseller addon"), reseller.spaceId(), Map.of(DISK_MB, 100));
        addonInfo.setUserId(reseller.userId());
        addonInfo.setIsAddon(true);
        int addon = reseller.client().addHostingPlan(addonInfo);
        int customer = customerOf(reseller);
        int adminsCustomer = client.addUser(
                SandboxFixtures.customer(SandboxFixtures.uniqueUsername("direct"), 1, UserRole.USER),
                PASSWORD,
                false,
                List.of());

        assertThat(client.getHostingPlans(1)).extracting(r -> r.get("PlanID")).doesNotContain(id(reseller.planId()));
        assertThat(client.getHostingPlans(reseller.userId())).singleElement().satisfies(row -> {
            assertThat(row.get("PlanID")).isEqualTo(id(reseller.planId()));
            assertThat(row.get("UserID")).isEqualTo(id(reseller.userId()));
            assertThat(row.get("PackageID")).isEqualTo(id(reseller.spaceId()));
        });
        assertThat(client.getHostingAddons(reseller.userId()))
                .extracting(r -> r.get("PlanID"))
                .containsExactly(id(addon));

        assertThat(reseller.ports()
                        .packages()
                        .getUserAvailableHostingPlans(customer)
                        .getHostingPlanInfo())
                .extracting(HostingPlanInfo::getPlanId)
                .containsExactly(reseller.planId());
        assertThat(reseller.ports()
                        .packages()
                        .getUserAvailableHostingAddons(customer)
                        .getHostingPlanInfo())
                .extracting(HostingPlanInfo::getPlanId)
                .containsExactly(addon);
        assertThat(adminPorts()
                        .packages()
                        .getUserAvailableHostingPlans(adminsCustomer)
                        .getHostingPlanInfo())
                .allSatisfy(plan -> assertThat(plan.getUserId()).isEqualTo(1))
                .extracting(HostingPlanInfo::getPlanName)
                .contains("Starter", "Business");
    }

    @Test
    void aPlansGroupsAndQuotasComeAsTwoTablesWithEveryQuotaOfTheCatalogue() {
        int adminPlan = adminPlan("Reseller 3 sites", Map.of(WEB_SITES, 3, DISK_MB, 10_000));
        Reseller reseller = reseller(adminPlan, Map.of(WEB_SITES, 1, DISK_MB, 1_000));

        DataSetTables tables =
                DataSetTables.read(adminPorts().packages().getHostingPlanQuotas(0, reseller.planId(), 0));

        assertThat(tables.table("Table"))
                .hasSize(QuotaCatalogue.get().groups().size())
                .anySatisfy(row -> assertThat(row)
                        .containsEntry("GroupName", "Web")
                        .containsEntry("Enabled", "true")
                        .containsEntry("ParentEnabled", "true"))
                .anySatisfy(row ->
                        assertThat(row).containsEntry("GroupName", "Mail").containsEntry("Enabled", "false"));
        assertThat(tables.table("Table1"))
                .hasSize(QuotaCatalogue.get().quotas().size())
                .anySatisfy(row -> assertThat(row)
                        .containsEntry("QuotaID", id(WEB_SITES))
                        .containsEntry("QuotaName", "Web.WebSites")
                        .containsEntry("QuotaValue", "1")
                        .containsEntry("ParentQuotaValue", "-1"));
        // with the reseller's space as the parent, its limits show
        assertThat(DataSetTables.read(
                                adminPorts().packages().getHostingPlanQuotas(reseller.spaceId(), reseller.planId(), 0))
                        .table("Table1"))
                .anySatisfy(row ->
                        assertThat(row).containsEntry("QuotaID", id(WEB_SITES)).containsEntry("ParentQuotaValue", "3"));
    }

    @Test
    void aResellerActingOutsideItsTreeGetsTheProceduresFault() {
        int adminPlan = adminPlan("Reseller 3 sites", Map.of(WEB_SITES, 3, DISK_MB, 10_000));
        Reseller owner = reseller(adminPlan, Map.of(WEB_SITES, 1, DISK_MB, 1_000));
        Reseller other = reseller(adminPlan, Map.of(WEB_SITES, 1, DISK_MB, 1_000));
        int othersCustomer = customerOf(other);

        // a plan carved from another reseller's space, and an administrator's plan (whose space is System)
        for (int planId : List.of(owner.planId(), SandboxFixtures.planId(client, "Starter", false))) {
            assertThatThrownBy(() -> other.ports()
                            .packages()
                            .addPackage(othersCustomer, planId, "x", null, 1, SandboxFixtures.now()))
                    .isInstanceOf(WebServiceException.class)
                    .cause()
                    .isInstanceOfSatisfying(SoapFault.class, fault -> {
                        assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("Server");
                        assertThat(fault.getMessage())
                                .isEqualTo("Server was unable to process request. ---> "
                                        + "You are not allowed to access this package");
                    });
        }
        assertThat(client.getMyPackages(othersCustomer)).isEmpty();
    }

    @Test
    void addUserUnderAnOwnerOutsideTheCallersTreeAnswersAPlainMinus2() {
        int adminPlan = adminPlan("Reseller 3 sites", Map.of(WEB_SITES, 3, DISK_MB, 10_000));
        Reseller owner = reseller(adminPlan, Map.of(WEB_SITES, 1, DISK_MB, 1_000));
        Reseller other = reseller(adminPlan, Map.of(WEB_SITES, 1, DISK_MB, 1_000));
        String username = SandboxFixtures.uniqueUsername("stolen");

        int answer = other.ports()
                .users()
                .addUser(SandboxFixtures.customer(username, owner.userId(), UserRole.USER), false, PASSWORD, null);

        assertThat(answer).isEqualTo(-2);
        assertThat(client.userExists(username)).isFalse();
    }

    @Test
    void aResellersAdministratorBecomesAUserWithoutEcommerce() {
        int adminPlan = adminPlan("Reseller 3 sites", Map.of(WEB_SITES, 3, DISK_MB, 10_000));
        Reseller reseller = reseller(adminPlan, Map.of(WEB_SITES, 1, DISK_MB, 1_000));
        UserInfo wanted = SandboxFixtures.customer(
                SandboxFixtures.uniqueUsername("wannabe"), reseller.userId(), UserRole.ADMINISTRATOR);
        wanted.setEcommerceEnabled(true);

        int userId = reseller.client().addUser(wanted, PASSWORD, false, List.of());

        UserInfo created = client.getUserById(userId).orElseThrow();
        assertThat(created.getRole()).isEqualTo(UserRole.USER);
        assertThat(created.isEcommerceEnabled()).isFalse();
        UserInfo byAdmin =
                SandboxFixtures.customer(SandboxFixtures.uniqueUsername("admin2"), 1, UserRole.ADMINISTRATOR);
        assertThat(client.getUserById(client.addUser(byAdmin, PASSWORD, false, List.of()))
                        .orElseThrow()
                        .getRole())
                .isEqualTo(UserRole.ADMINISTRATOR);
    }

    @Test
    void aStatusChangeCascadesDownBothTreesAndReactivationToo() {
        int adminPlan = adminPlan("Reseller 10 sites", Map.of(WEB_SITES, 10, DISK_MB, 10_000));
        Reseller top = reseller(adminPlan, Map.of(WEB_SITES, 2, DISK_MB, 1_000));
        String subName = SandboxFixtures.uniqueUsername("subreseller");
        int sub = top.client()
                .addUser(
                        SandboxFixtures.customer(subName, top.userId(), UserRole.RESELLER), PASSWORD, false, List.of());
        int subSpace =
                top.client().addPackage(sub, top.planId(), "sub", null, PackageStatus.ACTIVE, SandboxFixtures.now());
        int customer = clientAs(subName)
                .addUser(
                        SandboxFixtures.customer(SandboxFixtures.uniqueUsername("leaf"), sub, UserRole.USER),
                        PASSWORD,
                        false,
                        List.of());
        int leafSpace = client.addPackage(
                customer,
                SandboxFixtures.planId(client, "Starter", false),
                "leaf",
                null,
                PackageStatus.ACTIVE,
                SandboxFixtures.now());

        client.changeUserStatus(top.userId(), UserStatus.SUSPENDED);
        assertStatus(List.of(top.userId(), sub, customer), UserStatus.SUSPENDED);
        assertSpaces(List.of(top.spaceId(), subSpace, leafSpace), 2);

        client.changeUserStatus(top.userId(), UserStatus.ACTIVE);
        assertStatus(List.of(top.userId(), sub, customer), UserStatus.ACTIVE);
        assertSpaces(List.of(top.spaceId(), subSpace, leafSpace), 1);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void assertStatus(List<Integer> userIds, UserStatus status) {
        userIds.forEach(id -> assertThat(client.getUserById(id).orElseThrow().getStatus())
                .as("user %d", id)
                .isEqualTo(status));
    }

    private void assertSpaces(List<Integer> packageIds, int statusId) {
        packageIds.forEach(id -> assertThat(client.getPackage(id).orElseThrow().getStatusId())
                .as("space %d", id)
                .isEqualTo(statusId));
    }

    /** An administrator's plan (no space: carved from System) with a name no other test uses. */
    private int adminPlan(String name, Map<Integer, Integer> quotas) {
        return client.addHostingPlan(SandboxFixtures.plan(SandboxFixtures.uniqueUsername(name), 0, quotas));
    }

    /** A reseller with a space from {@code adminPlan}, and a plan of its own carved from that space. */
    private Reseller reseller(int adminPlan, Map<Integer, Integer> planQuotas) {
        String username = SandboxFixtures.uniqueUsername("reseller");
        int userId =
                client.addUser(SandboxFixtures.customer(username, 1, UserRole.RESELLER), PASSWORD, false, List.of());
        int spaceId = client.addPackage(
                userId, adminPlan, "reseller space", null, PackageStatus.ACTIVE, SandboxFixtures.now());
        EnterpriseServerClient asReseller = clientAs(username);
        HostingPlanInfo plan =
                SandboxFixtures.plan(SandboxFixtures.uniqueUsername("plan of " + username), spaceId, planQuotas);
        plan.setUserId(userId);
        int planId = asReseller.addHostingPlan(plan);
        return new Reseller(userId, asReseller, EsPorts.create(properties(username, PASSWORD)), spaceId, planId);
    }

    private int customerOf(Reseller reseller) {
        return reseller.client()
                .addUser(
                        SandboxFixtures.customer(
                                SandboxFixtures.uniqueUsername("customer"), reseller.userId(), UserRole.USER),
                        PASSWORD,
                        false,
                        List.of());
    }

    private EnterpriseServerClient clientAs(String username) {
        return EnterpriseServerClient.create(properties(username, PASSWORD));
    }

    private EsPorts adminPorts() {
        return EsPorts.create(properties("serveradmin", "serveradmin"));
    }

    private EsServerProperties properties(String username, String password) {
        return new EsServerProperties(
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
                "PKCS12");
    }

    private static String id(int value) {
        return String.valueOf(value);
    }
}
