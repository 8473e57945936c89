package io.esbridge.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.esbridge.client.Brand;
import io.esbridge.client.BrandChoice;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsServerProperties;

/**
 * Scenario 7 (issue 17): es-bridge's limit of calls in flight against a panel whose capacity it is not told. The
 * sandbox plays a panel of c workers at L = 50 ms (calls beyond c wait); for c = 4, 12, 32 the client runs with the
 * adaptive limit (its defaults) and with fixed limits 4, 8, 16, 64, each case with more callers than any limit. Then
 * the panel's capacity drops from 12 to 4 and comes back mid-run, and at L = 0 es-bridge's CPU per call is set
 * against a raw HTTP client posting the same pre-rendered requests. Usage: {@code PanelCapacityBench <sandbox URL>
 * <out folder>}; the durations (seconds) by system property: bench.warmFixed (3), bench.warmAdaptive (24),
 * bench.measure (8), bench.cpuCalls (20000).
 */
public final class PanelCapacityBench {

    private static final long L = 50;
    private static final int[] CAPACITIES = {4, 12, 32};
    private static final int[] FIXED = {4, 8, 16, 64};
    private static final int CALLERS = 96;
    private static final int CPU_CONCURRENCY = 16;

    private final String url;
    private final SandboxAdmin admin;
    private final long warmFixed = Long.getLong("bench.warmFixed", 3);
    private final long warmAdaptive = Long.getLong("bench.warmAdaptive", 24);
    private final long measure = Long.getLong("bench.measure", 8);
    private final int cpuCalls = Integer.getInteger("bench.cpuCalls", 20000);
    private final List<String> lines = new ArrayList<>();

    /** One case's figures; {@code limit} 0 is the adaptive limit. */
    record Case(
            int capacity,
            int limit,
            double callsPerSecond,
            double p50,
            double p99,
            double meanQueue,
            int limitAtEnd,
            long failed) {
        boolean adaptive() {
            return limit == 0;
        }
    }

    private PanelCapacityBench(String url) {
        this.url = url;
        this.admin = new SandboxAdmin(url);
    }

    public static void main(String[] args) throws Exception {
        // a keep-alive pool for the largest limit, for es-bridge and the raw client alike (set before any client)
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "256");
        }
        PanelCapacityBench bench = new PanelCapacityBench(args[0]);
        bench.run(Path.of(args[1]));
        System.exit(0);
    }

    private void run(Path out) throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int capacity : CAPACITIES) {
            cases.add(runCase(capacity, 0));
            for (int fixed : FIXED) {
                cases.add(runCase(capacity, fixed));
            }
        }
        table(cases);
        drop();
        cpu();
        admin.panel(0, 0);
        Files.createDirectories(out);
        Files.writeString(out.resolve("panel-capacity.md"), String.join("\n", lines) + "\n");
    }

    private EnterpriseServerClient client(int limit) {
        EsServerProperties defaults = new EsServerProperties(
                url,
                "serveradmin",
                "serveradmin",
                BrandChoice.of(Brand.SOLIDCP),
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                64,
                null,
                null,
                "PKCS12");
        // the adaptive case runs with the defaults (ceiling 64, start 1); a fixed case is es-bridge as before
        return EnterpriseServerClient.create(
                limit == 0 ? defaults : defaults.withInFlight(limit, new EsServerProperties.InFlight(false, 1)));
    }

    private Case runCase(int capacity, int limit) throws Exception {
        admin.panel(L, capacity);
        PanelLoad load = new PanelLoad(client(limit), CALLERS);
        Thread.sleep((limit == 0 ? warmAdaptive : warmFixed) * 1000);
        admin.resetStats();
        load.record(true);
        long from = load.answered();
        long began = System.nanoTime();
        Thread.sleep(measure * 1000);
        long calls = load.answered() - from;
        double seconds = (System.nanoTime() - began) / 1e9;
        double meanQueue = admin.stats().path("meanPanelQueue").asDouble();
        load.record(false);
        int limitAtEnd = load.limit();
        load.stop();
        double[] wire = load.wireMillisSorted();
        Case result = new Case(
                capacity,
                limit,
                calls / seconds,
                PanelLoad.percentile(wire, 0.50),
                PanelLoad.percentile(wire, 0.99),
                meanQueue,
                limitAtEnd,
                load.failed());
        System.err.printf(
                Locale.ROOT,
                "7-panel-capacity c=%d %s: %.1f calls/s, p50 %.1f ms, p99 %.1f ms, queue %.2f, limit %d, failed %d%n",
                capacity,
                limit == 0 ? "adaptive" : "fixed " + limit,
                result.callsPerSecond(),
                result.p50(),
                result.p99(),
                meanQueue,
                limitAtEnd,
                result.failed());
        return result;
    }

    private void table(List<Case> cases) {
        lines.add("| panel capacity c (L = 50 ms) | limit of calls in flight | calls/s | p50 ms | p99 ms"
                + " | mean panel queue | adaptive vs. best fixed (targets ≥ 0.90 × calls/s, ≤ 1.5 × p99) |");
        lines.add("|---:|---|---:|---:|---:|---:|---|");
        for (int capacity : CAPACITIES) {
            List<Case> fixed = cases.stream()
                    .filter(c -> c.capacity() == capacity && !c.adaptive())
                    .toList();
            double top = fixed.stream().mapToDouble(Case::callsPerSecond).max().orElseThrow();
            // the best fixed limit: the highest throughput; among those within 2 % of it, the lowest p99
            Case best = fixed.stream()
                    .filter(c -> c.callsPerSecond() >= 0.98 * top)
                    .min((a, b) -> Double.compare(a.p99(), b.p99()))
                    .orElseThrow();
            for (Case c : cases.stream().filter(c -> c.capacity() == capacity).toList()) {
                String verdict = "";
                if (c.adaptive()) {
                    double throughput = c.callsPerSecond() / best.callsPerSecond();
                    double p99 = c.p99() / best.p99();
                    verdict = String.format(
                            Locale.ROOT,
                            "**%.2f** × calls/s, **%.2f** × p99 of fixed %d (%s)",
                            throughput,
                            p99,
                            best.limit(),
                            throughput >= 0.9 && p99 <= 1.5 ? "met" : "NOT met");
                } else if (c == best) {
                    verdict = "best fixed";
                }
                lines.add(String.format(
                        Locale.ROOT,
                        "| %d | %s | %.0f | %.1f | %.1f | %.2f | %s |",
                        c.capacity(),
                        c.adaptive() ? "adaptive (defaults; " + c.limitAtEnd() + " at the end)" : "fixed " + c.limit(),
                        c.callsPerSecond(),
                        c.p50(),
                        c.p99(),
                        c.meanQueue(),
                        verdict + (c.failed() > 0 ? " (" + c.failed() + " calls failed)" : "")));
            }
        }
        lines.forEach(System.out::println);
    }

    /** The capacity drops from 12 to 4 mid-run and comes back: how fast the queue empties and throughput returns. */
    private void drop() throws Exception {
        admin.panel(L, 12);
        PanelLoad load = new PanelLoad(client(0), CALLERS);
        Thread.sleep(warmAdaptive * 1000);
        int ticks = (10 + 15 + 15) * 10;
        double[] queue = new double[ticks];
        int[] limit = new int[ticks];
        long[] at = new long[ticks];
        long dropAt = 0;
        long backAt = 0;
        long next = System.nanoTime();
        for (int t = 0; t < ticks; t++) {
            if (t == 100) {
                admin.panel(L, 4);
                dropAt = load.nanosSinceStart();
            } else if (t == 250) {
                admin.panel(L, 12);
                backAt = load.nanosSinceStart();
            }
            at[t] = load.nanosSinceStart();
            queue[t] = admin.stats().path("panelQueue").asDouble();
            limit[t] = load.limit();
            next += PanelLoad.TICK_NANOS;
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        load.stop();
        double baseline = load.answeredBetween(dropAt - 10_000_000_000L, dropAt) / 10.0;
        // the queue over 1 s (10 polls): from its peak after the drop, the first second averaging under 4
        int peak = 100;
        for (int t = 100; t < 250; t++) {
            if (queue[t] > queue[peak]) {
                peak = t;
            }
        }
        double queueSettled = Double.NaN;
        for (int t = peak; t + 10 <= 250; t++) {
            double mean = 0;
            for (int i = t; i < t + 10; i++) {
                mean += queue[i] / 10;
            }
            if (mean < 4) {
                queueSettled = (at[t + 9] - dropAt) / 1e9;
                break;
            }
        }
        double recovered = Double.NaN;
        for (long from = backAt; from + 1_000_000_000L <= at[ticks - 1]; from += PanelLoad.TICK_NANOS) {
            if (load.answeredBetween(from, from + 1_000_000_000L) >= 0.9 * baseline) {
                recovered = (from + 1_000_000_000L - backAt) / 1e9;
                break;
            }
        }
        int lowest = Integer.MAX_VALUE;
        for (int t = 100; t < 250; t++) {
            lowest = Math.min(lowest, limit[t]);
        }
        lines.add("");
        lines.add(String.format(
                Locale.ROOT,
                "Capacity 12 → 4 → 12 (adaptive, defaults): %.0f calls/s before; panel queue peaked at %.0f and fell"
                        + " under 4 (1 s mean) %.1f s after the drop (target ≤ 10 s); throughput back to 0.9 × %.0f"
                        + " calls/s %.1f s after the capacity came back (target ≤ 10 s); limit %d before, %d lowest,"
                        + " %d at the end.",
                baseline,
                queue[peak],
                queueSettled,
                baseline,
                recovered,
                limit[99],
                lowest,
                limit[ticks - 1]));
        System.out.println(lines.get(lines.size() - 1));
    }

    /** es-bridge's CPU per call against a raw client's, same calls and concurrency, L = 0, no capacity. */
    private void cpu() throws Exception {
        admin.panel(0, 0);
        EnterpriseServerClient client = client(CPU_CONCURRENCY);
        RawSoapClient raw = new RawSoapClient(url, Brand.SOLIDCP, "serveradmin");
        Runnable bridgeCall = () -> client.userExists("serveradmin");
        Runnable rawCall = () -> {
            if (raw.call() != 200) {
                throw new IllegalStateException("the raw client's call was not answered 200");
            }
        };
        calls(bridgeCall, cpuCalls / 4);
        calls(rawCall, cpuCalls / 4);
        double bridge = calls(bridgeCall, cpuCalls);
        double floor = calls(rawCall, cpuCalls);
        lines.add("");
        lines.add(String.format(
                Locale.ROOT,
                "Own cost at L = 0 (%d UserExists calls, %d at once): es-bridge %.3f ms CPU per call, a raw"
                        + " HttpURLConnection client posting the pre-rendered request %.3f ms: **%.2f×** (target ≤ 3×).",
                cpuCalls,
                CPU_CONCURRENCY,
                bridge,
                floor,
                bridge / floor));
        System.out.println(lines.get(lines.size() - 1));
    }

    /** Makes {@code count} calls on {@link #CPU_CONCURRENCY} threads; returns this process's CPU ms per call. */
    private static double calls(Runnable call, int count) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicInteger left = new AtomicInteger(count);
        List<Thread> threads = new ArrayList<>();
        long cpu = os.getProcessCpuTime();
        for (int i = 0; i < CPU_CONCURRENCY; i++) {
            Thread thread = new Thread(() -> {
                while (left.decrementAndGet() >= 0) {
                    call.run();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return (os.getProcessCpuTime() - cpu) / 1e6 / count;
    }
}
