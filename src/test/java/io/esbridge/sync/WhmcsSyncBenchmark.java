package io.esbridge.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.esbridge.EsBridgeApplication;
import io.esbridge.run.RunReport;
import io.esbridge.sandbox.SandboxStats;

/**
 * The WHMCS benchmark (a command that prints figures, not a timed test): the WHMCS profile, per-customer layout,
 * on a WHMCS database that scripts/bench/whmcs-sync.sh generated and loaded into MariaDB (default 100,000 clients,
 * 150,000 services). After the initial sync, 1 % of the clients and of the services change the way WHMCS's legacy
 * paths change them (updated_at untouched), and the nightly full read and diff (RECONCILE) runs: prints its rows/s,
 * its unchanged rows/s and the SOAP calls, which should be the changed rows' only.
 * Arguments: the JDBC URL of the loaded database, its user, its password.
 */
public final class WhmcsSyncBenchmark {

    private WhmcsSyncBenchmark() {}

    public static void main(String[] args) throws SQLException {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EsBridgeApplication.class)
                .run(
                        "--spring.profiles.active=whmcs",
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:bench-state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--es.sandbox.enabled=true",
                        "--es.sandbox.datasource-url=jdbc:h2:mem:bench-sandbox-" + UUID.randomUUID()
                                + ";DB_CLOSE_DELAY=-1",
                        "--es.state.secret-key-file=target/test-secret.key",
                        "--es.console.password=benchmark",
                        "--es.sync.schedule-enabled=false",
                        "--camel.main.routes-include-pattern=classpath:es-bridge-benchmark-has-no-routes/*",
                        "--es.sync.source.url=" + url,
                        "--es.sync.source.username=" + user,
                        "--es.sync.source.password=" + password,
                        "--logging.level.io.esbridge=WARN",
                        "--logging.level.org.apache.cxf=ERROR")) {
            SyncService sync = app.getBean(SyncService.class);
            SandboxStats stats = app.getBean(SandboxStats.class);

            long start = System.nanoTime();
            SyncResult first = sync.sync(SyncMode.RECONCILE, SyncTrigger.onDemand(SyncTrigger.Kind.COMMAND));
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = first.phases().stream().mapToLong(RunReport::in).sum();
            System.out.printf(
                    "initial sync: %d rows in %.1f s (%.0f rows/s), %d SOAP calls%n",
                    rows, seconds, rows / seconds, stats.total());
            first.phases().forEach(r -> System.out.println("  " + r.summary()));

            long changed = change(url, user, password);
            stats.reset();
            start = System.nanoTime();
            SyncResult nightly = sync.sync(SyncMode.RECONCILE, SyncTrigger.onDemand(SyncTrigger.Kind.COMMAND));
            seconds = (System.nanoTime() - start) / 1e9;
            rows = nightly.phases().stream().mapToLong(RunReport::in).sum();
            long unchanged =
                    nightly.phases().stream().mapToLong(RunReport::unchanged).sum();
            System.out.printf(
                    "nightly full read and diff: %d rows (%d changed in WHMCS, updated_at untouched) in %.1f s:"
                            + " %.0f rows/s, %.0f unchanged rows/s, %d SOAP calls %s%n",
                    rows,
                    changed,
                    seconds,
                    rows / seconds,
                    unchanged / seconds,
                    stats.total(),
                    stats.snapshot().operations());
            nightly.phases().forEach(r -> System.out.println("  " + r.summary()));
        }
    }

    /** 1 % of the clients (phone) and of the services (domain) change, as WHMCS's legacy paths do: undated. */
    private static long change(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            return statement.executeUpdate(
                            "update tblclients set phonenumber = concat(phonenumber, '0') where id % 100 = 0")
                    + statement.executeUpdate(
                            "update tblhosting set domain = concat('new-', domain) where id % 100 = 0");
        }
    }
}
