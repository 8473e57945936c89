package io.esbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RejectedRecord;

/** {@code POST /api/feeds/{mapping}}: authenticated, JSON array or JSON Lines, answered with the run id. */
class FeedPushTest extends FeedRoutesTestSupport {

    private static final String CUSTOMERS =
            """
            [{"customer_id": "P1", "username": "ann", "password": "x1", "first_name": "Анна", "last_name": "李",
              "email": "ann@example.com"},
             {"customer_id": "P2", "username": "bob", "password": "x2", "first_name": "Bob", "last_name": "",
              "email": "bob@example.com"}]
            """;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesPushesWithoutTheRightCredentials() throws Exception {
        assertThat(post("customers", "application/json", CUSTOMERS, null).statusCode())
                .isEqualTo(401);
        assertThat(post("customers", "application/json", CUSTOMERS, "billing:wrong")
                        .statusCode())
                .isEqualTo(401);
        assertThat(provision.getReceivedCounter() + rejected.getReceivedCounter())
                .isZero();
    }

    @Test
    void acceptsAJsonArrayAndAnswersTheRunId() throws Exception {
        HttpResponse<String> response = post("customers", "application/json", CUSTOMERS, "billing:push-secret");
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = new ObjectMapper().readTree(response.body());
        String runId = answer.get("runId").asText();
        assertThat(answer.get("records").asLong()).isEqualTo(2);
        assertThat(provision.getReceivedExchanges()).singleElement().satisfies(e -> {
            RecordEnvelope envelope = e.getIn().getBody(RecordEnvelope.class);
            assertThat(envelope.runId()).isEqualTo(runId);
            assertThat(((CustomerRecord) envelope.payload()).firstName()).isEqualTo("Анна");
            assertThat(((CustomerRecord) envelope.payload()).lastName()).isEqualTo("李");
            assertThat(envelope.raw()).containsEntry("password", "******");
        });
        assertThat(rejected.getReceivedExchanges()).singleElement().satisfies(e -> assertThat(
                        e.getIn().getBody(RejectedRecord.class).describe())
                .isEqualTo("push " + runId + " index 1 (CUSTOMER P2): LastName (empty) is required"));
        assertThat(jdbc.queryForObject("select records_in from es_run where run_id = ?", Long.class, runId))
                .isEqualTo(2);
    }

    @Test
    void acceptsJsonLines() throws Exception {
        String lines =
                """
                {"service_id": "S1", "customer_id": "P1", "product": "business", "start_date": "2024-05-06"}
                {"service_id": "S2", "customer_id": "P1", "product": "business", "start_date": "2024-05-06"}
                """;
        HttpResponse<String> response = post("subscriptions", "application/x-ndjson", lines, "billing:push-secret");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(provision.getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void aBodyThatIsNotJsonOrAnUnknownMappingIsABadRequest() throws Exception {
        assertThat(post("customers", "application/json", "id,name\n", "billing:push-secret")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("invoices", "application/json", "[]", "billing:push-secret")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aBodyNotInItsCharsetSaysSoAndWhatToSendAndANamedCharsetIsHonoured() throws Exception {
        byte[] latin1 = ("[{\"customer_id\": \"P9\", \"username\": \"renee\", \"password\": \"Pw-Push-Latin\","
                        + " \"first_name\": \"Renée\", \"last_name\": \"Müller\", \"email\": \"renee@example.com\"}]")
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> refused = post("customers", "application/json", latin1, "billing:push-secret");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(refused.body()).get("error").asText())
                .isEqualTo("the push is not"
                        + " UTF-8 text after record 0, and UTF-8 is what JSON's own charset (RFC 8259; the push's Content-Type"
                        + " names none) says; send UTF-8, or name the body's charset in Content-Type (application/json;"
                        + " charset=...)");
        assertThat(refused.body()).doesNotContain("Pw-Push-Latin");
        assertThat(provision.getReceivedCounter()).isZero();

        HttpResponse<String> read =
                post("customers", "application/json; charset=windows-1252", latin1, "billing:push-secret");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(202);
        assertThat(provision.getReceivedExchanges()).singleElement().satisfies(e -> assertThat(((CustomerRecord)
                                e.getIn().getBody(RecordEnvelope.class).payload())
                        .firstName())
                .isEqualTo("Renée"));
        String runId = new ObjectMapper().readTree(read.body()).get("runId").asText();
        assertThat(jdbc.queryForObject(
                        "select charset || ' ' || charset_from from es_run where run_id = ?", String.class, runId))
                .isEqualTo("windows-1252 the push's Content-Type");
    }

    private HttpResponse<String> post(String mapping, String contentType, String body, String credentials)
            throws IOException, InterruptedException {
        return post(mapping, contentType, body.getBytes(StandardCharsets.UTF_8), credentials);
    }

    private HttpResponse<String> post(String mapping, String contentType, byte[] body, String credentials)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/feeds/" + mapping))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
