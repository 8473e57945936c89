package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import org.junit.jupiter.api.Test;

import io.esbridge.client.Brand;
import io.esbridge.client.EsFaultException;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.UserRole;

/**
 * Dates as the real server reads and stores them: .NET's XmlSerializer reads an xs:date alone in a dateTime element
 * as its midnight; the panel's columns are SQL Server {@code datetime} (1753-01-01 to 9999-12-31), so a date outside
 * them fails the statement with SQL Server's out-of-range message, a soap:Server fault, and nothing is written.
 */
class SandboxDatesTest extends SolidCpSandboxContext {

    private static final String NS = Brand.SOLIDCP.namespace();
    private static final String ADMIN = "Basic "
            + Base64.getEncoder().encodeToString("serveradmin:serveradmin".getBytes(StandardCharsets.US_ASCII));
    private static final String OUT_OF_RANGE = "Server was unable to process request. ---> The conversion of a"
            + " datetime2 data type to a datetime data type resulted in an out-of-range value.";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDateWithoutTimeIsReadAsMidnight() throws Exception {
        int userId = customer();
        int planId = SandboxFixtures.planId(client, "Starter", false);
        HttpResponse<String> added = addPackage(userId, planId, "date only", "2025-01-02");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        int packageId = Integer.parseInt(added.body().replaceAll("(?s).*<Result>(-?\\d+)</Result>.*", "$1"));
        assertThat(packageId).isPositive();
        assertThat(client.getPackage(packageId).orElseThrow().getPurchaseDate().toXMLFormat())
                .startsWith("2025-01-02T00:00:00");

        HttpResponse<String> addon = post(
                "AddPackageAddon",
                "<AddPackageAddon xmlns=\"" + NS + "\"><addon>"
                        + "<PackageAddonId>0</PackageAddonId><PackageId>" + packageId + "</PackageId><PlanId>"
                        + SandboxFixtures.planId(client, "Extra 10 GB", true) + "</PlanId><Quantity>1</Quantity>"
                        + "<PurchaseDate>2025-03-04</PurchaseDate><StatusId>1</StatusId></addon></AddPackageAddon>");
        assertThat(addon.statusCode()).as(addon.body()).isEqualTo(200);
        int addonId = Integer.parseInt(addon.body().replaceAll("(?s).*<Result>(-?\\d+)</Result>.*", "$1"));
        assertThat(client.getPackageAddon(addonId)
                        .orElseThrow()
                        .getPurchaseDate()
                        .toXMLFormat())
                .startsWith("2025-03-04T00:00:00");
    }

    @Test
    void aDateOutsideSqlServersDatetimeIsASoapServerFaultAndWritesNothing() throws Exception {
        int userId = customer();
        int planId = SandboxFixtures.planId(client, "Starter", false);
        for (String date :
                new String[] {"0001-01-01T00:00:00", "1752-12-31T23:59:59", "0001-01-01", "1700-06-01T12:00:00+02:00"
                }) {
            HttpResponse<String> answer = addPackage(userId, planId, "too early " + date, date);
            assertThat(answer.statusCode()).as(date).isEqualTo(500);
            assertThat(answer.body())
                    .as(date)
                    .contains("<faultcode>soap:Server</faultcode>")
                    .contains(OUT_OF_RANGE);
        }
        assertThat(client.getMyPackages(userId)).as("no space written").isEmpty();
        // the date is read as the row is written: a request the server refuses first is refused for that
        HttpResponse<String> unknownPlan = addPackage(userId, 987_654, "no such plan", "0001-01-01");
        assertThat(unknownPlan.body())
                .contains("<faultcode>soap:Server</faultcode>")
                .doesNotContain(OUT_OF_RANGE)
                .contains("FOREIGN KEY");

        // the first and the last days SQL Server's datetime holds
        for (String date : new String[] {"1753-01-01T00:00:00", "9999-12-31T23:59:59"}) {
            assertThat(addPackage(userId, planId, "edge " + date, date).statusCode())
                    .as(date)
                    .isEqualTo(200);
        }
        PackageInfo space = client.getMyPackages(userId).get(0);
        String purchased = client.getPackage(space.getPackageId())
                .orElseThrow()
                .getPurchaseDate()
                .toXMLFormat();

        PackageInfo changed = client.getPackage(space.getPackageId()).orElseThrow();
        changed.setPurchaseDate(xml("0001-01-01T00:00:00"));
        changed.setPackageName("renamed by a refused update");
        assertThatThrownBy(() -> client.updatePackage(changed))
                .isInstanceOf(EsFaultException.class)
                .hasMessageContaining("out-of-range value");
        PackageInfo after = client.getPackage(space.getPackageId()).orElseThrow();
        assertThat(after.getPackageName()).isEqualTo(space.getPackageName());
        assertThat(after.getPurchaseDate().toXMLFormat()).isEqualTo(purchased);

        PackageAddonInfo addon =
                SandboxFixtures.addon(space.getPackageId(), SandboxFixtures.planId(client, "Extra 10 GB", true), 1);
        addon.setPurchaseDate(xml("1600-02-29T00:00:00"));
        assertThatThrownBy(() -> client.addPackageAddon(addon))
                .isInstanceOf(EsFaultException.class)
                .hasMessageContaining("out-of-range value");
        assertThat(client.getPackageAddons(space.getPackageId()))
                .as("no add-on written")
                .isEmpty();
    }

    private int customer() {
        return client.addUser(
                SandboxFixtures.customer(SandboxFixtures.uniqueUsername("dates"), 1, UserRole.USER),
                "Dates-1!x",
                false,
                List.of());
    }

    private static XMLGregorianCalendar xml(String lexical) throws Exception {
        return DatatypeFactory.newInstance().newXMLGregorianCalendar(lexical);
    }

    private HttpResponse<String> addPackage(int userId, int planId, String name, String date) throws Exception {
        return post(
                "AddPackage",
                "<AddPackage xmlns=\"" + NS + "\"><userId>" + userId + "</userId><planId>" + planId
                        + "</planId><packageName>" + name + "</packageName><statusId>1</statusId><purchaseDate>" + date
                        + "</purchaseDate></AddPackage>");
    }

    private HttpResponse<String> post(String operation, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "esPackages.asmx"))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"" + NS + "/" + operation + "\"")
                        .header("Authorization", ADMIN)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope "
                                        + "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + body
                                        + "</soap:Body></soap:Envelope>"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
