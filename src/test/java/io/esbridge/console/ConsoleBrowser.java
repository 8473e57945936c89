package io.esbridge.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium for the console tests, with a profile of its own that is deleted when it closes. Without
 * Chromium and its driver the calling test is skipped, except on CI ({@code CI=true}) where it fails, so that a CI
 * image that lost the browser does not pass without testing the console. Screenshots go to
 * {@code target/screenshots}.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final Path profile;
    private final WebDriver driver;

    private ConsoleBrowser(Path profile, WebDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    static ConsoleBrowser start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: install the"
                    + " chromium and chromium-driver packages");
        }
        Assumptions.assumeTrue(installed, "Chromium or chromedriver not installed");
        Path profile = Files.createTempDirectory("console-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No internet here: without the background-networking switches Chromium waits on the network.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
        return new ConsoleBrowser(profile, driver);
    }

    WebDriver driver() {
        return driver;
    }

    /** Fills in the login page the console sent the browser to, and waits for the page it leads to. */
    void signIn(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        navigateBy(driver.findElement(By.id("sign-in")));
    }

    /** Clicks what leads to another page and waits for that page: a click does not always wait for it. */
    void navigateBy(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(page));
    }

    /**
     * Whether the page an element belongs to has been replaced. Mid-navigation Chrome may answer for the old page's
     * node with an inspector error ("Node with given id does not belong to the document") instead of a stale element:
     * the old page is gone all the same (seen once in CI, failing the replay test by chance).
     */
    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The rows of the run page's records table, as text. */
    List<String> recordRows() {
        return driver.findElements(By.cssSelector("#records tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        FileSystemUtils.deleteRecursively(profile);
    }
}
