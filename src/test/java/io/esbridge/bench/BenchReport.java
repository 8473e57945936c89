package io.esbridge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON lines of the scenarios ({@code results.jsonl}) into the table printed and written to
 * {@code results.md}, and {@code results.json}. Usage: {@code BenchReport <folder> <latencyMs> <C>}.
 */
public final class BenchReport {

    private BenchReport() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        double latency = Double.parseDouble(args[1]);
        int c = Integer.parseInt(args[2]);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (String line : Files.readAllLines(folder.resolve("results.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                byName.put(node.get("name").asText(), node);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# es-bridge benchmarks\n\n")
                .append("Sandbox latency L = ")
                .append((long) latency)
                .append(" ms per call, C = ")
                .append(c)
                .append(" calls in flight; machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, ")
                .append(System.getProperty("os.name"))
                .append(", Java ")
                .append(System.getProperty("java.version"))
                .append(".\n\n");
        md.append(
                "| scenario | records | failed | seconds | records/s | calls | calls/s | vs. target | CPU ms/record (es-bridge / sandbox) | sandbox's own ms/call | peak heap MB (of max) | peak RSS MB |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|\n");
        double ideal = latency > 0 ? c * 1000.0 / latency : 0;
        JsonNode parallel = byName.get("1-throughput");
        JsonNode sequential = byName.get("2-sequential");
        List<String> notes = new ArrayList<>();
        for (JsonNode n : byName.values()) {
            String name = n.get("name").asText();
            String target = "";
            if (name.startsWith("1-throughput") && ideal > 0) {
                double ratio = n.get("callsPerSecond").asDouble() / ideal;
                target = String.format("%.2f of ideal C/L = %.0f calls/s (target ≥ 0.90)", ratio, ideal);
                ((ObjectNode) n).put("ratioToIdeal", ratio);
            } else if (name.equals("2-sequential") && parallel != null) {
                double speedUp = parallel.get("callsPerSecond").asDouble()
                        / n.get("callsPerSecond").asDouble();
                target = String.format("speed-up of 1 = %.1f× (target ≥ %.1f×)", speedUp, 0.9 * c);
                ((ObjectNode) n).put("speedUp", speedUp);
            }
            md.append("| ")
                    .append(name)
                    .append(" | ")
                    .append(n.get("records").asLong())
                    .append(" | ")
                    .append(n.get("failed").asLong())
                    .append(" | ")
                    .append(n.get("seconds").asDouble())
                    .append(" | ")
                    .append(n.get("recordsPerSecond").asDouble())
                    .append(" | ")
                    .append(n.get("calls").asLong() < 0 ? "–" : n.get("calls").asText())
                    .append(" | ")
                    .append(
                            n.get("callsPerSecond").isNull()
                                    ? "–"
                                    : n.get("callsPerSecond").asText())
                    .append(" | ")
                    .append(target)
                    .append(" | ")
                    .append(n.get("cpuMsPerRecord").asText())
                    .append(" / ")
                    .append(
                            n.get("sandboxCpuMsPerRecord").isNull()
                                    ? "–"
                                    : n.get("sandboxCpuMsPerRecord").asText())
                    .append(" | ")
                    .append(
                            n.hasNonNull("sandboxOwnMillisPerCall")
                                    ? n.get("sandboxOwnMillisPerCall").asText()
                                    : "–")
                    .append(" | ")
                    .append(n.get("sampledPeakHeapMB").asLong())
                    .append(" (")
                    .append(n.get("maxHeapMB").asLong())
                    .append(") | ")
                    .append(n.get("rssPeakMB").asLong())
                    .append(" |\n");
            if (!n.get("identityHolds").asBoolean() && n.get("stubbedRecords").isNull()) {
                notes.add(name + ": REPORT IDENTITY BROKEN");
            }
        }
        md.append("\nThe memory scenarios (4) run the file route, CSV reader, mapping and validation of es-bridge with"
                + " direct:provision replaced by a counter (provisioning stubbed), so their reports carry no outcomes;"
                + " heap is sampled every 100 ms, RSS is the process's VmHWM. The sandbox's own ms/call is its time per"
                + " answered call without the injected latency (receiving, working, answering), which a call holds its"
                + " slot for on top of L.\n");
        if (byName.containsKey("1-throughput-warm-jvm")) {
            md.append("\n1-throughput-warm-jvm is a second import of as many new customers in the JVM of 1-throughput,"
                    + " once it is warm (JIT-compiled), as a long-running es-bridge is after its first import;"
                    + " 1-throughput is the first, as the one-shot import command runs.\n");
        }
        md.append("\nRuns: ");
        byName.values().forEach(n -> n.get("runs").forEach(r -> md.append("\n- ")
                .append(n.get("name").asText())
                .append(": ")
                .append(r.asText())));
        md.append("\n");
        notes.forEach(note -> md.append("\n**").append(note).append("**\n"));
        if (sequential != null && parallel != null) {
            md.append(
                    "\nSequential = es.server.max-in-flight=1, es.provisioning.workers=1 (one call at a time, like the"
                            + " billing modules); speed-up compares calls/s.\n");
        }
        Files.writeString(folder.resolve("results.md"), md, StandardCharsets.UTF_8);
        Files.writeString(
                folder.resolve("results.json"), json.writeValueAsString(byName.values()), StandardCharsets.UTF_8);
        System.out.print(md);
    }
}
