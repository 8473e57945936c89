package io.esbridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sandbox's admin endpoints ({@code /sandbox/faults}, {@code /sandbox/stats}), as a benchmark drives them. */
final class SandboxAdmin {

    static final String ADMIN = "Basic "
            + Base64.getEncoder().encodeToString("serveradmin:serveradmin".getBytes(StandardCharsets.US_ASCII));

    private final String base;
    private final ObjectMapper json = new ObjectMapper();

    SandboxAdmin(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    /** Sets a panel of {@code capacity} workers (0: unbounded) with latency {@code latencyMillis}. */
    void panel(long latencyMillis, int capacity) {
        send("PUT", "sandbox/faults", "{\"latencyMillis\": " + latencyMillis + ", \"capacity\": " + capacity + "}");
    }

    void resetStats() {
        send("POST", "sandbox/stats/reset", null);
    }

    JsonNode stats() {
        try {
            return json.readTree(send("GET", "sandbox/stats", null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String send(String method, String path, String body) {
        try {
            HttpURLConnection http =
                    (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            http.setRequestMethod(method);
            http.setRequestProperty("Authorization", ADMIN);
            if (body != null) {
                http.setDoOutput(true);
                http.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = http.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (http.getResponseCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered HTTP " + http.getResponseCode());
            }
            try (InputStream in = http.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }
}
