package io.esbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.esbridge.deadletter.DeadLetter;
import io.esbridge.feed.FileImporter;
import io.esbridge.run.RunReport;

/**
 * The console showing what a real import left, in a real browser: a customers file imported as {@code es-bridge
 * import} imports it, into the sandbox over HTTP, one of whose users the server refuses (its username is held by a
 * stranger with another e-mail: USERNAME_TAKEN). The operator sees the run and the refused record, frees the username
 * on the server, replays the run's dead letters from the dead-letter page, and the user is created.
 */
class ConsoleRealImportTest extends SandboxConsoleTestSupport {

    private static final String HEADER = "customer_id,username,password,first_name,last_name,email,status";

    private ConsoleBrowser console;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        console = ConsoleBrowser.start();
        browser = console.driver();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void aRealImportsRunAndDeadLetterAreShownAndAReplayFromThePageCreatesTheUser() throws IOException {
        String prefix = "real" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        int stranger = stranger(prefix + "u2");
        Path folder = Files.createDirectories(Path.of("target/console-test", prefix));
        String fileName = "customers-" + prefix + ".csv";
        Path file = Files.write(
                folder.resolve(fileName),
                List.of(HEADER, row(prefix, 1), row(prefix, 2), row(prefix, 3)),
                StandardCharsets.UTF_8);

        FileImporter.Result imported = importer.importFile(file, false);
        assertThat(imported.notImported()).as("imported").isNull();
        String runId = imported.runId().orElseThrow();
        RunReport report = runs.report(runId).orElseThrow();
        assertThat(report.identityHolds()).as(report.summary()).isTrue();
        assertThat(report.created()).as(report.summary()).isEqualTo(2);
        assertThat(report.errors()).as(report.summary()).containsOnlyKeys("USERNAME_TAKEN");
        assertThat(deadLetters.openOfRun(runId))
                .singleElement()
                .extracting(DeadLetter::billingKey)
                .isEqualTo(prefix + "-C2");

        // the run and its refused record, as the operator finds them
        browser.get(url("/console/runs"));
        console.signIn(USERNAME, CONSOLE_PASSWORD);
        WebElement run = browser.findElement(By.cssSelector("#runs tr[data-run-id='" + runId + "']"));
        assertThat(run.getText()).contains(fileName, "failures");
        console.navigateBy(run.findElement(By.tagName("a")));
        assertThat(browser.findElement(By.id("failed-count")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("errors")).getText()).contains("USERNAME_TAKEN");
        assertThat(console.recordRows())
                .singleElement()
                .asString()
                .contains(prefix + "-C2", "USERNAME_TAKEN", prefix + "u2");
        console.screenshot("real-01-run-failed-record");

        console.navigateBy(browser.findElement(By.linkText("Dead letters")));
        assertThat(openRows(runId))
                .singleElement()
                .asString()
                .contains(fileName + " line 3", prefix + "-C2", "USERNAME_TAKEN");
        console.screenshot("real-02-dead-letter");

        // fixed on the server side: the stranger gives the username up
        client.deleteUser(stranger);
        console.navigateBy(browser.findElement(By.cssSelector("button.replay-run[data-run-id='" + runId + "']")));
        assertThat(browser.findElement(By.id("replay-result")).getText())
                .contains("1 sent, 1 created, 0 updated, 0 unchanged, 0 failed again");
        assertThat(browser.findElements(By.id("not-replayed"))).isEmpty();
        assertThat(openRows(runId)).isEmpty();
        console.screenshot("real-03-replayed");

        assertThat(deadLetters.openOfRun(runId)).isEmpty();
        assertThat(client.getUserByUsername(prefix + "u2"))
                .as("created by the replay")
                .hasValueSatisfying(user -> assertThat(user.getEmail()).isEqualTo(prefix + "u2@example.com"));

        // the replay is a run of its own, its record created
        console.navigateBy(browser.findElement(By.cssSelector("#replay-result a")));
        assertThat(browser.findElement(By.id("failed-count")).getText()).isEqualTo("0");
        new Select(browser.findElement(By.id("outcome"))).selectByValue("ALL");
        console.navigateBy(browser.findElement(By.id("apply-filters")));
        assertThat(console.recordRows()).singleElement().asString().contains(prefix + "-C2", "CREATED", "AddUser");
        console.screenshot("real-04-replay-run");
    }

    private static String row(String prefix, int i) {
        String username = prefix + "u" + i;
        return prefix + "-C" + i + "," + username + ",Pw-" + prefix + "-" + i + "!x,Ann,Lee," + username
                + "@example.com,active";
    }

    /** The dead-letter page's open dead letters of one run, as text. */
    private List<String> openRows(String runId) {
        return browser.findElements(By.cssSelector("#dead-letters tr[data-run-id='" + runId + "']")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
