package io.esbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The run console in a real browser (headless Chromium): sign in, list the runs, open the run with failures, filter
 * its records, and replay its dead letters from the dead-letter page, one of which the sandbox then creates. Runs and
 * dead letters are written into the state store as provisioning leaves them (fast); {@link ConsoleRealImportTest}
 * shows the console with those of a real import.
 */
class ConsoleBrowserTest extends SandboxConsoleTestSupport {

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
    void operatorOpensARunWithFailuresAndReplaysADeadLetter() throws IOException {
        String username = "c5" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String runId = runWithAReplayableFailure(username, "Pw-" + username + "-5!");
        assertThat(client.getUserByUsername(username)).as("before the replay").isEmpty();

        browser.get(url("/console/runs"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        console.signIn(USERNAME, "not the password");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("Wrong username or password");
        console.screenshot("01-login-refused");

        console.signIn(USERNAME, CONSOLE_PASSWORD);
        assertThat(browser.getCurrentUrl()).contains("/console/runs");
        WebElement row = browser.findElement(By.cssSelector("#runs tr[data-run-id='" + runId + "']"));
        assertThat(row.getText()).contains("customers-2026-11-26.csv", "1 min 35 s", "failures");
        console.screenshot("02-runs");

        console.navigateBy(row.findElement(By.tagName("a")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/runs/" + runId);
        assertThat(browser.findElement(By.id("failed-count")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("errors")).getText()).contains("-1100 USER_ALREADY_EXISTS");
        assertThat(browser.findElements(By.cssSelector("#throughput .bar rect.failed")))
                .hasSize(2);
        assertThat(console.recordRows()).hasSize(2).anySatisfy(r -> assertThat(r)
                .contains("-1100", "USER_ALREADY_EXISTS", "already exists"));
        console.screenshot("03-run-failed-records");

        new Select(browser.findElement(By.id("code"))).selectByValue("-1100");
        console.navigateBy(browser.findElement(By.id("apply-filters")));
        assertThat(console.recordRows()).singleElement().asString().contains("C-5");
        new Select(browser.findElement(By.id("outcome"))).selectByValue("ALL");
        new Select(browser.findElement(By.id("code"))).selectByValue("");
        console.navigateBy(browser.findElement(By.id("apply-filters")));
        assertThat(console.recordRows()).hasSize(6);
        console.screenshot("04-run-all-records");

        console.navigateBy(browser.findElement(By.linkText("Dead letters")));
        assertThat(openRows(runId)).hasSize(2);
        console.screenshot("05-dead-letters");

        // The invalid e-mail was refused before provisioning: nothing to send, the page says where to fix it.
        console.navigateBy(browser.findElement(By.cssSelector("button.replay-code[data-code='Email']")));
        assertThat(browser.findElement(By.id("replay-result")).getText()).contains("0 sent");
        assertThat(browser.findElement(By.id("not-replayed")).getText())
                .contains("refused before provisioning", "fix it in the rejects file");
        assertThat(openRows(runId)).hasSize(2);
        console.screenshot("06-replay-not-replayed");

        // The run's replay sends C-5 (its user is free on the server now) and says again why C-6 is not sent.
        console.navigateBy(browser.findElement(By.cssSelector("button.replay-run[data-run-id='" + runId + "']")));
        assertThat(browser.findElement(By.id("replay-result")).getText())
                .contains("1 sent, 1 created, 0 updated, 0 unchanged, 0 failed again");
        assertThat(browser.findElement(By.id("not-replayed")).getText())
                .contains("customers-2026-11-26.csv:6")
                .doesNotContain("customers-2026-11-26.csv:5");
        assertThat(openRows(runId)).singleElement().asString().contains("C-6");
        assertThat(jdbc.queryForObject(
                        "select count(*) from es_dead_letter where run_id = ? and billing_key = 'C-5'"
                                + " and resolved_at is not null",
                        Long.class,
                        runId))
                .as("C-5 resolved")
                .isEqualTo(1);
        assertThat(client.getUserByUsername(username))
                .as("created by the replay")
                .hasValueSatisfying(user -> assertThat(user.getEmail()).isEqualTo(username + "@example.com"));
        console.screenshot("07-replay-sent");

        console.navigateBy(browser.findElement(By.linkText("Configuration")));
        assertThat(browser.findElement(By.id("settings")).getText())
                .contains("es.server.password ******")
                .doesNotContain(SERVER_PASSWORD);
        console.screenshot("08-configuration");
    }

    /**
     * A run of 3 s: fixed 10 s buckets drew it as one solid bar. Now it has many bars over labelled axes, with its
     * failures stacked in red on the bars they fell in.
     */
    @Test
    void aShortRunsThroughputShowsBarsAxesAndFailures() throws IOException {
        String runId = shortRunWithFailures();

        browser.get(url("/console/runs/" + runId));
        console.signIn(USERNAME, CONSOLE_PASSWORD);
        // Back where the operator was going (Spring Security's saved request adds "?continue").
        assertThat(browser.getCurrentUrl()).contains("/console/runs/" + runId);

        // Bars as the page draws them, told apart by where they stand (the legend's swatches are not bars).
        assertThat(browser.findElements(By.cssSelector("#throughput rect:not(#throughput-legend rect)")).stream()
                        .map(rect -> rect.getRect().getX())
                        .distinct())
                .hasSizeGreaterThan(1);
        List<WebElement> bars = browser.findElements(By.cssSelector("#throughput .bar"));
        assertThat(browser.findElement(By.id("time-axis-label")).getText()).isEqualTo("time since the run started (s)");
        assertThat(browser.findElement(By.id("record-axis-label")).getText()).isEqualTo("records per 50 ms");
        assertThat(browser.findElement(By.id("throughput-legend")).getText()).contains("succeeded", "failed");
        assertThat(browser.findElements(By.cssSelector("#throughput .bar rect.failed")))
                .hasSize(5);
        // Drawn, not only present: each failure segment has a size, the failure colour, and sits right on top of the
        // successes of its bar.
        for (WebElement bar : bars) {
            List<WebElement> failed = bar.findElements(By.cssSelector("rect.failed"));
            if (failed.isEmpty()) {
                continue;
            }
            Rectangle failure = failed.get(0).getRect();
            Rectangle successes =
                    bar.findElement(By.cssSelector("rect.succeeded")).getRect();
            assertThat(failure.getHeight()).isPositive();
            assertThat(failure.getY() + failure.getHeight()).isCloseTo(successes.getY(), within(1));
            assertThat(failure.getX()).isEqualTo(successes.getX());
            assertThat(failed.get(0).getCssValue("fill")).isEqualTo("rgb(200, 70, 61)");
        }
        console.screenshot("09-short-run-throughput");
    }

    /** The dead-letter page's open dead letters of one run, as text. */
    private List<String> openRows(String runId) {
        return browser.findElements(By.cssSelector("#dead-letters tr[data-run-id='" + runId + "']")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
