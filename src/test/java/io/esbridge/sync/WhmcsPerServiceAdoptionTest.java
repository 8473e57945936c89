package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.StatusIds;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.RecordType;
import io.esbridge.run.RunReport;
import io.esbridge.state.LinkStore;

/**
 * The WHMCS profile in the per-service layout on a panel the official SolidCP module filled: one user per live
 * service (tblhosting.username, the client's e-mail), each with one space on the product's plan, made here through
 * the sandbox's SOAP API as the module's CreateUserWizard makes them. The first sync adopts every one of them (no
 * AddUser, no AddPackage), and a second writes nothing.
 */
@ExtendWith(WhmcsMariaDb.Required.class)
@ActiveProfiles("whmcs")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WhmcsPerServiceAdoptionTest extends SyncTestSupport {

    /** What the module made: service id -> (user id, space id). */
    static final Map<Long, int[]> MODULE_MADE = new LinkedHashMap<>();

    @Autowired
    LinkStore links;

    @Autowired
    EnterpriseServerClient client;

    @Autowired
    BillingSource billingSource;

    @DynamicPropertySource
    static void whmcs(DynamicPropertyRegistry registry) {
        String database = WhmcsMariaDb.create();
        registry.add("es.sync.source.url", () -> WhmcsMariaDb.mariadbUrl(database));
        registry.add("es.sync.source.username", () -> WhmcsMariaDb.USER);
        registry.add("es.sync.source.password", () -> WhmcsMariaDb.PASSWORD);
        registry.add("es.sync.source.init-scripts", () -> "samples/whmcs-db/schema.sql,samples/whmcs-db/data.sql");
        registry.add("es.whmcs.layout", () -> "per-service");
    }

    @Test
    @Order(1)
    void firstSyncAdoptsTheModulesUsersAndSpacesWithoutACreateCall() throws SQLException {
        billingSourceLoaded();
        for (Map<String, String> service : liveServices()) {
            UserInfo user = new UserInfo();
            user.setUsername(service.get("username"));
            user.setOwnerId(1);
            user.setRoleId("reselleraccount".equals(service.get("type")) ? 2 : 3);
            user.setStatusId(StatusIds.id(UserStatus.ACTIVE));
            user.setFirstName(HtmlUtils.htmlUnescape(service.get("firstname")));
            user.setLastName(HtmlUtils.htmlUnescape(service.get("lastname")));
            user.setEmail(service.get("email"));
            int userId = client.addUser(user, "Module-Pa55word!", false, List.of());
            // the module's space carries the plan's name, not the domain: adoption takes the user's only such space
            int spaceId = client.addPackage(userId, planId(service), "Hosting space", null, PackageStatus.ACTIVE, null);
            MODULE_MADE.put(Long.valueOf(service.get("id")), new int[] {userId, spaceId});
        }
        assertThat(MODULE_MADE).hasSizeGreaterThan(300);
        // and the module's add-ons (AddPackageAddonById on the service's space, the plan from solidcp_addons)
        int moduleAddons = 0;
        for (Map<String, String> addon : activeAddonsOfLiveServices()) {
            PackageAddonInfo info = new PackageAddonInfo();
            info.setPackageId(MODULE_MADE.get(Long.valueOf(addon.get("hostingid")))[1]);
            info.setPlanId(addonPlanId(addon));
            info.setQuantity(Integer.parseInt(addon.get("qty")));
            info.setStatusId(StatusIds.id(PackageStatus.ACTIVE));
            client.addPackageAddon(info);
            moduleAddons++;
        }
        assertThat(moduleAddons).isPositive();
        sandbox.reset();

        SyncResult result = reconcile();

        assertThat(writeCalls()).doesNotContainKeys("AddUser", "AddPackage", "AddPackageAddon", "CreateUserWizard");
        RunReport customers = phase(result, "customers");
        assertThat(customers.in()).isEqualTo(MODULE_MADE.size());
        assertThat(customers.created()).isZero();
        assertThat(customers.failed()).isZero();
        RunReport services = phase(result, "services");
        assertThat(services.created()).isZero();
        assertThat(services.failed()).isZero();
        MODULE_MADE.forEach((serviceId, made) -> {
            assertThat(links.find(RecordType.CUSTOMER, "whmcs-u" + serviceId)
                            .orElseThrow()
                            .esId())
                    .isEqualTo(made[0]);
            assertThat(links.find(RecordType.SUBSCRIPTION, "whmcs-s" + serviceId)
                            .orElseThrow()
                            .esId())
                    .isEqualTo(made[1]);
        });
        // the module's users keep their password: adoption changes no password
        assertThat(writeCalls()).doesNotContainKeys("ChangeUserPassword");
        RunReport addons = phase(result, "addons");
        assertThat(addons.failed()).isZero();
        assertThat(addons.created()).as(addons.summary()).isZero();
    }

    @Test
    @Order(2)
    void secondSyncMakesNoWriteCall() {
        sandbox.reset();
        SyncResult result = reconcile();

        result.phases().forEach(r -> assertThat(r.created() + r.updated() + r.failed())
                .as(r.summary())
                .isZero());
        assertThat(writeCalls()).isEmpty();
    }

    /** The sample is loaded into the empty database on first opening (init-scripts), before the panel is filled. */
    private void billingSourceLoaded() {
        billingSource.open();
    }

    private int planId(Map<String, String> service) {
        String planId = service.get("configoption4");
        if (!planId.isEmpty()) {
            return Integer.parseInt(planId);
        }
        return client.getHostingPlans(1).stream()
                .filter(plan -> "Business".equals(plan.get("PlanName")))
                .map(plan -> Integer.parseInt(plan.get("PlanID")))
                .findFirst()
                .orElseThrow();
    }

    private int addonPlanId(Map<String, String> addon) {
        String planId = addon.get("scp_id");
        if (planId != null && !planId.isEmpty()) {
            return Integer.parseInt(planId);
        }
        return client.getHostingAddons(1).stream()
                .filter(plan -> plan.get("PlanName").equalsIgnoreCase(addon.get("name")))
                .map(plan -> Integer.parseInt(plan.get("PlanID")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no add-on plan " + addon.get("name")));
    }

    private List<Map<String, String>> activeAddonsOfLiveServices() throws SQLException {
        return rows(
                        "select ha.hostingid, ha.qty, m.scp_id, a.name from tblhostingaddons ha"
                                + " join tbladdons a on a.id = ha.addonid left join solidcp_addons m on m.whmcs_id = a.id"
                                + " where ha.status in ('Active', 'Completed') order by ha.id",
                        List.of("hostingid", "qty", "scp_id", "name"))
                .stream()
                .filter(row -> MODULE_MADE.containsKey(Long.valueOf(row.get("hostingid"))))
                .toList();
    }

    private List<Map<String, String>> rows(String sql, List<String> columns) throws SQLException {
        SyncProperties.Source source = properties.source();
        try (Connection connection = DriverManager.getConnection(source.url(), source.username(), source.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<Map<String, String>> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : columns) {
                    row.put(column, rs.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private List<Map<String, String>> liveServices() throws SQLException {
        SyncProperties.Source source = properties.source();
        try (Connection connection = DriverManager.getConnection(source.url(), source.username(), source.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select h.id, h.username, p.type, p.configoption4, c.firstname,"
                        + " c.lastname, c.email from tblhosting h join tblproducts p on p.id = h.packageid"
                        + " join tblclients c on c.id = h.userid where p.servertype = 'SolidCP'"
                        + " and h.domainstatus not in ('Terminated', 'Cancelled') order by h.id")) {
            List<Map<String, String>> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column :
                        List.of("id", "username", "type", "configoption4", "firstname", "lastname", "email")) {
                    row.put(column, rs.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private Map<String, Long> writeCalls() {
        Map<String, Long> writes = new TreeMap<>();
        sandbox.snapshot().operations().forEach((operation, count) -> {
            if (operation.matches("(Add|Update|Change|Delete|Create).*")) {
                writes.put(operation, count);
            }
        });
        return writes;
    }
}
