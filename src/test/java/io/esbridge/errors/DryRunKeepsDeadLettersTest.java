package io.esbridge.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.esbridge.EsBridgeApplication;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.deadletter.DeadLetter;
import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.deadletter.ReplayService;
import io.esbridge.feed.FileImporter;
import io.esbridge.record.RecordType;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;
import io.esbridge.state.LinkStore;

/**
 * A dry run never writes a dead letter (its failures are in its report) nor resolves one: a record that failed, then fixed, provisioned by a dry-run replay or a
 * dry-run import only had its calls listed, so its dead letter stays open (and unchanged) and no link is written; the
 * real replay afterwards creates the user and resolves it. Two applications on one state store and one server, as
 * {@code es-bridge replay --dry-run} beside the service.
 */
class DryRunKeepsDeadLettersTest {

    private static final String HEADER = "customer_id,username,password,first_name,last_name,email,status";

    @TempDir
    Path folder;

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aDryRunReplayOrImportLeavesTheDeadLetterOpenAndTheRealReplayResolvesIt() throws IOException {
        String key = "dry-" + suffix + "-C1";
        String username = "dry" + suffix;
        ConfigurableApplicationContext real = start(false);
        EnterpriseServerClient client = real.getBean(EnterpriseServerClient.class);
        DeadLetterStore deadLetters = real.getBean(DeadLetterStore.class);
        LinkStore links = real.getBean(LinkStore.class);

        // the username is held by a user no billing record knows: the record fails and is dead-lettered
        int stranger = client.addUser(ErrorChannelTestSupport.strangerUser(username), "Stranger-1!", false, List.of());
        Path file = customers("customers-" + suffix + ".csv", key, username);
        RunReport failed = importFile(real, file);
        assertThat(failed.failed()).as(failed.summary() + failed.errors()).isEqualTo(1);
        DeadLetter letter = openLetter(deadLetters, key);
        assertThat(letter.errorName()).isEqualTo("USERNAME_TAKEN");

        // a dry run of the record, still failing, and of a record it rejects: both in its report, no dead letter
        // written or counted again
        ConfigurableApplicationContext dryFailing = start(true);
        Path again = customers("customers-" + suffix + "-again.csv", key, username);
        Files.writeString(
                again,
                "dry-" + suffix + "-C2,,Pw-x-1!x,No,Name,nobody@example.com,active\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        RunReport stillFailing = importFile(dryFailing, again);
        assertThat(stillFailing.failed())
                .as(stillFailing.summary() + stillFailing.errors())
                .isEqualTo(2);
        dryFailing.close();
        assertThat(openLetter(deadLetters, key))
                .as("the dead letter after a failing dry run")
                .isEqualTo(letter);
        assertThat(deadLetters.open()).extracting(DeadLetter::billingKey).doesNotContain("dry-" + suffix + "-C2");
        // the operator frees the username: a replay would now succeed
        client.deleteUser(stranger);

        // es-bridge replay --dry-run: the user would be created, and nothing changes
        ConfigurableApplicationContext dryReplay = start(true);
        ReplayService.ReplayResult replayed =
                dryReplay.getBean(ReplayService.class).replay(new ReplayService.Selection(letter.runId(), null, null));
        assertThat(replayed.report().created()).as(replayed.report().summary()).isEqualTo(1);
        assertThat(replayed.report().operations()).containsEntry("AddUser", 1L);
        dryReplay.close();
        assertThat(openLetter(deadLetters, key))
                .as("the dead letter after a dry-run replay")
                .isEqualTo(letter);

        // es-bridge import --dry-run of the record, fixed: the same
        ConfigurableApplicationContext dryImport = start(true);
        RunReport imported = importFile(dryImport, customers("customers-" + suffix + "-fixed.csv", key, username));
        assertThat(imported.created()).as(imported.summary()).isEqualTo(1);
        dryImport.close();
        assertThat(openLetter(deadLetters, key))
                .as("the dead letter after a dry-run import")
                .isEqualTo(letter);

        assertThat(links.find(RecordType.CUSTOMER, key))
                .as("a dry run writes no link")
                .isEmpty();
        assertThat(client.getUserByUsername(username))
                .as("a dry run creates no user")
                .isEmpty();

        // es-bridge replay: now it is done
        ReplayService.ReplayResult replay =
                real.getBean(ReplayService.class).replay(new ReplayService.Selection(letter.runId(), null, null));
        assertThat(replay.report().created()).as(replay.report().summary()).isEqualTo(1);
        assertThat(deadLetters.open()).extracting(DeadLetter::billingKey).doesNotContain(key);
        assertThat(links.find(RecordType.CUSTOMER, key)).hasValueSatisfying(link -> assertThat(link.esId())
                .isEqualTo(client.getUserByUsername(username).orElseThrow().getUserId()));
    }

    private static DeadLetter openLetter(DeadLetterStore deadLetters, String key) {
        return deadLetters.open().stream()
                .filter(d -> key.equals(d.billingKey()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open dead letter of " + key));
    }

    private Path customers(String name, String key, String username) throws IOException {
        return Files.write(
                folder.resolve(name),
                List.of(
                        HEADER,
                        key + "," + username + ",Pw-" + suffix + "-1!x,Ann,Lee," + username + "@example.com,active"),
                StandardCharsets.UTF_8);
    }

    private static RunReport importFile(ConfigurableApplicationContext app, Path file) {
        FileImporter.Result result = app.getBean(FileImporter.class).importFile(file, true);
        assertThat(result.notImported()).as("imported").isNull();
        RunReport report =
                app.getBean(RunStore.class).report(result.runId().orElseThrow()).orElseThrow();
        assertThat(report.identityHolds()).as(report.summary()).isTrue();
        return report;
    }

    private ConfigurableApplicationContext start(boolean dryRun) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EsBridgeApplication.class)
                .run(
                        "--server.port=0",
                        "--es.sandbox.enabled=true",
                        "--es.server.url=",
                        "--spring.datasource.url=jdbc:h2:mem:dry-letters-state-" + suffix + ";DB_CLOSE_DELAY=-1",
                        "--es.sandbox.datasource-url=jdbc:h2:mem:dry-letters-sandbox-" + suffix + ";DB_CLOSE_DELAY=-1",
                        "--es.state.secret-key-file=target/errors-test/secret.key",
                        "--es.console.password=dry-letters",
                        "--es.feeds.inbox=" + folder.resolve("inbox"),
                        "--es.sync.schedule-enabled=false",
                        "--es.errors.max-redeliveries=1",
                        "--es.errors.redelivery-delay=20",
                        // as a one-shot command: no inbox routes
                        "--camel.main.routes-include-pattern=classpath:es-bridge-one-shot-has-no-routes/*",
                        "--es.provisioning.dry-run=" + dryRun);
        started.add(context);
        return context;
    }
}
