package io.esbridge.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import io.esbridge.client.Brand;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsServerProperties;
import io.esbridge.client.EsTransientException;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;
import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.deadletter.ReplayService;
import io.esbridge.feed.FileImporter;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;
import io.esbridge.sandbox.SandboxFaults;
import io.esbridge.sandbox.SandboxStats;

/**
 * The error channel against the sandbox over real HTTP: one application context for every test of this package
 * (short backoffs, a small circuit breaker, a client timeout of one second, a known es.server password), files
 * imported as the one-shot import command does (through {@code direct:feed-file}), faults injected in the sandbox.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.sandbox.enabled=true",
            "es.server.url=",
            "es.server.brand=solidcp",
            "es.sandbox.brand=solidcp",
            "es.server.password=" + ErrorChannelTestSupport.ADMIN_PASSWORD,
            "es.sandbox.admin-password=" + ErrorChannelTestSupport.ADMIN_PASSWORD,
            "es.server.receive-timeout=1s",
            "es.sandbox.datasource-url=jdbc:h2:mem:sandbox-errors;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=jdbc:h2:mem:state-errors;DB_CLOSE_DELAY=-1",
            "es.state.secret-key-file=target/errors-test/secret.key",
            "es.feeds.inbox=target/errors-test/inbox",
            "es.errors.redelivery-delay=50",
            "es.errors.max-redelivery-delay=400",
            "es.errors.max-redeliveries=60",
            "es.errors.paused-retry-delay=200",
            "es.errors.circuit-breaker.minimum-number-of-calls=4",
            "es.errors.circuit-breaker.sliding-window-size=8",
            "es.errors.circuit-breaker.wait-in-open=500ms",
            "es.errors.circuit-breaker.permitted-calls-in-half-open=2"
        })
abstract class ErrorChannelTestSupport {

    static final String ADMIN_PASSWORD = "Adm1n-Pa55-es-bridge";
    static final String CUSTOMERS_HEADER = "customer_id,username,password,first_name,last_name,email,status";

    @Autowired
    EnterpriseServerClient client;

    @Autowired
    SandboxFaults faults;

    @Autowired
    SandboxStats stats;

    @Autowired
    FileImporter importer;

    @Autowired
    RunStore runs;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReplayService replays;

    @Autowired
    ProvisioningPause pause;

    @Autowired
    CircuitBreaker circuitBreaker;

    @LocalServerPort
    int port;

    Path folder;

    @BeforeEach
    void freshFolder() throws IOException {
        folder = Files.createDirectories(
                Path.of("target/errors-test", UUID.randomUUID().toString()));
        faults.clear();
        circuitBreaker.reset();
    }

    @AfterEach
    void noFaultsForTheNextTest() {
        faults.clear();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A CSV file in this test's folder. */
    Path write(String name, String header, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        return Files.write(folder.resolve(name), lines, StandardCharsets.UTF_8);
    }

    /** Customer rows: key, username, password, names, e-mail, active. */
    static List<String> customers(String prefix, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(customerRow(prefix + "-C" + i, prefix + "u" + i, password(prefix, i)));
        }
        return rows;
    }

    static String customerRow(String key, String username, String password) {
        return key + "," + username + "," + password + ",Ann,Lee," + username + "@example.com,active";
    }

    static String password(String prefix, int i) {
        return "Pw-" + prefix + "-" + i + "!x";
    }

    /** Subscription rows, one Starter space per customer. */
    static List<String> subscriptions(String prefix, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(prefix + "-S" + i + "," + prefix + "-C" + i + ",starter," + prefix + "site" + i
                    + ".example.com,active,2024-01-01");
        }
        return rows;
    }

    static final String SUBSCRIPTIONS_HEADER = "service_id,customer_id,product,domain,status,start_date";
    static final String ADDONS_HEADER = "addon_id,service_id,customer_id,addon,quantity,status,start_date";

    /** Imports a file (as {@code es-bridge import} does) and answers its run's report, its identity checked. */
    RunReport importFile(Path file) {
        FileImporter.Result result = importer.importFile(file, true);
        assertThat(result.notImported()).as("imported").isNull();
        RunReport report = runs.report(result.runId().orElseThrow()).orElseThrow();
        assertThat(report.identityHolds()).as(report.summary()).isTrue();
        return report;
    }

    /** The file written beside the processed file (into done/) with this suffix. */
    Path besideFile(Path file, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(file.resolveSibling("done"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(file.getFileName() + suffix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + suffix + " beside " + file));
        }
    }

    /** How many users on the server carry this username (exactly once is what we want). */
    long usersNamed(String username) {
        return client.getUsers(1, true).stream()
                .map(UserInfo::getUsername)
                .filter(username::equalsIgnoreCase)
                .count();
    }

    long openDeadLettersOf(String runId) {
        return deadLetters.openOfRun(runId).size();
    }

    /** A user on the server that no billing record knows, holding {@code username} (retried over slow answers). */
    int stranger(String username) {
        UserInfo user = strangerUser(username);
        for (int attempt = 1; ; attempt++) {
            try {
                return client.addUser(user, "Stranger-1!", false, List.of());
            } catch (EsTransientException e) {
                Optional<UserInfo> made = client.getUserByUsername(username);
                if (made.isPresent()) {
                    return made.get().getUserId();
                }
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The user {@link #stranger} adds: an active customer of the administrator, holding {@code username}. */
    static UserInfo strangerUser(String username) {
        UserInfo user = new UserInfo();
        user.setUsername(username);
        user.setOwnerId(1);
        user.setRoleId(UserRole.USER.ordinal() + 1);
        user.setRole(UserRole.USER);
        user.setStatusId(1);
        user.setStatus(UserStatus.ACTIVE);
        user.setFirstName("Some");
        user.setLastName("Stranger");
        user.setEmail("stranger-" + username + "@elsewhere.example");
        return user;
    }

    EnterpriseServerClient clientAs(String username, String password) {
        return EnterpriseServerClient.create(new EsServerProperties(
                "http://localhost:" + port + "/",
                username,
                password,
                Brand.SOLIDCP,
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                4,
                null,
                null,
                "PKCS12"));
    }
}
