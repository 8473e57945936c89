package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.esbridge.client.StatusIds;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserStatus;
import io.esbridge.run.RunReport;
import io.esbridge.sandbox.SandboxStats;

/**
 * The whole application with its sandbox Enterprise Server, a state store of its own and the sample billing
 * database (samples/billing-db) loaded into a database of its own; syncs are run as the schedule runs them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.sandbox.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:sync-state-${random.uuid};DB_CLOSE_DELAY=-1",
            "es.sandbox.datasource-url=jdbc:h2:mem:sync-sandbox-${random.uuid};DB_CLOSE_DELAY=-1",
            "es.sync.source.url=jdbc:h2:mem:sync-billing-${random.uuid};DB_CLOSE_DELAY=-1",
            "es.sync.schedule-enabled=false",
            "es.state.secret-key-file=target/test-secret.key",
            "es.console.password=" + SyncTestSupport.CONSOLE_PASSWORD,
            "es.errors.max-redeliveries=1",
            "es.errors.redelivery-delay=20"
        })
abstract class SyncTestSupport {

    static final String CONSOLE_PASSWORD = "sync-test-password";

    @Autowired
    SyncService sync;

    @Autowired
    SyncProperties properties;

    @Autowired
    SandboxStats sandbox;

    @Autowired
    JdbcTemplate state;

    SyncResult incremental() {
        return checked(sync.sync(SyncMode.INCREMENTAL, SyncTrigger.onDemand(SyncTrigger.Kind.COMMAND)));
    }

    SyncResult reconcile() {
        return checked(sync.sync(SyncMode.RECONCILE, SyncTrigger.onDemand(SyncTrigger.Kind.COMMAND)));
    }

    private static SyncResult checked(SyncResult result) {
        assertThat(result.problems()).isEmpty();
        result.phases()
                .forEach(r -> assertThat(r.identityHolds()).as(r.summary()).isTrue());
        return result;
    }

    /** The report of the phase of that name ({@code es.sync.phases}: customers, reseller-spaces, ..., addons). */
    static RunReport phase(SyncResult result, String name) {
        String suffix = " " + name + " (" + result.mode().name().toLowerCase(Locale.ROOT) + ")";
        return result.phases().stream()
                .filter(report -> report.sourceName().endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no phase " + name + " in " + result.summary()));
    }

    /** Changes the billing database as the billing system would. */
    void billing(String... statements) {
        SyncProperties.Source source = properties.source();
        try (Connection connection = DriverManager.getConnection(source.url(), source.username(), source.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long billingCount(String sql) {
        SyncProperties.Source source = properties.source();
        try (Connection connection = DriverManager.getConnection(source.url(), source.username(), source.password());
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> openDeadLetterKeys() {
        return state.queryForList(
                "select billing_key from es_dead_letter where resolved_at is null order by 1", String.class);
    }

    /** An active customer of the administrator, as an earlier sync created one of a client billing no longer has. */
    static UserInfo goneUser(String username) {
        UserInfo user = new UserInfo();
        user.setUsername(username);
        user.setOwnerId(1);
        user.setRoleId(3);
        user.setStatusId(StatusIds.id(UserStatus.ACTIVE));
        user.setFirstName("Gone");
        user.setLastName("Customer");
        user.setEmail(username + "@example.com");
        return user;
    }
}
