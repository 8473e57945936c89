package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import io.esbridge.client.AddUserShape;
import io.esbridge.client.Brand;
import io.esbridge.client.BrandDetection;
import io.esbridge.client.BrandDetectionException;
import io.esbridge.client.Detection;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsServerProperties;
import io.esbridge.client.GoldenMembers;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;

/**
 * Every operation of the client against the sandbox over HTTP, in one brand (a subclass per brand): what is written
 * is read back, and every call travelled in the brand's namespace.
 */
abstract class AbstractSandboxRoundTripTest {

    private static final String XSD = "http://www.w3.org/2001/XMLSchema";
    private static final Set<String> VALUE_TYPES = Set.of("s:int", "s:boolean", "s:dateTime", "s:decimal");

    @Autowired
    EnterpriseServerClient client;

    @Autowired
    SandboxStats stats;

    @LocalServerPort
    int port;

    abstract Brand brand();

    /**
     * The sandbox's ?WSDL is this brand's, so {@code auto} finds it, the application's client (given this brand by
     * hand, or auto) started with it, and a brand of another namespace given by hand is refused naming both.
     */
    @Test
    void autoFindsThisBrandAndABrandOfAnotherNamespaceIsRefused() {
        String url = "http://localhost:" + port + "/";

        Detection found = BrandDetection.detect(url, "serveradmin", "serveradmin");

        assertThat(found.brand()).isEqualTo(brand());
        assertThat(found.shape()).isEqualTo(brand().addUserShape());
        assertThat(found.line()).startsWith("brand " + brand().id() + " (namespace " + brand().namespace() + ", ");
        assertThat(client.server().brand().brand()).isEqualTo(brand());
        for (Brand other : Brand.values()) {
            if (!other.namespace().equals(brand().namespace())) {
                assertThatThrownBy(() -> BrandDetection.resolve(byHand(url, other), "es.server.brand"))
                        .isInstanceOf(BrandDetectionException.class)
                        .hasMessageStartingWith("es.server.brand=" + other.id() + " contradicts the Enterprise Server"
                                + " at " + url + ": its WSDL's namespace is " + brand().namespace() + ", "
                                + other.id() + "'s is " + other.namespace());
            }
        }
    }

    static EsServerProperties byHand(String url, Brand brand) {
        return new EsServerProperties(
                url,
                "serveradmin",
                "serveradmin",
                brand,
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                1,
                null,
                null,
                "PKCS12");
    }

    @Test
    void everyClientOperationRoundTripsInTheBrandsNamespace() {
        String namespace = brand().namespace();
        String username = SandboxFixtures.uniqueUsername(brand().id());
        Map<String, Long> callsBefore = stats.snapshot().operations();

        assertThat(client.userExists(username)).isFalse();
        assertWire(namespace, "UserExists");

        int userId = client.addUser(
                SandboxFixtures.customer(username, 1, UserRole.USER), "Secret1!", false, List.of("from billing"));
        assertWire(namespace, "AddUser");
        assertThat(client.userExists(username)).isTrue();
        UserInfo user = client.getUserById(userId).orElseThrow();
        assertThat(user.getUsername()).isEqualTo(username);
        assertThat(user.getEmail()).isEqualTo(username + "@example.com");
        assertThat(user.getRole()).isEqualTo(UserRole.USER);
        assertThat(user.getStatus()).isEqualTo(UserStatus.ACTIVE);
        assertThat(user.getOwnerId()).isEqualTo(1);
        assertThat(user.getPassword())
                .as("only WebsitePanel 1.x and DotNetPanel give the password back")
                .isEqualTo(brand().addUserShape() == AddUserShape.PASSWORD_IN_USER_INFO ? "Secret1!" : null);
        assertThat(client.getUserByUsername(username).orElseThrow().getUserId()).isEqualTo(userId);
        assertThat(client.getUsers(1, false)).extracting(UserInfo::getUserId).contains(userId);

        // the password travelled where this brand's AddUser reads it
        assertThat(client.authenticateUser(username, "Secret1!", "127.0.0.1").code())
                .isZero();
        assertWire(namespace, "AuthenticateUser");

        user.setFirstName("Janet");
        user.setCity("Lisbon");
        client.updateUser(user);
        assertThat(client.getUserById(userId).orElseThrow()).satisfies(u -> {
            assertThat(u.getFirstName()).isEqualTo("Janet");
            assertThat(u.getCity()).isEqualTo("Lisbon");
        });

        client.changeUserPassword(userId, "Other2!");
        assertThat(client.authenticateUser(username, "Secret1!", "127.0.0.1").code())
                .isEqualTo(-110);
        assertThat(client.authenticateUser(username, "Other2!", "127.0.0.1").code())
                .isZero();

        int starter = SandboxFixtures.planId(client, "Starter", false);
        int extra10 = SandboxFixtures.planId(client, "Extra 10 GB", true);
        assertWire(namespace, "GetHostingAddons");
        HostingPlanInfo starterPlan = client.getHostingPlan(starter).orElseThrow();
        assertThat(starterPlan.getPlanName()).isEqualTo("Starter");
        assertThat(starterPlan.isIsAddon()).isFalse();
        assertThat(starterPlan.getQuotas().getHostingPlanQuotaInfo())
                .anySatisfy(q ->
                        assertThat(List.of(q.getQuotaId(), q.getQuotaValue())).containsExactly(52, 5120));

        int packageId = client.addPackage(
                userId, starter, "Main space", "from billing", PackageStatus.ACTIVE, SandboxFixtures.now());
        assertWire(namespace, "AddPackage");
        PackageInfo space = client.getPackage(packageId).orElseThrow();
        assertThat(space.getUserId()).isEqualTo(userId);
        assertThat(space.getPlanId()).isEqualTo(starter);
        assertThat(space.getStatusId()).isEqualTo(1);
        assertThat(client.getMyPackages(userId))
                .extracting(PackageInfo::getPackageId)
                .containsExactly(packageId);
        assertThat(client.getPackages(1)).extracting(PackageInfo::getPackageId).contains(packageId);

        client.updatePackageName(packageId, "Renamed space", "renamed");
        space = client.getPackage(packageId).orElseThrow();
        assertThat(space.getPackageName()).isEqualTo("Renamed space");
        space.setPackageComments("updated whole");
        client.updatePackage(space);
        assertThat(client.getPackage(packageId).orElseThrow().getPackageComments())
                .isEqualTo("updated whole");

        int addonId = client.addPackageAddon(SandboxFixtures.addon(packageId, extra10, 2));
        PackageAddonInfo addon = client.getPackageAddon(addonId).orElseThrow();
        assertThat(addon.getQuantity()).isEqualTo(2);
        assertThat(addon.getPlanName())
                .as("PlanName only where PackageAddonInfo declares it (WebsitePanel 2.0+)")
                .isEqualTo(GoldenMembers.of(brand(), "PackageAddonInfo").contains("PlanName") ? "Extra 10 GB" : null);
        List<Map<String, String>> addons = client.getPackageAddons(packageId);
        assertThat(addons).singleElement().satisfies(row -> {
            assertThat(row)
                    .containsEntry("PackageAddonID", String.valueOf(addonId))
                    .containsEntry("Quantity", "2")
                    .containsEntry("PlanName", "Extra 10 GB");
        });
        assertThat(client.getPackageQuotas(packageId).table("Table1")).anySatisfy(row -> assertThat(row)
                .containsEntry("QuotaID", "52")
                .containsEntry("QuotaValue", String.valueOf(5120 + 2 * 10240)));
        assertThat(client.getPackageQuotas(packageId).rows())
                .extracting(r -> r.get("GroupName"))
                .contains("OS");
        addon.setQuantity(3);
        client.updatePackageAddon(addon);
        assertThat(client.getPackageAddon(addonId).orElseThrow().getQuantity()).isEqualTo(3);
        client.deletePackageAddon(addonId);
        assertThat(client.getPackageAddon(addonId)).isEmpty();

        client.changeUserStatus(userId, UserStatus.SUSPENDED);
        assertThat(client.getUserById(userId).orElseThrow().getStatus()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(client.getPackage(packageId).orElseThrow().getStatusId()).isEqualTo(2);
        client.changePackageStatus(packageId, PackageStatus.ACTIVE);
        assertThat(client.getPackage(packageId).orElseThrow().getStatusId()).isEqualTo(1);

        int customPlan = client.addHostingPlan(SandboxFixtures.plan("Custom " + username, 0, Map.of(52, 100)));
        assertThat(client.getHostingPlans(1)).extracting(r -> r.get("PlanName")).contains("Custom " + username);
        HostingPlanInfo custom = client.getHostingPlan(customPlan).orElseThrow();
        custom.setPlanName("Custom renamed " + username);
        client.updateHostingPlan(custom);
        assertThat(client.getHostingPlan(customPlan).orElseThrow().getPlanName())
                .isEqualTo("Custom renamed " + username);
        client.deleteHostingPlan(customPlan);
        assertThat(client.getHostingPlan(customPlan)).isEmpty();

        client.deletePackage(packageId);
        assertThat(client.getPackage(packageId)).isEmpty();
        client.deleteUser(userId);
        assertWire(namespace, "DeleteUser");
        assertThat(client.userExists(username)).isFalse();
        // the sandbox counted every write of this test once, under the operation the client named
        for (String write : List.of(
                "AddUser",
                "AddPackage",
                "AddPackageAddon",
                "DeletePackageAddon",
                "AddHostingPlan",
                "DeleteHostingPlan",
                "DeletePackage",
                "DeleteUser")) {
            assertThat(stats.calls(write) - callsBefore.getOrDefault(write, 0L))
                    .as(write)
                    .isEqualTo(1);
        }
    }

    @Test
    void wsdlIsPublishedInTheBrandsNamespaceAtTheRequestedAddress() throws Exception {
        for (String service : List.of("esUsers", "esPackages", "esAuthentication")) {
            String url = "http://localhost:" + port + "/" + service + ".asmx";
            HttpResponse<String> wsdl = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "?WSDL")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(wsdl.statusCode()).isEqualTo(200);
            assertThat(wsdl.body())
                    .contains("targetNamespace=\"" + brand().namespace() + "\"")
                    .contains("<soap:address location=\"" + url + "\"/>")
                    .contains("name=\"UserInfo\"")
                    .contains("soapAction=\"" + brand().namespace() + "/")
                    .doesNotContain("schemaLocation");
            if (!brand().namespace().equals(Brand.CONTRACT_NAMESPACE)) {
                assertThat(wsdl.body()).doesNotContain(Brand.CONTRACT_NAMESPACE);
            }
        }
    }

    /**
     * Each brand's ?WSDL declares exactly that version's members of UserInfo, PackageInfo and PackageAddonInfo (a
     * client generated from it then sends nothing the server lacks), value types minOccurs="1" as ASMX publishes them.
     */
    @Test
    void wsdlDeclaresExactlyTheBrandsMembers() throws Exception {
        Document users = parse(get("esUsers.asmx?WSDL"));
        Document packages = parse(get("esPackages.asmx?WSDL"));
        for (Map.Entry<String, Document> type : List.of(
                Map.entry("UserInfo", users),
                Map.entry("PackageInfo", packages),
                Map.entry("PackageAddonInfo", packages))) {
            List<Element> members = members(type.getValue(), type.getKey());
            assertThat(members)
                    .extracting(e -> e.getAttribute("name"))
                    .as("%s of %s", type.getKey(), brand().id())
                    .containsExactlyElementsOf(GoldenMembers.of(brand(), type.getKey()));
            assertThat(members)
                    .filteredOn(e -> VALUE_TYPES.contains(e.getAttribute("type")))
                    .as("value-type members of %s", type.getKey())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getAttribute("minOccurs"))
                            .as(e.getAttribute("name"))
                            .isEqualTo("1"));
        }
    }

    /** The sandbox answers as the brand's version would: no member that version does not declare. */
    @Test
    void answersCarryOnlyTheBrandsMembers() throws Exception {
        String username = SandboxFixtures.uniqueUsername(brand().id());
        int userId = client.addUser(SandboxFixtures.customer(username, 1, UserRole.USER), "Secret1!", false, List.of());
        int packageId = client.addPackage(
                userId,
                SandboxFixtures.planId(client, "Starter", false),
                "Members space",
                "",
                PackageStatus.ACTIVE,
                SandboxFixtures.now());
        int addonId = client.addPackageAddon(
                SandboxFixtures.addon(packageId, SandboxFixtures.planId(client, "Extra 10 GB", true), 1));

        assertDeclaredOnly("UserInfo", answer("esUsers", "GetUserById", "<userId>" + userId + "</userId>"));
        assertDeclaredOnly(
                "PackageInfo", answer("esPackages", "GetPackage", "<packageId>" + packageId + "</packageId>"));
        assertDeclaredOnly(
                "PackageAddonInfo",
                answer("esPackages", "GetPackageAddon", "<packageAddonId>" + addonId + "</packageAddonId>"));
    }

    private void assertDeclaredOnly(String type, Element result) {
        List<String> sent = GoldenMembers.childNames(result);
        List<String> declared = GoldenMembers.of(brand(), type);
        assertThat(sent)
                .as("%s answered by %s", type, brand().id())
                .isNotEmpty()
                .containsExactlyElementsOf(
                        declared.stream().filter(sent::contains).toList());
    }

    /** The {@code <OpResult>} of a raw SOAP 1.1 call, as serveradmin. */
    private Element answer(String service, String operation, String parameters) throws Exception {
        String namespace = brand().namespace();
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><"
                + operation + " xmlns=\"" + namespace + "\">" + parameters + "</" + operation
                + "></soap:Body></soap:Envelope>";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + service + ".asmx"))
                                .header("Content-Type", "text/xml; charset=utf-8")
                                .header("SOAPAction", "\"" + namespace + "/" + operation + "\"")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("serveradmin:serveradmin"
                                                                .getBytes(StandardCharsets.US_ASCII)))
                                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Element result = (Element) parse(response.body())
                .getElementsByTagNameNS(namespace, operation + "Result")
                .item(0);
        assertThat(result).as("%s answered %s", operation, response.body()).isNotNull();
        return result;
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** The member elements of the schema's complexType {@code name}, in order. */
    private static List<Element> members(Document wsdl, String name) {
        NodeList types = wsdl.getElementsByTagNameNS(XSD, "complexType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (name.equals(type.getAttribute("name"))) {
                NodeList elements = type.getElementsByTagNameNS(XSD, "element");
                List<Element> members = new ArrayList<>();
                for (int j = 0; j < elements.getLength(); j++) {
                    members.add((Element) elements.item(j));
                }
                return members;
            }
        }
        throw new AssertionError("no complexType " + name + " in the WSDL");
    }

    private void assertWire(String namespace, String operation) {
        assertThat(stats.lastSoapAction()).isEqualTo(namespace + "/" + operation);
        assertThat(stats.lastNamespace()).isEqualTo(namespace);
    }
}
