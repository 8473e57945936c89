package io.esbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The run console in a real browser (headless Chromium): sign in, list the runs, open the run with failures, filter
 * its records, and replay a dead letter from the dead-letter page. Screenshots go to {@code target/screenshots}.
 * Without Chromium and its driver the test is skipped, except on CI ({@code CI=true}) where it fails.
 */
class ConsoleBrowserTest extends ConsoleTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Path profile;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: install the"
                    + " chromium and chromium-driver packages");
        }
        Assumptions.assumeTrue(installed, "Chromium or chromedriver not installed");
        profile = Files.createTempDirectory("console-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No internet here: without the background-networking switches Chromium waits on the network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    @Test
    void operatorOpensARunWithFailuresAndReplaysADeadLetter() throws IOException {
        String runId = runWithFailures();

        browser.get(url("/console/runs"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(USERNAME);
        browser.findElement(By.id("password")).sendKeys("not the password");
        navigateBy(browser.findElement(By.id("sign-in")));
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("Wrong username or password");
        screenshot("01-login-refused");

        browser.findElement(By.id("username")).sendKeys(USERNAME);
        browser.findElement(By.id("password")).sendKeys(CONSOLE_PASSWORD);
        navigateBy(browser.findElement(By.id("sign-in")));
        assertThat(browser.getCurrentUrl()).contains("/console/runs");
        WebElement row = browser.findElement(By.cssSelector("#runs tr[data-run-id='" + runId + "']"));
        assertThat(row.getText()).contains("customers-2026-11-26.csv", "1 min 35 s", "failures");
        screenshot("02-runs");

        navigateBy(row.findElement(By.tagName("a")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/runs/" + runId);
        assertThat(browser.findElement(By.id("failed-count")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("errors")).getText()).contains("-1100 USER_ALREADY_EXISTS");
        assertThat(browser.findElements(By.cssSelector("#throughput .bar rect.failed"))).hasSize(2);
        assertThat(recordRows()).hasSize(2).anySatisfy(r -> assertThat(r).contains("-1100", "USER_ALREADY_EXISTS",
                "already exists"));
        screenshot("03-run-failed-records");

        new Select(browser.findElement(By.id("code"))).selectByValue("-1100");
        navigateBy(browser.findElement(By.id("apply-filters")));
        assertThat(recordRows()).singleElement().asString().contains("C-5");
        new Select(browser.findElement(By.id("outcome"))).selectByValue("ALL");
        new Select(browser.findElement(By.id("code"))).selectByValue("");
        navigateBy(browser.findElement(By.id("apply-filters")));
        assertThat(recordRows()).hasSize(6);
        screenshot("04-run-all-records");

        navigateBy(browser.findElement(By.linkText("Dead letters")));
        assertThat(browser.findElements(By.cssSelector("#dead-letters tr[data-run-id='" + runId + "']"))).hasSize(2);
        screenshot("05-dead-letters");

        navigateBy(browser.findElement(By.cssSelector("button.replay-code[data-code='Email']")));
        assertThat(browser.findElement(By.id("replay-result")).getText()).contains("0 sent");
        assertThat(browser.findElement(By.id("not-replayed")).getText())
                .contains("refused before provisioning", "fix it in the rejects file");
        // Not replayed, so still open.
        assertThat(browser.findElements(By.cssSelector("#dead-letters tr[data-run-id='" + runId + "']"))).hasSize(2);
        screenshot("06-replay-not-replayed");

        navigateBy(browser.findElement(By.linkText("Configuration")));
        assertThat(browser.findElement(By.id("settings")).getText()).contains("es.server.password ******")
                .doesNotContain(SERVER_PASSWORD);
        screenshot("07-configuration");
    }

    /**
     * A run of 3 s: fixed 10 s buckets drew it as one solid bar. Now it has many bars over labelled axes, with its
     * failures stacked in red on the bars they fell in.
     */
    @Test
    void aShortRunsThroughputShowsBarsAxesAndFailures() throws IOException {
        String runId = shortRunWithFailures();

        browser.get(url("/console/runs/" + runId));
        browser.findElement(By.id("username")).sendKeys(USERNAME);
        browser.findElement(By.id("password")).sendKeys(CONSOLE_PASSWORD);
        navigateBy(browser.findElement(By.id("sign-in")));
        // Back where the operator was going (Spring Security's saved request adds "?continue").
        assertThat(browser.getCurrentUrl()).contains("/console/runs/" + runId);

        // Bars as the page draws them, told apart by where they stand (the legend's swatches are not bars).
        assertThat(browser.findElements(By.cssSelector("#throughput rect:not(#throughput-legend rect)")).stream()
                .map(rect -> rect.getRect().getX()).distinct()).hasSizeGreaterThan(1);
        List<WebElement> bars = browser.findElements(By.cssSelector("#throughput .bar"));
        assertThat(browser.findElement(By.id("time-axis-label")).getText())
                .isEqualTo("time since the run started (s)");
        assertThat(browser.findElement(By.id("record-axis-label")).getText()).isEqualTo("records per 50 ms");
        assertThat(browser.findElement(By.id("throughput-legend")).getText()).contains("succeeded", "failed");
        assertThat(browser.findElements(By.cssSelector("#throughput .bar rect.failed"))).hasSize(5);
        // Drawn, not only present: each failure segment has a size, the failure colour, and sits right on top of the
        // successes of its bar.
        for (WebElement bar : bars) {
            List<WebElement> failed = bar.findElements(By.cssSelector("rect.failed"));
            if (failed.isEmpty()) {
                continue;
            }
            Rectangle failure = failed.get(0).getRect();
            Rectangle successes = bar.findElement(By.cssSelector("rect.succeeded")).getRect();
            assertThat(failure.getHeight()).isPositive();
            assertThat(failure.getY() + failure.getHeight()).isCloseTo(successes.getY(), within(1));
            assertThat(failure.getX()).isEqualTo(successes.getX());
            assertThat(failed.get(0).getCssValue("fill")).isEqualTo("rgb(200, 70, 61)");
        }
        screenshot("08-short-run-throughput");
    }

    /** Clicks what leads to another page and waits for that page: a click does not always wait for it. */
    private void navigateBy(WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    private List<String> recordRows() {
        return browser.findElements(By.cssSelector("#records tbody tr")).stream().map(WebElement::getText).toList();
    }

    private void screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
