package io.esbridge.client;

import static io.esbridge.client.ContractFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.DifferenceEvaluators;

import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;

/**
 * The request XML the client puts on the wire, compared element by element (names, namespaces, order, values) with
 * golden files written by hand from the contract. A real ASMX server reads a wrong namespace or a misplaced password
 * as defaults without failing, so these files are the protection.
 */
class WireGoldenTest {

    private WireCapture wire;

    @BeforeEach
    void start() throws Exception {
        wire = new WireCapture(request -> WireCapture.Answer.soap(OperationAnswers.forRequest(request)));
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    @ParameterizedTest
    @EnumSource(Brand.class)
    void addUserMatchesTheBrandsShape(Brand brand) {
        EnterpriseServerClient client = EnterpriseServerClient.create(ContractFixtures.properties(wire.url(), brand));

        client.addUser(ContractFixtures.user("jdoe"), PASSWORD, false, List.of("Imported by es-bridge"));

        WireCapture.Request request = wire.last();
        assertThat(request.path()).isEqualTo("/esUsers.asmx");
        assertThat(request.header("SOAPAction")).isEqualTo("\"" + brand.namespace() + "/AddUser\"");
        assertSameXml("golden/" + brand.id() + "/AddUser.xml", request.bodyContent());
    }

    /**
     * A UserInfo, PackageInfo and PackageAddonInfo holding every member any version has reach the wire with exactly
     * the members the brand's version declares, in order: a stricter server refuses members it does not declare, and
     * ASMX silently drops them.
     */
    @ParameterizedTest
    @EnumSource(Brand.class)
    void sendsExactlyTheMembersTheBrandsVersionDeclares(Brand brand) {
        EnterpriseServerClient client = EnterpriseServerClient.create(ContractFixtures.properties(wire.url(), brand));

        client.updateUser(ContractFixtures.userWithEveryMember());
        assertThat(GoldenMembers.childNames(GoldenMembers.child(wire.last().bodyContent(), "user")))
                .as("UserInfo of %s", brand.id())
                .containsExactlyElementsOf(GoldenMembers.of(brand, "UserInfo"));

        client.updatePackage(ContractFixtures.packageWithEveryMember());
        assertThat(GoldenMembers.childNames(GoldenMembers.child(wire.last().bodyContent(), "package")))
                .as("PackageInfo of %s", brand.id())
                .containsExactlyElementsOf(GoldenMembers.of(brand, "PackageInfo"));

        client.addPackageAddon(ContractFixtures.addonWithEveryMember());
        assertThat(GoldenMembers.childNames(GoldenMembers.child(wire.last().bodyContent(), "addon")))
                .as("PackageAddonInfo of %s", brand.id())
                .containsExactlyElementsOf(GoldenMembers.of(brand, "PackageAddonInfo"));
    }

    @Test
    void addPackageSendsItsSixParametersInOrder() {
        solidcp()
                .addPackage(
                        42,
                        2,
                        "example.com hosting",
                        "billing service 1001",
                        PackageStatus.ACTIVE,
                        ContractFixtures.dateTime("2025-01-02T03:04:05"));
        assertSameXml("golden/solidcp/AddPackage.xml", wire.last().bodyContent());
    }

    @Test
    void statusTravelsAsItsName() {
        solidcp().changeUserStatus(42, UserStatus.SUSPENDED);
        assertSameXml("golden/solidcp/ChangeUserStatus.xml", wire.last().bodyContent());
    }

    @Test
    void addPackageAddonSendsPackageAddonInfoInDeclaredOrder() {
        solidcp().addPackageAddon(ContractFixtures.addon(798, 5, 2));
        assertSameXml("golden/solidcp/AddPackageAddon.xml", wire.last().bodyContent());
    }

    @Test
    void addOnPlanIsAHostingPlanWithIsAddon() {
        solidcp().addHostingPlan(ContractFixtures.mailboxAddonPlan());
        assertThat(wire.last().header("SOAPAction"))
                .isEqualTo("\"http://smbsaas/solidcp/enterpriseserver/AddHostingPlan\"");
        assertSameXml("golden/solidcp/AddHostingPlan.xml", wire.last().bodyContent());
    }

    @Test
    void httpHeadersAreThoseOfAnAsmxClient() {
        solidcp().userExists("jdoe");

        WireCapture.Request request = wire.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.protocol()).isEqualTo("HTTP/1.1");
        assertThat(request.header("Upgrade"))
                .as("no h2c upgrade offered to IIS")
                .isNull();
        assertThat(request.header("HTTP2-Settings")).isNull();
        assertThat(request.header("Content-Type")).matches("(?i)text/xml;\\s*charset=utf-8");
        assertThat(request.header("Transfer-Encoding"))
                .as("a Content-Length, as .NET clients send")
                .isNull();
        assertThat(request.header("Content-Length")).isEqualTo(String.valueOf(request.body().length));
        assertThat(request.header("Authorization"))
                .as("pre-emptive Basic auth")
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("serveradmin:secret".getBytes(StandardCharsets.US_ASCII)));
        assertThat(wire.requests())
                .as("one request: no 401 challenge round trip")
                .hasSize(1);
    }

    @Test
    void namespaceAndAddUserShapeCanBeOverriddenForAServerOfUnknownVersion() {
        EsServerProperties custom = new EsServerProperties(
                wire.url(),
                "serveradmin",
                "secret",
                Brand.SOLIDCP,
                "http://smbsaas/custom/enterpriseserver",
                AddUserShape.PASSWORD_IN_USER_INFO,
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(5),
                8,
                null,
                null,
                "PKCS12");

        EnterpriseServerClient.create(custom).addUser(ContractFixtures.user("jdoe"), PASSWORD, false, List.of());

        Element wrapper = wire.last().bodyContent();
        assertThat(wire.last().header("SOAPAction")).isEqualTo("\"http://smbsaas/custom/enterpriseserver/AddUser\"");
        assertThat(wrapper.getNamespaceURI()).isEqualTo("http://smbsaas/custom/enterpriseserver");
        assertThat(WireCapture.parameters(wrapper)).doesNotContainKey("password");
        assertThat(wrapper.getElementsByTagNameNS("http://smbsaas/custom/enterpriseserver", "Password")
                        .getLength())
                .isEqualTo(1);
    }

    private EnterpriseServerClient solidcp() {
        return EnterpriseServerClient.create(ContractFixtures.properties(wire.url(), Brand.SOLIDCP));
    }

    static void assertSameXml(String goldenResource, Element actual) {
        Source expected = Input.fromStream(WireGoldenTest.class.getResourceAsStream("/" + goldenResource))
                .build();
        Diff diff = DiffBuilder.compare(expected)
                .withTest(actual)
                .ignoreWhitespace()
                .ignoreComments()
                .withDifferenceEvaluator(DifferenceEvaluators.chain(
                        DifferenceEvaluators.Default,
                        DifferenceEvaluators.downgradeDifferencesToEqual(ComparisonType.NAMESPACE_PREFIX)))
                .checkForIdentical()
                .build();
        assertThat(diff.hasDifferences())
                .as(
                        "%s differs from the wire:%n%s%nwire: %s",
                        goldenResource, diff.fullDescription(), serialize(actual))
                .isFalse();
    }

    private static String serialize(Element element) {
        try {
            var out = new java.io.StringWriter();
            var transformer =
                    javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            transformer.transform(
                    new javax.xml.transform.dom.DOMSource(element), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            return element.toString();
        }
    }

    static DocumentBuilderFactory namespaceAware() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory;
    }
}
