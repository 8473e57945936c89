package io.esbridge.provisioning;

import static io.esbridge.provisioning.Envelopes.customer;
import static io.esbridge.provisioning.Envelopes.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.cli.ExitCodes;
import io.esbridge.cli.InProcessCommand;
import io.esbridge.cli.InProcessCommand.Run;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunSession;
import io.esbridge.run.RunSessions;
import io.esbridge.sandbox.SandboxStats;
import io.esbridge.state.Link;
import io.esbridge.state.LinkStore;

/**
 * {@code es-bridge verify} as an operator runs it, in this JVM, against this test's sandbox over HTTP and on this
 * test's own state store (so that verify reads only the links made here): a space whose plan was changed by hand and
 * a space deleted by hand are both reported, a dry-run repair writes nothing, and {@code --repair} mends the plan.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.sandbox.enabled=true",
            "spring.datasource.url=" + VerifyCommandTest.STATE,
            "es.state.secret-key-file=target/test-secret.key"
        })
class VerifyCommandTest {

    static final String STATE = "jdbc:h2:mem:verify-command;DB_CLOSE_DELAY=-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    RunSessions sessions;

    @Autowired
    EnterpriseServerClient client;

    @Autowired
    SandboxStats stats;

    @Autowired
    LinkStore links;

    @TempDir
    static Path folder;

    private final String p = "vf" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    @Order(1)
    void aPanelAsAppliedIsExitZeroAndVerifyWritesNothing() throws Exception {
        importFeed(
                customer(p + "-c", p + "clean", p + "clean@example.com", UserStatus.ACTIVE),
                subscription(p + "-s", p + "-c", "Starter", p + "-clean.example.com", PackageStatus.ACTIVE));
        // suspended in billing later: ChangeUserStatus cascades to the space on the panel, while billing (and the
        // subscription's link) still has the space active; that is the panel as applied, not drift
        importFeed(customer(p + "-c", p + "clean", p + "clean@example.com", UserStatus.SUSPENDED));
        int space = links.find(RecordType.SUBSCRIPTION, p + "-s").orElseThrow().esId();
        assertThat(client.getPackage(space).orElseThrow().getStatusId())
                .as("the space suspended by the cascade")
                .isEqualTo(2);
        stats.reset();

        Run verified = run("verify", "--json");

        assertThat(verified.exit()).as(verified.toString()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(verified.json());
        assertThat(report.get("drift")).as(verified.stdout()).isEmpty();
        assertThat(report.get("checked").get("CUSTOMER").asLong()).isEqualTo(1);
        assertThat(report.get("checked").get("SUBSCRIPTION").asLong()).isEqualTo(1);
        Map<String, Long> calls = stats.snapshot().operations();
        assertThat(calls).as("calls verify made").containsKeys("GetUserById", "GetPackage");
        assertThat(calls.keySet())
                .as("calls verify made: %s", calls)
                .noneMatch(operation -> operation.matches("(Add|Update|Change|Delete|Set).*"));
    }

    @Test
    @Order(2)
    void aPlanChangedAndASpaceDeletedByHandAreReportedAndRepairMendsThePlan() throws Exception {
        String secret = "Secret-" + p + "-d!";
        importFeed(
                customer(p + "-d", p + "drift", p + "drift@example.com", UserStatus.ACTIVE),
                subscription(p + "-s1", p + "-d", "Starter", p + "-one.example.com", PackageStatus.ACTIVE),
                subscription(p + "-s2", p + "-d", "Starter", p + "-two.example.com", PackageStatus.ACTIVE));
        int one = links.find(RecordType.SUBSCRIPTION, p + "-s1").orElseThrow().esId();
        int two = links.find(RecordType.SUBSCRIPTION, p + "-s2").orElseThrow().esId();
        int starter = client.getPackage(one).orElseThrow().getPlanId();
        int business = planId("Business");
        // by hand on the panel: one space moved to another plan, the other deleted
        PackageInfo moved = client.getPackage(one).orElseThrow();
        moved.setPlanId(business);
        client.updatePackage(moved);
        client.deletePackage(two);

        Run verified = run("verify", "--json");

        assertThat(verified.exit()).as(verified.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        JsonNode report = JSON.readTree(verified.json());
        assertThat(report.get("missing").asLong()).as(verified.stdout()).isEqualTo(1);
        assertThat(report.get("changed").asLong()).isEqualTo(1);
        assertThat(report.get("drift")).hasSize(2);
        assertThat(report.get("drift").toString())
                .contains("\"kind\":\"CHANGED\",\"type\":\"SUBSCRIPTION\",\"billingKey\":\"" + p + "-s1\"")
                .contains("\"field\":\"plan\",\"applied\":\"Starter\",\"panel\":\"Business (id " + business + ")\"")
                .contains("\"kind\":\"MISSING\",\"type\":\"SUBSCRIPTION\",\"billingKey\":\"" + p + "-s2\"");
        assertThat(verified.stdout() + verified.stderr()).doesNotContain(secret);

        Run text = run("verify");
        assertThat(text.stdout())
                .contains("CHANGED SUBSCRIPTION " + p + "-s1 (id " + one + "): plan applied 'Starter', panel 'Business")
                .contains("MISSING SUBSCRIPTION " + p + "-s2: id " + two + " is gone from the panel")
                .contains("1 missing on the panel, 1 changed on the panel");

        Link before = links.find(RecordType.SUBSCRIPTION, p + "-s1").orElseThrow();
        stats.reset();
        Run dry = run("verify", "--repair", "--dry-run");
        assertThat(dry.exit()).as(dry.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(dry.stdout())
                .contains("dry run: would re-apply SUBSCRIPTION " + p + "-s1: plan")
                .contains("dry run: would forget the link of SUBSCRIPTION " + p + "-s2");
        assertThat(stats.snapshot().operations().keySet())
                .noneMatch(operation -> operation.matches("(Add|Update|Change|Delete|Set).*"));
        assertThat(client.getPackage(one).orElseThrow().getPlanId()).isEqualTo(business);
        assertThat(links.find(RecordType.SUBSCRIPTION, p + "-s1").orElseThrow()).isEqualTo(before);
        assertThat(links.find(RecordType.SUBSCRIPTION, p + "-s2")).isPresent();

        Run repaired = run("verify", "--repair");

        assertThat(repaired.exit()).as(repaired.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(repaired.stdout())
                .contains("re-applied SUBSCRIPTION " + p + "-s1: plan")
                .contains("forgot the link of SUBSCRIPTION " + p + "-s2");
        assertThat(client.getPackage(one).orElseThrow().getPlanId())
                .as("the plan es-bridge applied, back on the space")
                .isEqualTo(starter);
        assertThat(links.find(RecordType.SUBSCRIPTION, p + "-s2")).isEmpty();

        Run after = run("verify");
        assertThat(after.exit()).as(after.toString()).isEqualTo(ExitCodes.OK);
        assertThat(after.stdout()).contains("no drift");

        // the mended link is billing's again: the next sight of the same subscription writes nothing
        RunReport again =
                importFeed(subscription(p + "-s1", p + "-d", "Starter", p + "-one.example.com", PackageStatus.ACTIVE));
        assertThat(again.unchanged()).as(again.summary()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void anEmailAndAnAddonQuantityChangedByHandAreRepairedFromTheAppliedState() throws Exception {
        importFeed(
                customer(p + "-e", p + "mail", p + "mail@example.com", UserStatus.ACTIVE),
                subscription(p + "-es", p + "-e", "Starter", p + "-mail.example.com", PackageStatus.ACTIVE),
                Envelopes.addon(p + "-ea", p + "-es", p + "-e", "Extra 10 GB", 2));
        int user = links.find(RecordType.CUSTOMER, p + "-e").orElseThrow().esId();
        int addon = links.find(RecordType.ADDON, p + "-ea").orElseThrow().esId();
        UserInfo edited = client.getUserById(user).orElseThrow();
        edited.setEmail(p + "by-hand@example.com");
        client.updateUser(edited);
        PackageAddonInfo more = client.getPackageAddon(addon).orElseThrow();
        more.setQuantity(7);
        client.updatePackageAddon(more);

        Run verified = run("verify");

        assertThat(verified.exit()).as(verified.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(verified.stdout())
                .contains("CHANGED CUSTOMER " + p + "-e (id " + user + "): email applied '" + p
                        + "mail@example.com', panel '" + p + "by-hand@example.com'")
                .contains("CHANGED ADDON " + p + "-ea (id " + addon + "): quantity applied '2', panel '7'")
                .contains("0 missing on the panel, 2 changed on the panel");

        Run repaired = run("verify", "--repair");

        assertThat(repaired.stdout()).as(repaired.toString()).contains("re-applied CUSTOMER " + p + "-e: email");
        assertThat(client.getUserById(user).orElseThrow().getEmail()).isEqualTo(p + "mail@example.com");
        assertThat(client.getPackageAddon(addon).orElseThrow().getQuantity()).isEqualTo(2);
        assertThat(client.getUserById(user).orElseThrow().getUsername()).isEqualTo(p + "mail");
        Run after = run("verify");
        assertThat(after.exit()).as(after.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    @Order(4)
    void aPanelItCannotReachIsExitTwoNotDrift() {
        importFeed(customer(p + "-u", p + "unreach", p + "unreach@example.com", UserStatus.ACTIVE));

        // a port nothing listens on: every read fails, and a failed read is not taken for a missing object
        Run unreachable = run("verify", "--es.server.url=http://127.0.0.1:9/");

        assertThat(unreachable.exit()).as(unreachable.toString()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(unreachable.stderr()).startsWith("es-bridge could not run: ");
        assertThat(unreachable.stdout()).doesNotContain("MISSING");
    }

    private int planId(String name) {
        return client.getHostingPlans(1).stream()
                .filter(row -> name.equals(row.get("PlanName")))
                .map(row -> Integer.parseInt(row.get("PlanID")))
                .findFirst()
                .orElseThrow();
    }

    private RunReport importFeed(ProvisioningRecord... records) {
        RunSession run = sessions.open(SourceRef.Kind.FILE, "verify-feed.csv");
        long line = 1;
        for (ProvisioningRecord record : records) {
            RecordEnvelope envelope = Envelopes.envelope(run.runId(), ++line, record);
            producer.sendBody(ProvisioningRoutes.INTAKE, envelope);
        }
        RunReport report = run.close(records.length);
        assertThat(report.failed()).as(report.summary() + " " + report.errors()).isZero();
        return report;
    }

    /** es-bridge's command line, in this JVM, on this test's sandbox (over HTTP) and state store. */
    private Run run(String... args) {
        return InProcessCommand.run(List.of(args), port, STATE, folder);
    }
}
