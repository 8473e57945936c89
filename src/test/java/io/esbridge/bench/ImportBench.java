package io.esbridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.EsBridgeApplication;
import io.esbridge.feed.FileImporter;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;

/**
 * One benchmark scenario in its own JVM: starts es-bridge as the one-shot {@code import} command does, then for each
 * round imports its files (each as one run, in the order given) and prints one JSON line with wall time, calls the
 * sandbox counted, CPU time of this process and of the sandbox process, peak heap and resident memory. JVM and Spring
 * start-up are not timed; a second round measures the same process warm, as a long-running es-bridge is.
 *
 * <p>System properties: {@code bench.name}, {@code bench.files} (comma-separated; rounds separated
 * by {@code ;}, then one name per round in {@code bench.name}, also separated by {@code ;}), {@code bench.sandbox} (sandbox
 * base URL, for its stats; empty: none), {@code bench.sandboxPid} (for its CPU time), {@code bench.stubProvisioning}
 * (true: {@code direct:provision} only counts records — measures reading, mapping, validation and the file route
 * alone), {@code bench.out} (file the JSON line is appended to). Arguments: es-bridge settings ({@code --key=value}).
 */
public final class ImportBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportBench() {}

    public static void main(String[] args) throws Exception {
        List<String> names = List.of(System.getProperty("bench.name", "import").split(";"));
        List<String> rounds = List.of(System.getProperty("bench.files").split(";"));
        if (names.size() != rounds.size()) {
            throw new IllegalArgumentException("bench.name needs one name per round of bench.files");
        }
        String sandbox = System.getProperty("bench.sandbox", "");
        String sandboxPid = System.getProperty("bench.sandboxPid", "");
        boolean stub = Boolean.getBoolean("bench.stubProvisioning");

        List<String> all = new ArrayList<>(List.of(args));
        for (String[] d : new String[][] {
            {"server.port", "0"},
            {"es.sync.schedule-enabled", "false"},
            {"camel.main.routes-include-pattern", "classpath:es-bridge-one-shot-has-no-routes/*"},
            {"logging.level.root", "WARN"}
        }) {
            if (all.stream().noneMatch(a -> a.startsWith("--" + d[0] + "="))) {
                all.add("--" + d[0] + "=" + d[1]);
            }
        }
        ConfigurableApplicationContext app =
                new SpringApplicationBuilder(EsBridgeApplication.class).run(all.toArray(String[]::new));
        AtomicLong stubbed = new AtomicLong();
        if (stub) {
            CamelContext camel = app.getBean(CamelContext.class);
            AdviceWith.adviceWith(camel, "provision-intake", route -> route.weaveAddFirst()
                    .process(e -> stubbed.incrementAndGet())
                    .stop());
        }
        for (int i = 0; i < rounds.size(); i++) {
            List<Path> files =
                    List.of(rounds.get(i).split(",")).stream().map(Path::of).toList();
            stubbed.set(0);
            Map<String, Object> out = measure(app, files, sandbox, sandboxPid);
            out.put("name", names.get(i));
            out.put("stubbedRecords", stub ? stubbed.get() : null);
            String line = JSON.writeValueAsString(out);
            System.out.println("BENCH " + line);
            String target = System.getProperty("bench.out");
            if (target != null) {
                Files.writeString(
                        Path.of(target),
                        line + "\n",
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        }
        app.close();
        System.exit(0);
    }

    /** One round: imports the files (each as one run, in order) into the running es-bridge and measures it. */
    private static Map<String, Object> measure(
            ConfigurableApplicationContext app, List<Path> files, String sandbox, String sandboxPid)
            throws IOException, InterruptedException {
        FileImporter importer = app.getBean(FileImporter.class);
        RunStore runs = app.getBean(RunStore.class);

        Sampler sampler = new Sampler();
        sampler.start();
        if (!sandbox.isEmpty()) {
            admin(sandbox, "POST", "sandbox/stats/reset");
        }
        long sandboxCpu0 = cpuOf(sandboxPid);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long records = 0;
        long failed = 0;
        boolean identity = true;
        List<String> summaries = new ArrayList<>();
        for (Path file : files) {
            FileImporter.Result result = importer.importFile(file, true);
            if (result.runId().isEmpty()) {
                throw new IllegalStateException(file + " not imported: " + result.notImported());
            }
            RunReport report = runs.report(result.runId().get()).orElseThrow();
            records += report.in();
            failed += report.failed();
            identity &= report.identityHolds();
            summaries.add(report.summary());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = processCpuNanos() - cpu0;
        long sandboxCpu = sandboxPid.isEmpty() ? -1 : cpuOf(sandboxPid) - sandboxCpu0;
        sampler.interrupt();
        sampler.join();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", null);
        out.put("records", records);
        out.put("failed", failed);
        out.put("identityHolds", identity);
        out.put("seconds", round(seconds));
        out.put("recordsPerSecond", round(records / seconds));
        long calls = -1;
        if (!sandbox.isEmpty()) {
            JsonNode stats = JSON.readTree(admin(sandbox, "GET", "sandbox/stats"));
            calls = stats.get("total").asLong();
            out.put("operations", stats.get("operations"));
            out.put("sandboxOwnMillisPerCall", stats.get("ownMillisPerCall").asDouble());
        }
        out.put("calls", calls);
        out.put("callsPerSecond", calls < 0 ? null : round(calls / seconds));
        out.put("cpuMsPerRecord", round(cpu / 1e6 / records));
        out.put("sandboxCpuMsPerRecord", sandboxCpu < 0 ? null : round(sandboxCpu / 1e6 / records));
        out.put("peakHeapMB", peakHeapMb());
        out.put("sampledPeakHeapMB", sampler.peakHeap.get() >> 20);
        out.put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
        out.put("rssPeakMB", statusKb("VmHWM") >> 10);
        out.put("runs", summaries);
        return out;
    }

    /** Heap in use, sampled (after-GC pool peaks alone would understate a steady state). */
    private static final class Sampler extends Thread {
        final AtomicLong peakHeap = new AtomicLong();

        Sampler() {
            super("bench-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                long used =
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peakHeap.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .map(MemoryPoolMXBean::getPeakUsage)
                        .mapToLong(u -> u.getUsed())
                        .sum()
                >> 20;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime + stime of another process, in nanoseconds (Linux /proc; clock ticks of 100 Hz). */
    static long cpuOf(String pid) throws IOException {
        if (pid == null || pid.isEmpty()) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }

    private static long statusKb(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static String admin(String base, String method, String path) throws IOException, InterruptedException {
        String auth = "Basic "
                + Base64.getEncoder()
                        .encodeToString(System.getProperty("bench.adminCredentials", "serveradmin:serveradmin")
                                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base).resolve(path))
                .header("Authorization", auth)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(method + " " + path + ": HTTP " + answer.statusCode());
        }
        return answer.body();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
