package io.esbridge.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;

/**
 * Every operation of the client, for every brand: the SOAPAction is the brand's namespace + "/" + operation, the
 * wrapper is the operation in that namespace, and so is every element inside it. Then answers written in the brand's
 * namespace are read back.
 */
class WireNamespaceSweepTest {

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
    void everyOperationSpeaksTheBrandsNamespace(Brand brand) {
        EnterpriseServerClient client = EnterpriseServerClient.create(ContractFixtures.properties(wire.url(), brand));
        Map<String, Consumer<EnterpriseServerClient>> calls = new java.util.LinkedHashMap<>();
        calls.put("UserExists", c -> c.userExists("jdoe"));
        calls.put("GetUserById", c -> c.getUserById(42));
        calls.put("GetUserByUsername", c -> c.getUserByUsername("jdoe"));
        calls.put("GetUsers", c -> c.getUsers(1, true));
        calls.put("AddUser", c -> c.addUser(ContractFixtures.user("jdoe"), "pw", false, List.of("n")));
        calls.put("UpdateUser", c -> c.updateUser(ContractFixtures.user("jdoe")));
        calls.put("DeleteUser", c -> c.deleteUser(42));
        calls.put("ChangeUserPassword", c -> c.changeUserPassword(42, "pw"));
        calls.put("ChangeUserStatus", c -> c.changeUserStatus(42, UserStatus.CANCELLED));
        calls.put("AuthenticateUser", c -> c.authenticateUser("jdoe", "pw", "127.0.0.1"));
        calls.put(
                "AddPackage",
                c -> c.addPackage(
                        42, 1, "n", "c", PackageStatus.NEW, ContractFixtures.dateTime("2025-01-02T00:00:00")));
        calls.put("UpdatePackage", c -> c.updatePackage(new PackageInfo()));
        calls.put("UpdatePackageName", c -> c.updatePackageName(7, "n", "c"));
        calls.put("DeletePackage", c -> c.deletePackage(7));
        calls.put("ChangePackageStatus", c -> c.changePackageStatus(7, PackageStatus.SUSPENDED));
        calls.put("GetPackage", c -> c.getPackage(7));
        calls.put("GetMyPackages", c -> c.getMyPackages(42));
        calls.put("GetPackages", c -> c.getPackages(42));
        calls.put("GetPackageQuotas", c -> c.getPackageQuotas(7));
        calls.put("AddPackageAddon", c -> c.addPackageAddon(ContractFixtures.addon(7, 5, 1)));
        calls.put("UpdatePackageAddon", c -> c.updatePackageAddon(ContractFixtures.addon(7, 5, 2)));
        calls.put("DeletePackageAddon", c -> c.deletePackageAddon(9));
        calls.put("GetPackageAddon", c -> c.getPackageAddon(9));
        calls.put("GetPackageAddons", c -> c.getPackageAddons(7));
        calls.put("AddHostingPlan", c -> c.addHostingPlan(ContractFixtures.mailboxAddonPlan()));
        calls.put("UpdateHostingPlan", c -> c.updateHostingPlan(ContractFixtures.mailboxAddonPlan()));
        calls.put("DeleteHostingPlan", c -> c.deleteHostingPlan(5));
        calls.put("GetHostingPlan", c -> c.getHostingPlan(5));
        calls.put("GetHostingPlans", c -> c.getHostingPlans(1));
        calls.put("GetHostingAddons", c -> c.getHostingAddons(1));

        List<String> problems = new ArrayList<>();
        calls.forEach((operation, call) -> {
            call.accept(client);
            WireCapture.Request request = wire.last();
            Element wrapper = request.bodyContent();
            if (!("\"" + brand.namespace() + "/" + operation + "\"").equals(request.header("SOAPAction"))) {
                problems.add(operation + ": SOAPAction " + request.header("SOAPAction"));
            }
            if (!operation.equals(wrapper.getLocalName()) || !brand.namespace().equals(wrapper.getNamespaceURI())) {
                problems.add(operation + ": wrapper {" + wrapper.getNamespaceURI() + "}" + wrapper.getLocalName());
            }
            NodeList all = wrapper.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                if (!brand.namespace().equals(e.getNamespaceURI())) {
                    problems.add(operation + ": {" + e.getNamespaceURI() + "}" + e.getLocalName());
                }
            }
            String path = request.path();
            String service = operation.equals("AuthenticateUser")
                    ? "/esAuthentication.asmx"
                    : OperationAnswers.isUsersOperation(operation) ? "/esUsers.asmx" : "/esPackages.asmx";
            if (!service.equals(path)) {
                problems.add(operation + ": posted to " + path);
            }
        });
        assertThat(problems).isEmpty();
        assertThat(wire.requests()).hasSize(calls.size());
    }

    @ParameterizedTest
    @EnumSource(Brand.class)
    void answersInTheBrandsNamespaceAreRead(Brand brand) {
        String ns = brand.namespace();
        wire.answerWith(request -> {
            String op = request.bodyContent().getLocalName();
            String result =
                    switch (op) {
                        case "GetUserByUsername" -> "<UserId>42</UserId><Username>jdoe</Username><Email>j@x</Email>"
                                + "<Status>Suspended</Status>";
                        case "GetHostingPlans" -> DataSetSamples.hostingPlans();
                        case "GetMyPackages" -> "<PackageInfo><PackageId>798</PackageId><UserId>42</UserId>"
                                + "<PackageName>example.com</PackageName></PackageInfo>";
                        default -> null;
                    };
            return WireCapture.Answer.soap(WireCapture.envelope(OperationAnswers.response(op, ns, result)));
        });
        EnterpriseServerClient client = EnterpriseServerClient.create(ContractFixtures.properties(wire.url(), brand));

        var user = client.getUserByUsername("jdoe").orElseThrow();
        assertThat(user.getUserId()).isEqualTo(42);
        assertThat(user.getUsername()).isEqualTo("jdoe");
        assertThat(user.getStatus()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(client.getHostingPlans(1))
                .extracting(row -> row.get("PlanName"))
                .containsExactly("Starter", "Business");
        assertThat(client.getMyPackages(42)).singleElement().satisfies(p -> assertThat(p.getPackageName())
                .isEqualTo("example.com"));
        assertThat(client.getUserById(43))
                .as("an omitted result is an absent user")
                .isEmpty();
    }
}
