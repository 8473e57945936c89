package io.esbridge.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.esbridge.EsBridgeApplication;
import io.esbridge.sandbox.SandboxStats;

/**
 * The delta-sync benchmark (a command that prints figures, not a timed test): a billing database of N clients
 * (default 100,000) is brought in once, then 1% of them change and a reconciliation reads every row again. Prints the
 * wall time, the rows per second and the SOAP calls of that sync, which should be the changed rows' calls only.
 * Run {@code scripts/bench/delta-sync.sh [clients]}.
 */
public final class DeltaSyncBenchmark {

    private DeltaSyncBenchmark() {}

    public static void main(String[] args) throws SQLException {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int changed = Math.max(1, clients / 100);
        String billing = "jdbc:h2:mem:bench-billing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EsBridgeApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:bench-state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--es.sandbox.datasource-url=jdbc:h2:mem:bench-sandbox-" + UUID.randomUUID()
                                + ";DB_CLOSE_DELAY=-1",
                        "--es.state.secret-key-file=target/test-secret.key",
                        "--es.console.password=benchmark",
                        "--es.sync.schedule-enabled=false",
                        "--camel.main.routes-include-pattern=classpath:es-bridge-benchmark-has-no-routes/*",
                        "--es.sync.source.url=" + billing,
                        "--es.sync.source.init-scripts=samples/billing-db/schema.sql",
                        "--es.sync.phases[0].name=customers",
                        "--es.sync.phases[0].query=config/sync/customers.sql",
                        "--es.sync.phases[0].mapping=billing-db-customers",
                        "--es.sync.phases[0].table=clients",
                        "--logging.level.io.esbridge=WARN",
                        "--logging.level.org.apache.cxf=ERROR")) {
            SyncService sync = app.getBean(SyncService.class);
            SandboxStats stats = app.getBean(SandboxStats.class);
            // the billing database is opened (and its schema loaded) by the first sync; the rows must be there before
            app.getBean(BillingSource.class).open();
            fill(billing, clients);

            long start = System.nanoTime();
            SyncResult first = sync.sync(SyncMode.INCREMENTAL, SyncTrigger.onDemand(SyncTrigger.Kind.COMMAND));
            double firstSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "initial load: %d rows in %.1f s (%.0f rows/s), %d SOAP calls%n",
                    first.phases().get(0).in(),
                    firstSeconds,
                    first.phases().get(0).in() / firstSeconds,
                    stats.total());

            change(billing, clients, changed);
            stats.reset();
            start = System.nanoTime();
            SyncResult delta = sync.sync(SyncMode.RECONCILE, SyncTrigger.onDemand(SyncTrigger.Kind.COMMAND));
            double seconds = (System.nanoTime() - start) / 1e9;
            var report = delta.phases().get(0);
            System.out.printf(
                    "delta sync (reconcile): %d rows, %d changed -> updated=%d unchanged=%d failed=%d%n",
                    report.in(), changed, report.updated(), report.unchanged(), report.failed());
            System.out.printf(
                    "  wall %.1f s, %.0f rows/s, %d SOAP calls %s%n",
                    seconds,
                    report.in() / seconds,
                    stats.total(),
                    stats.snapshot().operations());

            change(billing, clients, changed);
            stats.reset();
            start = System.nanoTime();
            delta = sync.sync(SyncMode.INCREMENTAL, SyncTrigger.onDemand(SyncTrigger.Kind.COMMAND));
            seconds = (System.nanoTime() - start) / 1e9;
            report = delta.phases().get(0);
            System.out.printf(
                    "delta sync (incremental): %d rows read, updated=%d; wall %.2f s, %d SOAP calls%n",
                    report.in(), report.updated(), seconds, stats.total());
        }
    }

    private static void fill(String url, int clients) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = connection.prepareStatement("insert into clients (client_id, username,"
                        + " password, first_name, last_name, email, city, country, status, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, 'Berlin', 'DE', 'active', ?, ?)")) {
            Timestamp created = Timestamp.valueOf(LocalDateTime.of(2020, 1, 1, 0, 0));
            for (int i = 1; i <= clients; i++) {
                int id = 1_000_000 + i;
                insert.setInt(1, id);
                insert.setString(2, "bench" + id);
                insert.setString(3, "Pw-" + id + "-secret");
                insert.setString(4, "First" + i);
                insert.setString(5, "Last" + i);
                insert.setString(6, "bench" + id + "@example.com");
                insert.setTimestamp(7, created);
                insert.setTimestamp(
                        8, Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(i)));
                insert.addBatch();
                if (i % 5000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Changes the e-mail of every hundredth client, with a newer updated_at. */
    private static void change(String url, int clients, int changed) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("update clients set email = 'changed' || cast(client_id as varchar) || '-'"
                    + " || cast(extract(epoch from current_timestamp) as varchar) || '@example.com',"
                    + " updated_at = current_timestamp where mod(client_id, " + (clients / changed) + ") = 0");
        }
    }
}
