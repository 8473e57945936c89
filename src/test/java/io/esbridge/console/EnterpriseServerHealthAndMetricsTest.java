package io.esbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.esbridge.client.Brand;

/**
 * Health and SOAP metrics against a stand-in Enterprise Server (a JDK HTTP server answering {@code UserExists}):
 * the health component is UP, probes within the cache period do not call the server again, and the call shows up
 * in Prometheus as a CXF client timer tagged with its operation.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.sandbox.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:console-health-${random.uuid};DB_CLOSE_DELAY=-1",
            "es.state.secret-key-file=target/test-secret.key",
            "es.server.brand=solidcp",
            "es.console.username=operator",
            "es.console.password=" + ConsoleTestSupport.CONSOLE_PASSWORD
        })
@AutoConfigureObservability(tracing = false)
class EnterpriseServerHealthAndMetricsTest {

    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final HttpServer SERVER = stubServer();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void serverUrl(DynamicPropertyRegistry registry) {
        registry.add(
                "es.server.url", () -> "http://localhost:" + SERVER.getAddress().getPort() + "/");
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop(0);
    }

    @Test
    void reachableServerIsUpAndItsCallsAreTimedByOperation() throws Exception {
        // The component alone, probed twice in a row: far inside its 30 s cache whatever the machine's load (the
        // whole health may take seconds to turn UP, see below, and a wait for it could outlast the cache).
        HttpResponse<String> component = get("/actuator/health/enterpriseServer");
        assertThat(component.statusCode()).isEqualTo(200);
        assertThat(component.body()).contains("\"status\":\"UP\"", "\"accountExists\":true");
        get("/actuator/health/enterpriseServer");
        assertThat(CALLS).as("probes within the cache period reuse the answer").hasValue(1);

        // Camel reports its inbox consumers DOWN until their first poll, a second or two after start.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> get("/actuator/health").statusCode() == 200);
        assertThat(get("/actuator/health").body()).contains("\"enterpriseServer\":{\"status\":\"UP\"");

        String prometheus = get("/actuator/prometheus").body();
        assertThat(prometheus).containsPattern("cxf_client_requests_seconds_count\\{[^}]*operation=\"UserExists\"");
        // the limit of calls in flight, a number once a call has built the client's ports (NaN before)
        assertThat(prometheus).containsPattern("(?m)^es_calls_in_flight_limit(\\{[^}]*\\})? [1-9][0-9]*\\.0$");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        String auth = Base64.getEncoder()
                .encodeToString(("operator:" + ConsoleTestSupport.CONSOLE_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + auth)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer stubServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (request.contains("UserExists")) {
                    CALLS.incrementAndGet();
                }
                byte[] answer = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope"
                                + " xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                                + "<UserExistsResponse xmlns=\"" + Brand.SOLIDCP.namespace() + "\">"
                                + "<UserExistsResult>true</UserExistsResult></UserExistsResponse></soap:Body></soap:Envelope>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
