package io.esbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.esbridge.errors.ErrorChannelRoutes;
import io.esbridge.record.RecordType;
import io.esbridge.record.RejectedRecord;
import io.esbridge.record.SourceRef;

/**
 * Who gets in where, over plain HTTP: the console, the actuator, the replay API; and no secret comes out. The paths
 * with their own authentication need the sandbox on: {@link PathsWithTheirOwnAuthenticationTest}.
 */
class ConsoleSecurityTest extends ConsoleTestSupport {

    @Autowired
    ProducerTemplate producer;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anonymousBrowserIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> runs = get("/console/runs", null, "text/html");
        assertThat(runs.statusCode()).isEqualTo(302);
        assertThat(runs.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> login = get("/login", null, "text/html");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"");
    }

    @Test
    void consoleAcceptsHttpBasicAndRefusesAWrongPassword() throws Exception {
        assertThat(get("/console/runs", basic(USERNAME, CONSOLE_PASSWORD), "text/html")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/console/runs", basic(USERNAME, "wrong"), "text/html").statusCode())
                .isEqualTo(401);
    }

    @Test
    void actuatorNeedsTheConsoleAccountExceptForHealth() throws Exception {
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> anonymousHealth = get("/actuator/health", null, null);
        assertThat(anonymousHealth.body()).contains("\"status\"").doesNotContain("enterpriseServer");

        HttpResponse<String> health = get("/actuator/health", basic(USERNAME, CONSOLE_PASSWORD), null);
        // No Enterprise Server in this test (sandbox off, no URL): it is DOWN, and so is the whole (503).
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body())
                .contains(
                        "\"enterpriseServer\":{\"status\":\"DOWN\"",
                        "\"errorKind\"",
                        "es.server.url is empty",
                        "\"db\":{\"status\":\"UP\"");
    }

    @Test
    void prometheusShowsTheStateStoreGaugesAndRouteTimers() throws Exception {
        String runId = runWithFailures();
        producer.sendBody(
                ErrorChannelRoutes.REJECTED,
                new RejectedRecord(
                        runId,
                        SourceRef.fileLine("customers-2026-11-26.csv", 7),
                        RecordType.CUSTOMER,
                        "C-7",
                        "Email",
                        "x",
                        "is not an e-mail address",
                        Map.of("id", "C-7")));

        HttpResponse<String> prometheus = get("/actuator/prometheus", basic(USERNAME, CONSOLE_PASSWORD), null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains(
                        "es_records{application=\"es-bridge\",outcome=\"failed\"}",
                        "es_dead_letters_open{",
                        "es_provisioning_paused{")
                .containsPattern(
                        "es_route_exchanges_seconds_count\\{[^}]*outcome=\"completed\",route=\"record-rejected\"");
    }

    @Test
    void noSecretLeavesThroughTheActuatorOrTheConfigurationPage() throws Exception {
        String auth = basic(USERNAME, CONSOLE_PASSWORD);
        for (String path : List.of(
                "/actuator",
                "/actuator/health",
                "/actuator/info",
                "/actuator/prometheus",
                "/actuator/metrics",
                "/actuator/metrics/es.records",
                "/console/config")) {
            HttpResponse<String> response = get(path, auth, null);
            assertThat(response.statusCode()).as(path).isIn(200, 503);
            assertThat(response.body()).as(path).doesNotContain(SERVER_PASSWORD).doesNotContain(CONSOLE_PASSWORD);
        }
        for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump")) {
            assertThat(get(path, auth, null).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get("/console/config", auth, null).body()).contains("es.server.password", "******");
    }

    @Test
    void replayApiTakesHttpBasicWithoutACsrfToken() throws Exception {
        String runId = runWithFailures();
        assertThat(post("/api/replay", null, "{\"all\":true}").statusCode()).isEqualTo(401);
        assertThat(post("/api/replay", basic(USERNAME, CONSOLE_PASSWORD), "{}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> replay =
                post("/api/replay", basic(USERNAME, CONSOLE_PASSWORD), "{\"runId\":\"" + runId + "\"}");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"notReplayed\"", "fix it in the rejects file");
    }

    @Test
    void consoleFormsNeedTheirCsrfToken() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url("/console/dead-letters/replay")))
                        .header("Authorization", basic(USERNAME, CONSOLE_PASSWORD))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("all=true"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String authorization, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String authorization, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
