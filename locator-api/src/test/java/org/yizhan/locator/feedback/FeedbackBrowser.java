package org.yizhan.locator.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the feedback pages, set up as the map tests' MapBrowser does (which is
 * private to its package): Debian's chromium and chromedriver, a fresh profile, waits on conditions.
 */
final class FeedbackBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private final WebDriverWait wait;

    FeedbackBrowser(int port, int width, int height, boolean mobile) {
        this.base = "http://localhost:" + port;
        try {
            this.profile = Files.createTempDirectory("yizhan-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        driver.executeCdpCommand("Browser.setPermission", Map.of("origin", base,
                "permission", Map.of("name", "geolocation"), "setting", "denied"));
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // Lists re-render after each action: an element read mid-render is simply read again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    FeedbackBrowser open(String path) {
        driver.get(base + path);
        return this;
    }

    WebDriver driver() {
        return driver;
    }

    <T> T until(Function<? super WebDriver, T> condition) {
        return wait.until(condition);
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement clickable(String css) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    void textContains(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A leftover temp profile is harmless.
            }
        }
    }
}
