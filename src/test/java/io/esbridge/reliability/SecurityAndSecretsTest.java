package io.esbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.esbridge.feed.FileImporter;
import io.esbridge.feed.read.CsvFeedRows;
import io.esbridge.feed.read.SourcedRow;

/**
 * The push endpoint, the run console, the actuator and the replay API refuse anonymous callers; and no password of
 * this run (the panel's, the push's, the console's, every customer's of the imported feeds) appears in the log, in
 * the state store (reports, outcomes, dead letters) or in an answer.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.sandbox.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:security-${random.uuid};DB_CLOSE_DELAY=-1",
            "es.state.secret-key-file=target/reliability-secret.key",
            // its own sandbox database: in the shared one, serveradmin keeps the password of the first test to create
            // it
            "es.sandbox.datasource-url=jdbc:h2:mem:security-sandbox-${random.uuid};DB_CLOSE_DELAY=-1",
            "es.sandbox.admin-password=Sbx-Admin-Secret-2208",
            "es.server.password=Sbx-Admin-Secret-2208",
            "es.feeds.push.password=Push-Secret-7731",
            "es.console.password=Console-Secret-4419",
            "es.errors.max-redeliveries=1",
            "es.errors.redelivery-delay=10"
        })
class SecurityAndSecretsTest {

    static final List<String> CONFIGURED = List.of("Sbx-Admin-Secret-2208", "Push-Secret-7731", "Console-Secret-4419");

    @LocalServerPort
    int port;

    @Autowired
    FileImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anonymousCallersAreRefusedEverywhereButHealth() throws Exception {
        assertRefused(send("POST", "/api/feeds/customers", "[]", null));
        assertRefused(send("POST", "/api/feeds/customers", "[]", "feeds:wrong"));
        assertRefused(send("GET", "/console/runs", null, null));
        assertRefused(send("GET", "/console", null, null));
        assertRefused(send("GET", "/actuator/prometheus", null, null));
        assertRefused(send("GET", "/actuator/metrics", null, null));
        assertRefused(send("POST", "/api/replay", "{}", null));
        assertRefused(send("GET", "/api/runs/any-run", null, null));
        assertRefused(send("GET", "/sandbox/stats", null, null));
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", null, "admin:Console-Secret-4419")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void noSecretOfTheRunAppearsInTheLogTheStateStoreOrTheAnswers(CapturedOutput output) throws Exception {
        List<String> secrets = new ArrayList<>(CONFIGURED);
        Path customers = Path.of("samples/feeds/customers.csv");
        try (InputStream in = Files.newInputStream(customers);
                CsvFeedRows rows = new CsvFeedRows(in, StandardCharsets.UTF_8, "", "customers.csv", "customer_id")) {
            while (rows.hasNext()) {
                SourcedRow row = rows.next();
                String password = row.values().get("password");
                if (password != null && password.length() >= 6) {
                    secrets.add(password);
                }
            }
        }
        assertThat(secrets).hasSizeGreaterThan(100);
        secrets.addAll(List.of("Push-Customer-Pw-5521", "Push-Rejected-Pw-9931"));

        FileImporter.Result result = importer.importFile(customers, true);
        assertThat(result.runId()).isPresent();
        // once more: the adoption and "taken" paths, whose messages quote the server
        importer.importFile(customers, true);
        HttpResponse<String> push = send(
                "POST",
                "/api/feeds/customers",
                """
                [{"customer_id": "SEC1", "username": "secpush1", "password": "Push-Customer-Pw-5521",
                  "first_name": "Sec", "last_name": "Push", "email": "secpush1@example.com"},
                 {"customer_id": "SEC2", "username": "sec/push2", "password": "Push-Rejected-Pw-9931",
                  "first_name": "Sec", "last_name": "Push", "email": "not-an-address"}]
                """,
                "feeds:Push-Secret-7731");
        assertThat(push.statusCode()).isBetween(200, 299);
        HttpResponse<String> runs = send("GET", "/console/runs", null, "admin:Console-Secret-4419");
        assertThat(runs.statusCode()).isEqualTo(200);

        StringBuilder everything =
                new StringBuilder(output.getAll()).append(push.body()).append(runs.body());
        for (String table : jdbc.queryForList(
                "select table_name from information_schema.tables" + " where table_schema = 'PUBLIC'", String.class)) {
            for (Map<String, Object> row : jdbc.queryForList("select * from \"" + table + "\"")) {
                everything.append(row).append('\n');
            }
        }
        String text = everything.toString();
        assertThat(text).contains("customers.csv").contains("SEC2");
        for (String secret : secrets) {
            assertThat(text).as("a secret leaked").doesNotContain(secret);
        }
    }

    private static void assertRefused(HttpResponse<String> answer) {
        int status = answer.statusCode();
        boolean toLogin = status == 302
                && answer.headers().firstValue("Location").orElse("").contains("/login");
        assertThat(status == 401 || status == 403 || toLogin)
                .as("%s %s answered %d", answer.request().method(), answer.uri(), status)
                .isTrue();
    }

    private HttpResponse<String> send(String method, String path, String body, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
