package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.esbridge.client.Brand;
import io.esbridge.client.BrandChoice;
import io.esbridge.client.CallSlots;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsServerProperties;

/**
 * The sandbox playing a panel of a few workers, over HTTP: calls beyond them wait, the capacity changes while calls
 * run, and es-bridge's adaptive limit, told nothing, settles near it.
 */
class SandboxPanelCapacityTest extends SolidCpSandboxContext {

    private static final String NS = Brand.SOLIDCP.namespace();
    private static final String ADMIN = "Basic "
            + Base64.getEncoder().encodeToString("serveradmin:serveradmin".getBytes(StandardCharsets.US_ASCII));
    private static final Duration SAFETY_NET = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void callsBeyondTheCapacityWaitAndARaisedCapacityLetsThemIn() throws Exception {
        putFaults("{\"latencyMillis\": 3000, \"capacity\": 2}");
        assertThat(faults.settings().capacity()).isEqualTo(2);
        stats.reset();

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(http.sendAsync(userExists("serveradmin"), HttpResponse.BodyHandlers.ofString()));
        }
        // two calls are on the panel's two workers for 3 s; the four others wait
        await().atMost(SAFETY_NET).until(() -> stats.snapshot().panelQueue() == 4);

        putFaults("{\"latencyMillis\": 3000, \"capacity\": 6}");
        await().atMost(SAFETY_NET).until(() -> stats.snapshot().panelQueue() == 0);

        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> answer = call.get();
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("<UserExistsResult>true</UserExistsResult>");
        }
        SandboxStats.Snapshot snapshot = stats.snapshot();
        assertThat(snapshot.panelQueue()).isZero();
        assertThat(snapshot.meanPanelQueue())
                .as("four calls waited for a while")
                .isPositive();
        assertThat(snapshot.meanPanelQueue()).isLessThanOrEqualTo(4);
    }

    @Test
    void theAdaptiveLimitSettlesNearACapacityItIsNotTold() throws Exception {
        faults.set(FaultSettings.NONE.withLatency(20, 0).withCapacity(3, 0));
        EnterpriseServerClient adaptive = EnterpriseServerClient.create(new EsServerProperties(
                baseUrl(),
                "serveradmin",
                "serveradmin",
                BrandChoice.of(Brand.SOLIDCP),
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                64,
                null,
                null,
                "PKCS12"));
        int workers = 16;
        AtomicInteger left = new AtomicInteger(2400);
        AtomicInteger highestLate = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(CompletableFuture.runAsync(
                        () -> {
                            int remaining;
                            while ((remaining = left.decrementAndGet()) >= 0) {
                                adaptive.userExists("serveradmin");
                                if (remaining < 800) {
                                    if (remaining == 799) {
                                        stats.reset(); // the panel's queue over the last third of the calls
                                    }
                                    int limit = adaptive.callSlots()
                                            .map(CallSlots::limit)
                                            .orElseThrow();
                                    highestLate.accumulateAndGet(limit, Math::max);
                                }
                            }
                        },
                        pool));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }

        // 16 callers and a ceiling of 64, against 3 workers: the limit keeps a short queue, not 13 waiting calls
        CallSlots slots = adaptive.callSlots().orElseThrow();
        assertThat(slots.limit()).isBetween(3, 7);
        assertThat(highestLate.get()).isLessThanOrEqualTo(8);
        assertThat(stats.snapshot().meanPanelQueue()).isLessThanOrEqualTo(4);
        assertThat(slots.inFlight()).isZero();
    }

    private void putFaults(String json) throws Exception {
        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "sandbox/faults"))
                        .header("Authorization", ADMIN)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
    }

    private HttpRequest userExists(String username) {
        String envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<UserExists xmlns=\"" + NS + "\"><username>" + username + "</username></UserExists>"
                + "</soap:Body></soap:Envelope>";
        return HttpRequest.newBuilder(URI.create(baseUrl() + "esUsers.asmx"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + NS + "/UserExists\"")
                .header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build();
    }
}
