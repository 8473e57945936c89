package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

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

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.UserInfo;
import io.esbridge.record.RecordType;
import io.esbridge.run.RunReport;
import io.esbridge.state.LinkStore;

/**
 * The WHMCS profile (config/application-whmcs.yml), per-customer layout, syncing the sample WHMCS database
 * (samples/whmcs-db) on a real MariaDB into the sandbox: a client with panel services is one user, each service a
 * space; WHMCS's zero dates and HTML entities arrive as none and as text; a second full read writes nothing. The
 * concrete classes name the driver (es.sync.source.url).
 */
@ExtendWith(WhmcsMariaDb.Required.class)
@ActiveProfiles("whmcs")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class WhmcsPerCustomerSync extends SyncTestSupport {

    @Autowired
    LinkStore links;

    @Autowired
    EnterpriseServerClient client;

    @DynamicPropertySource
    static void whmcs(DynamicPropertyRegistry registry) {
        registry.add("es.sync.source.username", () -> WhmcsMariaDb.USER);
        registry.add("es.sync.source.password", () -> WhmcsMariaDb.PASSWORD);
        registry.add("es.sync.source.init-scripts", () -> "samples/whmcs-db/schema.sql,samples/whmcs-db/data.sql");
    }

    @Test
    @Order(1)
    void firstSyncCreatesAUserPerClientWithPanelServicesAndASpacePerLiveService() {
        SyncResult result = reconcile();

        RunReport customers = phase(result, "customers");
        assertThat(customers.in())
                .isEqualTo(billingCount("select count(distinct h.userid) from tblhosting h"
                        + " join tblproducts p on p.id = h.packageid where p.servertype = 'SolidCP'"));
        assertThat(customers.created()).isEqualTo(customers.in());
        RunReport services = phase(result, "services");
        assertThat(services.in())
                .isEqualTo(billingCount("select count(*) from tblhosting h"
                        + " join tblproducts p on p.id = h.packageid where p.servertype = 'SolidCP'"));
        // a service that ended before es-bridge ever saw it is not created, only remembered
        assertThat(services.created())
                .isEqualTo(billingCount("select count(*) from tblhosting h join tblproducts p on p.id = h.packageid"
                        + " where p.servertype = 'SolidCP' and h.domainstatus not in ('Terminated', 'Cancelled')"));
        assertThat(services.failed()).isZero();
        RunReport addons = phase(result, "addons");
        assertThat(addons.failed()).isZero();
        assertThat(addons.created()).isPositive();
        assertThat(openDeadLetterKeys()).isEmpty();
        // another module's product (servertype cpanel) and a client with only such products are never read
        assertThat(links.find(RecordType.SUBSCRIPTION, "whmcs-s43")).isEmpty();
        assertThat(sandbox.snapshot().operations()).containsKeys("AddUser", "AddPackage", "AddPackageAddon");
    }

    @Test
    @Order(2)
    void htmlEntitiesArriveAsTextAndResellersAsResellers() {
        // client 3: "Schmidt &amp; Söhne &lt;IT&gt;" in tblclients.companyname, and a street with a non-ASCII letter
        UserInfo user = client.getUserById(links.find(RecordType.CUSTOMER, "whmcs-c3")
                        .orElseThrow()
                        .esId())
                .orElseThrow();
        assertThat(user.getCompanyName()).isEqualTo("Schmidt & Söhne <IT>");
        assertThat(user.getAddress()).doesNotContain("&").endsWith("Hauptstraße");
        long resellerClient =
                billingCount("select min(userid) from tblhosting where packageid = 3 and domainstatus = 'Active'");
        UserInfo reseller = client.getUserById(links.find(RecordType.CUSTOMER, "whmcs-c" + resellerClient)
                        .orElseThrow()
                        .esId())
                .orElseThrow();
        assertThat(reseller.getRoleId()).isEqualTo(2);
        // service 17 and add-on 1 have regdate '0000-00-00': read as no date, so the panel dated them when made
        assertThat(billingCount("select count(*) from tblhosting where id = 17 and regdate = '0000-00-00'"))
                .isEqualTo(1);
        assertThat(links.find(RecordType.SUBSCRIPTION, "whmcs-s17")).isPresent();
        assertThat(billingCount("select count(*) from tblhostingaddons where id = 1 and regdate = '0000-00-00'"))
                .isEqualTo(1);
        assertThat(links.find(RecordType.ADDON, "whmcs-a1")).isPresent();
    }

    @Test
    @Order(3)
    void secondFullReadOfUnchangedRowsMakesNoWriteCall() {
        sandbox.reset();
        SyncResult result = reconcile();

        result.phases().forEach(r -> assertThat(r.in()).isPositive());
        result.phases().forEach(r -> assertThat(r.created() + r.updated() + r.failed())
                .as(r.summary())
                .isZero());
        assertThat(writeCalls()).isEmpty();
    }

    @Test
    @Order(4)
    void aChangeWhmcsDidNotDateIsFoundByTheNightlyFullRead() {
        // WHMCS's legacy update paths leave updated_at as it was: only the full read with its fingerprint sees this
        billing("update tblclients set phonenumber = '+49.301234567' where id = 3");
        sandbox.reset();
        SyncResult result = reconcile();

        assertThat(phase(result, "customers").updated()).isEqualTo(1);
        assertThat(writeCalls()).containsOnlyKeys("UpdateUser");
        assertThat(client.getUserById(links.find(RecordType.CUSTOMER, "whmcs-c3")
                                .orElseThrow()
                                .esId())
                        .orElseThrow()
                        .getPrimaryPhone())
                .isEqualTo("+49.301234567");
    }

    /** The sandbox's calls since its reset that change something (Add*, Update*, Change*, Delete*), by operation. */
    Map<String, Long> writeCalls() {
        Map<String, Long> writes = new TreeMap<>();
        sandbox.snapshot().operations().forEach((operation, count) -> {
            if (operation.matches("(Add|Update|Change|Delete|Create).*")) {
                writes.put(operation, count);
            }
        });
        return writes;
    }
}
