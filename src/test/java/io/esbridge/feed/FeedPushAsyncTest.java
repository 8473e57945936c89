package io.esbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.sandbox.SandboxFaults;

/**
 * The push's asynchronous mode over real HTTP, provisioning into the sandbox slowed down to 300 ms a call: the answer
 * comes while the run is still running, points at the run's report, and the report ends finished with every record;
 * the synchronous default still answers only once the run has finished.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.sandbox.enabled=true",
            "es.server.url=",
            "es.sandbox.datasource-url=jdbc:h2:mem:sandbox-push-async;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=jdbc:h2:mem:state-push-async;DB_CLOSE_DELAY=-1",
            "es.state.secret-key-file=target/push-async-test/secret.key",
            "es.feeds.inbox=target/push-async-test/inbox",
            "es.feeds.push.spool=target/push-async-test/spool",
            "es.feeds.push.username=billing",
            "es.feeds.push.password=push-secret",
            "es.server.max-in-flight=2",
            // short backoffs: records retried through the outage of the first test resume soon after it ends
            "es.errors.redelivery-delay=50",
            "es.errors.max-redelivery-delay=1000",
            "es.errors.circuit-breaker.wait-in-open=500ms"
        })
class FeedPushAsyncTest {

    private static final String CREDENTIALS = "billing:push-secret";
    private static final Path SPOOL = Path.of("target/push-async-test/spool");

    @LocalServerPort
    int port;

    @Autowired
    SandboxFaults faults;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void noLatency() {
        faults.clear();
    }

    @Test
    void preferRespondAsyncIsAnsweredAtOnceWithWhereToFollowTheRun() throws Exception {
        String tag = tag();
        // the panel is down while the push is answered: no record can be provisioned before the answer, however slow
        // the machine, so a run still "running" proves the answer did not wait for provisioning
        faults.set(faults.settings().withOutage(true, null));
        HttpResponse<String> response =
                post("customers", customers(tag, 8), CREDENTIALS, "return=minimal, respond-async");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Preference-Applied")).hasValue("respond-async");
        JsonNode answer = json.readTree(response.body());
        String runId = answer.get("runId").asText();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/runs/" + runId);
        assertThat(answer.get("report").asText()).isEqualTo("/api/runs/" + runId);
        JsonNode running = report(runId);
        assertThat(running.get("state").asText()).isEqualTo("running");
        faults.clear();

        JsonNode finished = awaitFinished(runId);
        assertThat(finished.get("in").asLong()).isEqualTo(8);
        assertThat(finished.get("created").asLong()).isEqualTo(8);
        assertThat(finished.get("identityHolds").asBoolean()).isTrue();
        try (Stream<Path> kept = Files.list(SPOOL)) {
            assertThat(kept).as("the kept body is gone once read").isEmpty();
        }
    }

    @Test
    void queuedPushesAreReadInTheOrderTheyCameSoSubscriptionsFindTheirCustomers() throws Exception {
        String tag = tag();
        faults.set(faults.settings().withLatency(100, 0));
        HttpResponse<String> customers = post("customers?wait=false", customers(tag, 4), CREDENTIALS, null);
        String lines = IntStream.rangeClosed(1, 4)
                .mapToObj(i -> String.format(
                        "{\"service_id\": \"%s-S%d\","
                                + " \"customer_id\": \"%s-C%d\", \"product\": \"starter\", \"domain\": \"%s%d.example.com\"}",
                        tag, i, tag, i, tag, i))
                .collect(Collectors.joining("\n"));
        HttpResponse<String> subscriptions =
                post("subscriptions?wait=false", lines, CREDENTIALS, null, "application/x-ndjson");

        assertThat(customers.statusCode()).isEqualTo(202);
        assertThat(subscriptions.statusCode()).isEqualTo(202);
        assertThat(subscriptions.headers().firstValue("Preference-Applied")).isEmpty();
        JsonNode spaces =
                awaitFinished(json.readTree(subscriptions.body()).get("runId").asText());
        assertThat(spaces.get("created").asLong()).as(spaces.toString()).isEqualTo(4);
        assertThat(awaitFinished(json.readTree(customers.body()).get("runId").asText())
                        .get("created")
                        .asLong())
                .isEqualTo(4);
    }

    @Test
    void aPushCutOffMidBodyEndsWithItsReadRecordsAndAFailedRestInItsReport() throws Exception {
        String tag = tag();
        String whole = customers(tag, 3);
        String cut = whole.substring(0, whole.length() - 1) + ", {\"customer_id\": \"" + tag + "-C4\", \"usern";
        HttpResponse<String> response = post("customers?wait=false", cut, CREDENTIALS, null);
        assertThat(response.statusCode()).isEqualTo(202);

        JsonNode report =
                awaitFinished(json.readTree(response.body()).get("runId").asText());
        assertThat(report.get("created").asLong()).as(report.toString()).isEqualTo(3);
        assertThat(report.get("failed").asLong()).as(report.toString()).isEqualTo(1);
        assertThat(report.get("in").asLong()).isEqualTo(4);
        assertThat(report.get("identityHolds").asBoolean()).isTrue();
        assertThat(report.toString()).contains("UNREADABLE_INPUT");
    }

    @Test
    void theSynchronousDefaultAnswersOnceEveryRecordIsProvisioned() throws Exception {
        HttpResponse<String> response = post("customers", customers(tag(), 3), CREDENTIALS, null);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("records").asLong()).isEqualTo(3);
        JsonNode report = report(answer.get("runId").asText());
        assertThat(report.get("state").asText()).isEqualTo("finished");
        assertThat(report.get("created").asLong()).isEqualTo(3);
    }

    @Test
    void aBadPushIsRefusedAtOnceAndRunReportsNeedThePushCredentials() throws Exception {
        HttpResponse<String> notJson = post("customers?wait=false", "id,name\n1,Ann\n", CREDENTIALS, null);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notJson.body()).get("error").asText()).contains("neither a JSON array");
        assertThat(post("invoices?wait=false", "[]", CREDENTIALS, null).statusCode())
                .isEqualTo(400);
        try (Stream<Path> kept = Files.list(SPOOL)) {
            assertThat(kept).as("refused bodies are not kept").isEmpty();
        }

        String runId = json.readTree(notJson.body()).get("runId").asText();
        assertThat(get("/api/runs/" + runId, CREDENTIALS).statusCode()).isEqualTo(200);
        assertThat(get("/api/runs/" + runId, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/runs/" + runId, "billing:wrong").statusCode()).isEqualTo(401);
        assertThat(get("/api/runs/no-such-run", CREDENTIALS).statusCode()).isEqualTo(404);
    }

    private JsonNode awaitFinished(String runId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> report(runId), report -> !"running"
                .equals(report.get("state").asText()));
    }

    private JsonNode report(String runId) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/runs/" + runId, CREDENTIALS);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String tag() {
        return "pa" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String customers(String tag, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format(
                        "{\"customer_id\": \"%s-C%d\","
                                + " \"username\": \"%su%d\", \"password\": \"Pw-%s-%d!x\", \"first_name\": \"Ann\","
                                + " \"last_name\": \"Lee\", \"email\": \"%su%d@example.com\"}",
                        tag, i, tag, i, tag, i, tag, i))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private HttpResponse<String> post(String pathAndQuery, String body, String credentials, String prefer)
            throws IOException, InterruptedException {
        return post(pathAndQuery, body, credentials, prefer, "application/json");
    }

    private HttpResponse<String> post(
            String pathAndQuery, String body, String credentials, String prefer, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/feeds/" + pathAndQuery))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        authorize(request, credentials);
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        authorize(request, credentials);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void authorize(HttpRequest.Builder request, String credentials) {
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
