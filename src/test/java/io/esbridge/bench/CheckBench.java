package io.esbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.esbridge.EsBridgeApplication;
import io.esbridge.check.CheckReport;
import io.esbridge.check.Grade;
import io.esbridge.check.PreflightCheck;
import io.esbridge.feed.FileImporter;
import io.esbridge.record.RecordType;
import io.esbridge.sandbox.SandboxStats;

/**
 * How long {@code es-bridge check} takes on a big input: writes {@code n} customers with one subscription each
 * ({@link BenchFeeds}, default 10,000), starts es-bridge as a one-shot command does, with its built-in sandbox (over
 * HTTP on its own port; state and sandbox in memory unless the arguments say otherwise), and checks the files twice
 * (cold, then warm), printing the wall time of each check, the records checked and the sandbox calls it made.
 * Start-up is not timed. Usage: {@code CheckBench [n] [populated] [--key=value…]} ({@code populated}: the customers are imported
 * before the checks, so that the target holds them); not a test (nothing here asserts a duration).
 */
public final class CheckBench {

    private CheckBench() {}

    public static void main(String[] args) throws Exception {
        long n = List.of(args).stream()
                .filter(arg -> arg.matches("\\d+"))
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(10_000);
        boolean populated = List.of(args).contains("populated");
        Path folder = Files.createTempDirectory("check-bench");
        String tag = "cb" + Long.toString(System.nanoTime() % 100_000, 36);
        BenchFeeds.customers(folder.resolve("customers-" + tag + ".csv"), tag, n);
        BenchFeeds.subscriptions(folder.resolve("subscriptions-" + tag + ".csv"), tag, n);
        List<Path> files =
                List.of(folder.resolve("customers-" + tag + ".csv"), folder.resolve("subscriptions-" + tag + ".csv"));

        List<String> all = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                all.add(arg);
            }
        }
        for (String[] d : new String[][] {
            {"server.port", "0"},
            {"es.sync.schedule-enabled", "false"},
            {"camel.main.routes-include-pattern", "classpath:es-bridge-one-shot-has-no-routes/*"},
            {"spring.datasource.url", "jdbc:h2:mem:check-bench;DB_CLOSE_DELAY=-1"},
            {"es.sandbox.datasource-url", "jdbc:h2:mem:check-bench-sandbox;DB_CLOSE_DELAY=-1"},
            {"logging.level.root", "WARN"}
        }) {
            if (all.stream().noneMatch(a -> a.startsWith("--" + d[0] + "="))) {
                all.add("--" + d[0] + "=" + d[1]);
            }
        }
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(EsBridgeApplication.class).run(all.toArray(String[]::new))) {
            if (populated) {
                // the customers imported first (not timed): the target then holds n users, all linked, as at a
                // second check after an import, and GetUsers brings all of them
                app.getBean(FileImporter.class).importFile(files.get(0), true);
            }
            PreflightCheck check = app.getBean(PreflightCheck.class);
            SandboxStats stats = app.getBeanProvider(SandboxStats.class).getIfAvailable();
            for (String round : List.of("cold", "warm")) {
                if (stats != null) {
                    stats.reset();
                }
                long t0 = System.nanoTime();
                CheckReport report = check.check(files);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        "CHECK %s: %d customers + %d subscriptions checked in %.2f s (%.0f records/s); errors=%d"
                                + " warnings=%d notes=%d; sandbox calls %s%n",
                        round,
                        report.records(RecordType.CUSTOMER),
                        report.records(RecordType.SUBSCRIPTION),
                        seconds,
                        (report.records(RecordType.CUSTOMER) + report.records(RecordType.SUBSCRIPTION)) / seconds,
                        report.count(Grade.ERROR),
                        report.count(Grade.WARNING),
                        report.count(Grade.NOTE),
                        stats == null
                                ? "(not this process's sandbox)"
                                : stats.snapshot().operations());
            }
        }
        System.exit(0);
    }
}
