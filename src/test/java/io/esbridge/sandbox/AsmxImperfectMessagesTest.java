package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.esbridge.client.Brand;

/**
 * Hand-made requests over raw HTTP, checked against how an ASMX runtime treats imperfect messages (contract section
 * 8) and how the real server authenticates (section 5).
 */
class AsmxImperfectMessagesTest extends SolidCpSandboxContext {

    private static final String NS = Brand.SOLIDCP.namespace();
    private static final String ADMIN = "Basic "
            + Base64.getEncoder().encodeToString("serveradmin:serveradmin".getBytes(StandardCharsets.US_ASCII));
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRightNamespaceFindsTheUserAndAWrongOneReadsEveryParameterAsItsDefault() throws Exception {
        HttpResponse<String> right = post(
                "esUsers",
                "UserExists",
                "<UserExists xmlns=\"" + NS + "\"><username>serveradmin</username></UserExists>");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.headers().firstValue("Content-Type")).hasValue("text/xml;charset=utf-8");
        assertThat(right.body())
                .contains("<UserExistsResponse xmlns=\"" + NS + "\">"
                        + "<UserExistsResult>true</UserExistsResult></UserExistsResponse>");

        HttpResponse<String> wrongWrapper = post(
                "esUsers",
                "UserExists",
                "<UserExists xmlns=\"http://smbsaas/websitepanel/enterpriseserver\"><username>serveradmin</username>"
                        + "</UserExists>");
        assertThat(wrongWrapper.statusCode()).isEqualTo(200);
        assertThat(wrongWrapper.body()).contains("<UserExistsResult>false</UserExistsResult>");

        HttpResponse<String> unqualifiedParameter = post(
                "esUsers",
                "UserExists",
                "<u:UserExists xmlns:u=\"" + NS + "\"><username>serveradmin</username></u:UserExists>");
        assertThat(unqualifiedParameter.body()).contains("<UserExistsResult>false</UserExistsResult>");
    }

    @Test
    void unknownElementsAreIgnoredAndOrderDoesNotMatter() throws Exception {
        String username = SandboxFixtures.uniqueUsername("raw");
        HttpResponse<String> added = post(
                "esUsers",
                "AddUser",
                "<AddUser xmlns=\"" + NS + "\">"
                        + "<password>Secret1!</password><sendLetter>false</sendLetter><shoeSize>44</shoeSize>"
                        + "<user><Email>raw@example.com</Email><Favourite>blue</Favourite><Username>" + username
                        + "</Username><RoleId>3</RoleId><StatusId>1</StatusId><OwnerId>1</OwnerId></user></AddUser>");
        assertThat(added.statusCode()).isEqualTo(200);
        int userId = Integer.parseInt(added.body().replaceAll(".*<AddUserResult>(-?\\d+)</AddUserResult>.*", "$1"));
        assertThat(userId).isPositive();
        assertThat(client.getUserById(userId).orElseThrow().getEmail()).isEqualTo("raw@example.com");
        assertThat(client.authenticateUser(username, "Secret1!", null).code()).isZero();
    }

    @Test
    void aFieldInAWrongNamespaceIsNull() throws Exception {
        HttpResponse<String> added = post(
                "esUsers",
                "AddUser",
                "<AddUser xmlns=\"" + NS + "\"><user>"
                        + "<Username xmlns=\"urn:other\">" + SandboxFixtures.uniqueUsername("ns") + "</Username>"
                        + "</user><sendLetter>false</sendLetter></AddUser>");
        assertThat(added.body()).contains("<AddUserResult>-111</AddUserResult>");
    }

    @Test
    void solidCpReadsThePasswordParameterAndIgnoresOneInsideUserInfo() throws Exception {
        String username = SandboxFixtures.uniqueUsername("shape");
        post(
                "esUsers",
                "AddUser",
                "<AddUser xmlns=\"" + NS + "\"><user><Username>" + username + "</Username>"
                        + "<Password>InUserInfo1</Password></user><sendLetter>false</sendLetter>"
                        + "<password>Parameter1</password></AddUser>");
        assertThat(client.authenticateUser(username, "Parameter1", null).code()).isZero();
        assertThat(client.authenticateUser(username, "InUserInfo1", null).code())
                .isEqualTo(-110);
    }

    @Test
    void theLaterOfRoleIdAndRoleWins() throws Exception {
        String username = SandboxFixtures.uniqueUsername("role");
        post(
                "esUsers",
                "AddUser",
                "<AddUser xmlns=\"" + NS + "\"><user><RoleId>3</RoleId><Role>Reseller</Role>" + "<Username>" + username
                        + "</Username></user><password>p</password></AddUser>");
        assertThat(client.getUserByUsername(username).orElseThrow().getRoleId()).isEqualTo(2);
    }

    @Test
    void valuesXmlSerializerCannotReadAnswerSoapClientFaults() throws Exception {
        for (String body : new String[] {
            "<ChangeUserStatus xmlns=\"" + NS + "\"><userId>1</userId><status>suspended</status></ChangeUserStatus>",
            "<ChangeUserStatus xmlns=\"" + NS + "\"><userId>1</userId><status>2</status></ChangeUserStatus>",
            "<ChangeUserStatus xmlns=\"" + NS + "\"><userId/><status>Active</status></ChangeUserStatus>"
        }) {
            HttpResponse<String> answer = post("esUsers", "ChangeUserStatus", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(500);
            assertThat(answer.body())
                    .as(body)
                    .contains("<faultcode>soap:Client</faultcode>")
                    .contains("Server was unable to read request. ---> There is an error in XML document")
                    .contains("Instance validation error");
        }
        HttpResponse<String> capitalTrue = post(
                "esUsers",
                "GetUsers",
                "<GetUsers xmlns=\"" + NS + "\"><ownerId>1</ownerId><recursive>True</recursive></GetUsers>");
        assertThat(capitalTrue.statusCode()).isEqualTo(500);
        assertThat(capitalTrue.body()).contains("Instance validation error: 'True' is not a valid value for boolean");
        HttpResponse<String> spaceInDate = post(
                "esPackages",
                "AddPackage",
                "<AddPackage xmlns=\"" + NS + "\">"
                        + "<userId>1</userId><purchaseDate>2025-01-02 03:04:05</purchaseDate></AddPackage>");
        assertThat(spaceInDate.body()).contains("<faultcode>soap:Client</faultcode>");
        HttpResponse<String> numericOne = post(
                "esUsers",
                "GetUsers",
                "<GetUsers xmlns=\"" + NS + "\"><ownerId>1</ownerId><recursive>1</recursive></GetUsers>");
        assertThat(numericOne.statusCode()).isEqualTo(200);
    }

    @Test
    void aDateTheCalendarDoesNotHaveIsNoDateForXmlSerializer() throws Exception {
        for (String date :
                new String[] {"2024-02-31T00:00:00", "2023-02-29T10:00:00", "2024-04-31", "2025-01-02T24:00:00"}) {
            HttpResponse<String> answer = post(
                    "esPackages",
                    "AddPackage",
                    "<AddPackage xmlns=\"" + NS + "\">"
                            + "<userId>1</userId><planId>1</planId><packageName>no such day</packageName>"
                            + "<statusId>1</statusId><purchaseDate>" + date + "</purchaseDate></AddPackage>");
            assertThat(answer.statusCode()).as(date).isEqualTo(500);
            assertThat(answer.body())
                    .as(date)
                    .contains("<faultcode>soap:Client</faultcode>")
                    .contains("Instance validation error: '" + date + "' is not a valid value for dateTime");
        }
        HttpResponse<String> leapDay = post(
                "esPackages",
                "AddPackage",
                "<AddPackage xmlns=\"" + NS + "\">"
                        + "<userId>1</userId><planId>1</planId><packageName>leap day</packageName><statusId>1</statusId>"
                        + "<purchaseDate>2024-02-29T23:59:59.1234567+01:00</purchaseDate></AddPackage>");
        assertThat(leapDay.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownOrForeignSoapActionIsASoapClientFault() throws Exception {
        for (String action : new String[] {
            NS + "/DropDatabase", "http://smbsaas/websitepanel/enterpriseserver/UserExists", NS + "/AddPackage"
        }) {
            HttpResponse<String> answer = http.send(
                    request("esUsers", "\"" + action + "\"", ADMIN, envelope("<UserExists xmlns=\"" + NS + "\"/>")),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(action).isEqualTo(500);
            assertThat(answer.body())
                    .as(action)
                    .contains("<faultcode>soap:Client</faultcode>")
                    .contains("Server did not recognize the value of HTTP Header SOAPAction: " + action + ".");
        }
    }

    @Test
    void malformedXmlIsHttp400WithAnEmptyBody() throws Exception {
        HttpResponse<String> answer = http.send(
                request(
                        "esUsers",
                        "\"" + NS + "/UserExists\"",
                        ADMIN,
                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><UserExists>"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void missingOrWrongCredentialsAre401WithTheBrandsRealmAndNoSoap() throws Exception {
        String wrongPassword = "Basic " + Base64.getEncoder().encodeToString("serveradmin:nope".getBytes());
        String unknownUser = "Basic " + Base64.getEncoder().encodeToString("ghost:serveradmin".getBytes());
        for (String authorization : new String[] {null, wrongPassword, unknownUser, "Bearer abc"}) {
            for (String service : new String[] {"esUsers", "esPackages"}) {
                String operation = service.equals("esUsers") ? "UserExists" : "GetHostingPlans";
                HttpResponse<String> answer = http.send(
                        request(
                                service,
                                "\"" + NS + "/" + operation + "\"",
                                authorization,
                                envelope("<" + operation + " xmlns=\"" + NS + "\"/>")),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode())
                        .as(service + " " + authorization)
                        .isEqualTo(401);
                assertThat(answer.headers().firstValue("WWW-Authenticate"))
                        .hasValue("Basic Realm=\"SolidCP Enterprise Server\"");
                assertThat(answer.body()).isEqualTo("401 Access Denied");
            }
        }
    }

    @Test
    void esAuthenticationIsAnonymous() throws Exception {
        HttpResponse<String> answer = http.send(
                request(
                        "esAuthentication",
                        "\"" + NS + "/AuthenticateUser\"",
                        null,
                        envelope("<AuthenticateUser xmlns=\"" + NS + "\"><username>serveradmin</username>"
                                + "<password>serveradmin</password><ip>10.0.0.1</ip></AuthenticateUser>")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<AuthenticateUserResult>0</AuthenticateUserResult>");
    }

    @Test
    void aMissingObjectIsAnEmptyResponseAndAnUnhandledErrorASoapServerFault() throws Exception {
        HttpResponse<String> missing = post(
                "esUsers", "GetUserById", "<GetUserById xmlns=\"" + NS + "\"><userId>987654</userId></GetUserById>");
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("<GetUserByIdResponse xmlns=\"" + NS + "\"/>");

        HttpResponse<String> fault = post(
                "esUsers",
                "ChangeUserPassword",
                "<ChangeUserPassword xmlns=\"" + NS + "\"><userId>987654</userId><password>x</password>"
                        + "</ChangeUserPassword>");
        assertThat(fault.statusCode()).isEqualTo(500);
        assertThat(fault.body())
                .contains("<faultcode>soap:Server</faultcode>")
                .contains("<faultstring>Server was unable to process request. ---> Object reference not set to an "
                        + "instance of an object.</faultstring>");
    }

    @Test
    void dataSetsAreDiffgramsWithRowsOutOfTheServiceNamespace() throws Exception {
        HttpResponse<String> plans = post(
                "esPackages",
                "GetHostingPlans",
                "<GetHostingPlans xmlns=\"" + NS + "\"><userId>1</userId></GetHostingPlans>");
        assertThat(plans.body())
                .contains("<xs:schema")
                .contains("id=\"NewDataSet\"")
                .contains("<diffgr:diffgram")
                .contains("<NewDataSet xmlns=\"\">")
                .contains("<Table diffgr:id=\"Table1\" msdata:rowOrder=\"0\">")
                .contains("<PlanName>Business</PlanName>");
    }

    @Test
    void aSpaceCreatedCarriesAnEmptyExceedingQuotasDataSetLikeTheCapturedAnswer() throws Exception {
        HttpResponse<String> added = post(
                "esPackages",
                "AddPackage",
                "<AddPackage xmlns=\"" + NS + "\">"
                        + "<userId>1</userId><planId>1</planId><packageName>raw space</packageName><statusId>1</statusId>"
                        + "<purchaseDate>2025-01-02T03:04:05</purchaseDate></AddPackage>");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body())
                .containsPattern("<AddPackageResult><Result>\\d+</Result><ExceedingQuotas>"
                        + "<xs:schema [^>]*id=\"NewDataSet\"")
                .contains("name=\"QuotaID\" type=\"xs:int\"")
                .containsPattern("<diffgr:diffgram [^>]*/></ExceedingQuotas></AddPackageResult>");
    }

    @Test
    void theAdminEndpointNeedsServeradmin() throws Exception {
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "sandbox/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        post("esUsers", "UserExists", "<UserExists xmlns=\"" + NS + "\"><username>x</username></UserExists>");
        HttpResponse<String> stats = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "sandbox/stats"))
                        .header("Authorization", ADMIN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.body())
                .contains("\"UserExists\":")
                .contains("\"total\":")
                .contains("\"lastNamespace\":\"" + NS + "\"");

        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "sandbox/faults"))
                        .header("Authorization", ADMIN)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"latencyMillis\":5,\"soapFaultShare\":0.25}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(faults.settings().latencyMillis()).isEqualTo(5);
        assertThat(faults.settings().soapFaultShare()).isEqualTo(0.25);

        HttpResponse<String> reset = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "sandbox/stats/reset"))
                        .header("Authorization", ADMIN)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reset.body()).contains("\"total\":0");
    }

    private HttpResponse<String> post(String service, String operation, String bodyContent) throws Exception {
        return http.send(
                request(service, "\"" + NS + "/" + operation + "\"", ADMIN, envelope(bodyContent)),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String service, String soapAction, String authorization, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + service + ".asmx"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", soapAction)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private static String envelope(String bodyContent) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope "
                + "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + bodyContent
                + "</soap:Body></soap:Envelope>";
    }
}
