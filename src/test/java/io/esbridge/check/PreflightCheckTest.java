package io.esbridge.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.cli.ExitCodes;
import io.esbridge.cli.InProcessCommand;
import io.esbridge.cli.InProcessCommand.Run;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;
import io.esbridge.sandbox.SandboxStats;

/**
 * {@code es-bridge check} as an operator runs it, in this JVM, against the sandbox of this test's application over
 * HTTP ({@code es.server.url}) and on this test's state store (the same in-memory H2): planted clashes are each
 * reported, and neither the sandbox's call statistics nor the state store show a write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.sandbox.enabled=true",
            "spring.datasource.url=" + PreflightCheckTest.STATE,
            "es.state.secret-key-file=target/test-secret.key"
        })
class PreflightCheckTest {

    static final String STATE = "jdbc:h2:mem:preflight-check;DB_CLOSE_DELAY=-1";
    private static final String PASSWORD = "Planted-Pw-4rT8";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    EnterpriseServerClient client;

    @Autowired
    SandboxStats stats;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    static Path folder;

    /** Keeps this test's usernames and plan names apart from other tests sharing the sandbox. */
    private final String p = "ck" + UUID.randomUUID().toString().substring(0, 6);

    private Path mappings;

    /**
     * On the target before the check: a plan and a customer imported (so linked in the state store), a user whose
     * username a new customer wants but with another e-mail, and one with the same e-mail (adoptable).
     */
    @BeforeAll
    void aTargetWithAPlanALinkedCustomerAndTwoUnlinkedUsers() throws IOException {
        mappings = CheckMappings.write(folder.resolve("mappings"));
        Path setup = Files.createDirectories(folder.resolve("setup"));
        write(
                setup.resolve("plans-setup.csv"),
                "code,name,description,addon,available,setup_price,price,months,groups,quotas",
                p
                        + "-silver,%s Silver,Set up,no,yes,0,1,1,OS; Web; Mail,\"Web Sites=1; Mail Accounts=5; Domains=1\""
                                .formatted(p));
        write(
                setup.resolve("ck-customers-setup.csv"),
                "customer_id,username,password,first_name,last_name,email,role,reseller_id",
                p + "L1," + p + "linked," + PASSWORD + ",Lin,Ked," + p + "linked@example.com,3,");
        Run imported = run("import", setup.toString());
        assertThat(imported.exit()).as(imported.toString()).isEqualTo(ExitCodes.OK);
        client.addUser(user(p + "taken", "someone.else@example.com"), PASSWORD, false, List.of());
        client.addUser(user(p + "same", p + "same@example.com"), PASSWORD, false, List.of());
    }

    @Test
    void plantedClashesAreEachReportedAndNothingIsWritten() throws IOException {
        Path input = Files.createDirectories(folder.resolve("planted"));
        write(
                input.resolve("plans-planted.csv"),
                "code,name,description,addon,available,setup_price,price,months,groups,quotas",
                // the target's plan by name, under a new code: adopted, and aligned to other quotas
                p
                        + "-silver-new,%s Silver,Again,no,yes,0,1,1,OS; Web; Mail,\"Web Sites=2; MySQL5 / Databases=3\""
                                .formatted(p));
        write(
                input.resolve("ck-customers.csv"),
                "customer_id,username,password,first_name,last_name,email,role,reseller_id",
                row("C1", "alice", "alice@example.com", "3", ""),
                row("C2", "taken", "mine@example.com", "3", ""),
                row("C3", "bad", "not-an-email", "3", ""),
                row("R1", "resa", "resa@example.com", "2", "R2"),
                row("R2", "resb", "resb@example.com", "2", "R1"),
                row("C4", "carl", "carl@example.com", "3", "C1"),
                row("C5", "same", p + "same@example.com", "3", ""),
                "C6," + p + "nopw,,No,Password,nopw@example.com,3,");
        write(
                input.resolve("ck-subscriptions.csv"),
                "service_id,customer_id,plan,domain",
                "S1,C1,Starter," + p + "s1.example.com",
                "S2,C404,Starter," + p + "s2.example.com",
                "S3,C1,Platinum," + p + "s3.example.com",
                "S4," + p + "L1,Business," + p + "s4.example.com");
        write(
                input.resolve("ck-addons.csv"),
                "addon_id,service_id,customer_id,addon",
                "A1,S1,C1,Extra 10 GB",
                "A2,S404,C1,Extra 10 GB");
        long links = count("es_link");
        long runs = count("es_run");
        long deadLetters = count("es_dead_letter");
        stats.reset();

        Run checked = run("check", input.toString());

        assertThat(checked.exit()).as(checked.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(checked.stdout())
                .as(checked.stdout())
                .contains("ERROR USERNAME_TAKEN: 1")
                .contains("ck-customers.csv line 3 (CUSTOMER C2): Username: '" + p + "taken' is taken by user")
                .contains("with another e-mail address")
                .contains("ERROR INVALID_RECORD: 1")
                .contains("ck-customers.csv line 4 (CUSTOMER C3): Email: 'not-an-email'")
                .contains("ERROR OWNER_CYCLE: 2")
                .contains("ck-customers.csv line 5 (CUSTOMER R1): OwnerKey: owner R2 is, through its own owners")
                .contains("ERROR OWNER_NOT_RESELLER: 1")
                .contains("(CUSTOMER C4): OwnerKey: owner C1")
                .contains("ERROR CUSTOMER_MISSING: 1")
                .contains("ck-subscriptions.csv line 3 (SUBSCRIPTION S2): CustomerKey: customer C404")
                .contains("ERROR PLAN_UNKNOWN: 1")
                .contains("ck-subscriptions.csv line 4 (SUBSCRIPTION S3): PlanName: no hosting plan named 'Platinum'")
                .contains("ERROR SUBSCRIPTION_MISSING: 1")
                .contains("ck-addons.csv line 3 (ADDON A2): SubscriptionKey: subscription S404")
                .contains("WARNING USERNAME_ADOPTED: 1")
                .contains("(CUSTOMER C5): Username: '" + p + "same' is taken by user")
                .contains("WARNING PLAN_QUOTAS_DROPPED: 1")
                .contains("NOTE PLAN_ADOPTED: 1")
                .contains("NOTE PLAN_QUOTAS_ADDED: 1")
                .contains("NOTE PASSWORD_GENERATED: 1")
                .contains("8 error(s), 2 warning(s), 3 note(s)")
                .doesNotContain(PASSWORD);
        // S4 of the linked customer on Business, A1 of S1 of C1: references that hold are not reported
        assertThat(checked.stdout()).doesNotContain("(SUBSCRIPTION S4)").doesNotContain("(ADDON A1)");
        assertThat(checked.stderr()).doesNotContain(PASSWORD);

        Map<String, Long> calls = stats.snapshot().operations();
        assertThat(calls.keySet())
                .as("calls the check made: %s", calls)
                .noneMatch(operation -> operation.matches("(Add|Update|Change|Delete|Set).*"));
        assertThat(calls)
                .as("the target asked in bulk, not per record")
                .containsEntry("GetUsers", 1L)
                .doesNotContainKeys("UserExists", "GetUserByUsername");
        assertThat(count("es_link")).as("links").isEqualTo(links);
        assertThat(count("es_run")).as("runs").isEqualTo(runs);
        assertThat(count("es_dead_letter")).as("dead letters").isEqualTo(deadLetters);
    }

    @Test
    void aCleanInputExitsZeroAndJsonCountsNothing() throws IOException {
        Path input = Files.createDirectories(folder.resolve("clean"));
        write(
                input.resolve("ck-customers.csv"),
                "customer_id,username,password,first_name,last_name,email,role,reseller_id",
                row("K1", "kim", "kim@example.com", "2", ""),
                row("K2", "kay", "kay@example.com", "3", "K1"));
        write(
                input.resolve("plans-clean.csv"),
                "code,name,description,addon,available,setup_price,price,months,groups,quotas",
                "%s-k1-basic,%s K1 Basic,Of reseller K1,no,yes,0,1,1,OS; Web,Web Sites=1".formatted(p, p));
        write(
                input.resolve("ck-subscriptions.csv"),
                "service_id,customer_id,plan,domain",
                "KS1,K1,Reseller 50," + p + "k1.example.com",
                "KS2," + p + "L1,Starter," + p + "l1.example.com");
        write(input.resolve("ck-addons.csv"), "addon_id,service_id,customer_id,addon", "KA1,KS2,,Extra Mail 50");

        Run checked = run("check", input.toString(), "--json");

        assertThat(checked.exit()).as(checked.toString()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(checked.json());
        assertThat(report.get("errors").asLong()).as(checked.stdout()).isZero();
        assertThat(report.get("warnings").asLong()).isZero();
        assertThat(report.get("records").get("CUSTOMER").asLong()).isEqualTo(2);
        assertThat(report.get("records").get("SUBSCRIPTION").asLong()).isEqualTo(2);
        assertThat(report.get("records").get("ADDON").asLong()).isEqualTo(1);
    }

    @Test
    void theBillingDatabasesPhasesAreCheckedWithoutAWatermarkARunOrAWrite() throws IOException {
        List<String> tables = List.of("es_link", "es_run", "es_sync_watermark", "es_sync_execution", "es_sync_key");
        Map<String, Long> before = new java.util.LinkedHashMap<>();
        tables.forEach(table -> before.put(table, count(table)));
        stats.reset();

        // the sample billing database (es.sync.source.*, loaded into memory by its init scripts), every row
        Run checked = run("check", "--sync", "--mode", "reconcile", "--json");

        assertThat(checked.exit()).as(checked.toString()).isIn(ExitCodes.OK, ExitCodes.SOME_FAILED);
        JsonNode report = JSON.readTree(checked.json());
        assertThat(report.get("files").toString()).contains("customers").contains("subscriptions");
        assertThat(report.get("records").get("CUSTOMER").asLong())
                .as(checked.stdout())
                .isPositive();
        assertThat(report.get("records").get("SUBSCRIPTION").asLong()).isPositive();
        assertThat(report.get("records").get("ADDON").asLong()).isPositive();
        Map<String, Long> calls = stats.snapshot().operations();
        assertThat(calls.keySet())
                .as("calls the check made: %s", calls)
                .noneMatch(operation -> operation.matches("(Add|Update|Change|Delete|Set).*"));
        tables.forEach(table -> assertThat(count(table)).as(table).isEqualTo(before.get(table)));
    }

    @Test
    void anInputItCannotReadOrATargetItCannotReachIsExitTwo() throws IOException {
        Path input = Files.createDirectories(folder.resolve("unreadable"));
        write(input.resolve("nobody-knows.csv"), "a,b", "1,2");

        Run unreadable = run("check", input.resolve("nobody-knows.csv").toString());

        assertThat(unreadable.exit()).as(unreadable.toString()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(unreadable.stderr()).contains("nobody-knows.csv").contains("names no mapping");

        Path clean = Files.createDirectories(folder.resolve("unreachable"));
        write(
                clean.resolve("ck-customers.csv"),
                "customer_id,username,password,first_name,last_name,email,role,reseller_id",
                row("U1", "una", "una@example.com", "3", ""));
        // a port nothing listens on
        Run unreachable = run("check", clean.toString(), "--es.server.url=http://127.0.0.1:9/");

        assertThat(unreachable.exit()).as(unreachable.toString()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(unreachable.stderr()).startsWith("es-bridge could not run: ");
    }

    private String row(String key, String username, String email, String role, String owner) {
        return key + "," + p + username + "," + PASSWORD + ",First,Last," + email + "," + role + "," + owner;
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static UserInfo user(String username, String email) {
        UserInfo user = new UserInfo();
        user.setUsername(username);
        user.setOwnerId(1);
        user.setRoleId(3);
        user.setRole(UserRole.USER);
        user.setStatusId(1);
        user.setStatus(UserStatus.ACTIVE);
        user.setFirstName("Planted");
        user.setLastName("User");
        user.setEmail(email);
        return user;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** es-bridge's command line, in this JVM, on this test's sandbox (over HTTP) and state store. */
    private Run run(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        all.add("--es.feeds.mappings=" + mappings);
        return InProcessCommand.run(all, port, STATE, folder);
    }
}
