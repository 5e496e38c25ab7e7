package org.yizhan.locator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, with a phone-sized (or
 * desktop) viewport and the geolocation the test wants, set through CDP. Every wait is on a
 * condition. Shared by the map's and the workspace's browser tests.
 *
 * <p>Each browser is a fresh browser context (CDP {@code Target.createBrowserContext}, what an
 * incognito window is): its own cookies, storage, cache, service workers and permissions, so a
 * test sees the site as a first visit. The Chromium processes behind them are kept between tests
 * and reused: launching one cost ~3 s, about half of a browser test's time.
 */
public class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Chromium chromium;
    private final ChromeDriver driver;
    private final String context;
    private final Path downloads;
    private final String base;
    private final WebDriverWait wait;
    private boolean closed;

    protected Browser(int port, int width, int height, boolean mobile) {
        this.base = "http://localhost:" + port;
        try {
            this.downloads = Files.createTempDirectory("yizhan-downloads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.chromium = Chromium.take();
        this.driver = chromium.driver;
        try {
            this.context = chromium.openWindow(width, height);
            setUpWindow(width, height, mobile);
        } catch (RuntimeException e) {
            chromium.quit(); // in an unknown state: not for the next test
            delete(downloads);
            throw e;
        }
        // Generous: a wait ends as soon as its condition holds, and a busy CI machine is slow to paint.
        // Looked at every 100 ms rather than Selenium's 500: most waits hold within a few frames, and a
        // half-second poll added ~0.25 s on average to each of a test's many waits.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(45), Duration.ofMillis(100));
        // Lists re-render after each action: an element read mid-render is simply read again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** The phone or desk this test asked for, and the page hooks the assertions read. */
    private void setUpWindow(int width, int height, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        if (mobile) driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
        // Collect alert() calls instead of letting a dialog block the driver: the XSS test asserts none.
        driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));"
                                + "window.__errors = [];"
                                + "window.__csp = [];"
                                + "document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));"
                                + "window.addEventListener('error', (e) => window.__errors.push(String(e.message)));"
                                + "window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason && e.reason.stack || e.reason)));"));
    }

    public static Browser phone(int port) {
        return new Browser(port, 360, 640, true);
    }

    public static Browser desktop(int port) {
        return new Browser(port, 1280, 800, false);
    }

    /** A landscape tablet. */
    public static Browser tablet(int port) {
        return new Browser(port, 1024, 768, true);
    }

    public Browser at(double lat, double lng) {
        chromium.cdp.call(
                "Browser.grantPermissions",
                Map.of("origin", base, "permissions", List.of("geolocation"), "browserContextId", context));
        driver.executeCdpCommand(
                "Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lng, "accuracy", 15));
        return this;
    }

    public Browser withLocationDenied() {
        chromium.cdp.call(
                "Browser.setPermission",
                Map.of(
                        "origin",
                        base,
                        "permission",
                        Map.of("name", "geolocation"),
                        "setting",
                        "denied",
                        "browserContextId",
                        context));
        return this;
    }

    public Browser open(String pathAndQuery) {
        driver.get(base + pathAndQuery);
        return this;
    }

    /**
     * Clicks a download link as a person would and waits for the finished file: Chromium saves it
     * into a fresh directory (set through CDP before the click), and the wait ends once a file is
     * there that is no longer a partial download ({@code .crdownload}).
     */
    public Path download(String css) {
        Path dir;
        try {
            dir = Files.createTempDirectory(downloads, "download-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chromium.cdp.call(
                "Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", dir.toString(), "browserContextId", context));
        click(css);
        return until(d -> {
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> all = files.toList();
                return all.size() == 1 && !all.get(0).getFileName().toString().endsWith(".crdownload")
                        ? all.get(0)
                        : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public WebDriver driver() {
        return driver;
    }

    public String base() {
        return base;
    }

    public <T> T until(Function<? super WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + pageState(), e);
        }
    }

    public WebElement visible(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** What the page showed when a wait gave up: the failure then says why, not only what. */
    public String pageState() {
        try {
            return "page " + currentPath() + "; errors " + pageErrors() + "; visible text: "
                    + script("return (document.body.innerText || '').replace(/\\s+/g, ' ').slice(0, 1500);");
        } catch (RuntimeException e) {
            return "page state unavailable: " + e;
        }
    }

    /**
     * Clicks the element once it is shown. Pages re-render lists and cards after every answer: an
     * element replaced between finding and clicking is found again (the click never happened).
     */
    public void click(String css) {
        until(d -> {
            WebElement element = d.findElement(By.cssSelector(css));
            if (!element.isDisplayed() || !element.isEnabled()) return false;
            // Centred first: in the pages' nested scroll panes, ChromeDriver's own scrolling can leave
            // the target under a sticky header or a notice, and the click lands on that instead.
            ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
            try {
                element.click();
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return false; // something passing (a toast, an opening dialog) covers it: try again
            }
            return true;
        });
    }

    /** The element's text once it is shown, read in the same look (a re-render in between is retried). */
    public String text(String css) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed()
                    ? null
                    : found.get(0).getText();
        });
    }

    /** An attribute of the element, once the element is in the page (shown or not). */
    public String attribute(String css, String name) {
        return until(d -> d.findElements(By.cssSelector(css)).stream()
                .findFirst()
                .map(e -> e.getDomAttribute(name))
                .orElse(null));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** Uncaught errors and unhandled promise rejections in the page so far, for failure messages. */
    public Object pageErrors() {
        return script("return window.__errors || [];");
    }

    /** Console messages at error level since the last call (failed loads included), as text. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Content-Security-Policy violations reported in the page so far ("directive blocked-uri"). */
    @SuppressWarnings("unchecked")
    public List<String> cspViolations() {
        return (List<String>) script("return window.__csp || [];");
    }

    public String currentPath() {
        return (String) script("return location.pathname + location.search + location.hash;");
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Closes this browser's context (its windows with it) and gives its Chromium back for the
     * next test; a Chromium that does not answer is quit instead.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            chromium.release(context);
        } finally {
            delete(downloads);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }

    /**
     * One Chromium with its chromedriver and a blank window of its own (the driver always needs
     * one), idle between tests. Two browsers open at once (a phone and a desktop in one test) use
     * two of them.
     */
    private static final class Chromium {
        private static final Deque<Chromium> IDLE = new ArrayDeque<>();
        /** Every one launched and not yet quit, idle or in use: quit when the test JVM ends. */
        private static final Set<Chromium> RUNNING = ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(Chromium::quit)));
        }

        final ChromeDriver driver;
        final BrowserLevelCdp cdp;
        private final Path profile;
        private final String home;

        private Chromium() {
            try {
                this.profile = Files.createTempDirectory("yizhan-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--lang=zh-CN");
            // The console, so that a test can assert a page loads without errors.
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                    .usingAnyFreePort()
                    .build();
            this.driver = new ChromeDriver(service, options);
            try {
                this.home = driver.getWindowHandle();
                @SuppressWarnings("unchecked")
                Map<String, Object> chrome =
                        (Map<String, Object>) driver.getCapabilities().getCapability("goog:chromeOptions");
                this.cdp = new BrowserLevelCdp((String) chrome.get("debuggerAddress"));
            } catch (RuntimeException e) {
                driver.quit(); // not pooled, so quit here or never
                delete(profile);
                throw e;
            }
            RUNNING.add(this);
        }

        /**
         * A new browser context with one window of {@code width} × {@code height}, now the
         * driver's current window; the context's id.
         */
        String openWindow(int width, int height) {
            String context =
                    (String) cdp.call("Target.createBrowserContext", Map.of()).get("browserContextId");
            String window = (String) cdp.call(
                            "Target.createTarget",
                            Map.of(
                                    "url", "about:blank",
                                    "browserContextId", context,
                                    "newWindow", true,
                                    "width", width,
                                    "height", height))
                    .get("targetId");
            driver.switchTo().window(window);
            return context;
        }

        /** An idle Chromium that still answers, or a new one. */
        static Chromium take() {
            while (true) {
                Chromium idle;
                synchronized (IDLE) {
                    idle = IDLE.poll();
                }
                if (idle == null) return new Chromium();
                try {
                    idle.driver.switchTo().window(idle.home);
                    // What the last test's pages logged is not this test's.
                    idle.driver.manage().logs().get(LogType.BROWSER);
                    return idle;
                } catch (RuntimeException dead) {
                    idle.quit();
                }
            }
        }

        /** Closes {@code context} and its windows, and keeps this Chromium for the next test. */
        void release(String context) {
            try {
                driver.switchTo().window(home);
                cdp.call("Target.disposeBrowserContext", Map.of("browserContextId", context));
            } catch (RuntimeException broken) {
                quit();
                return;
            }
            synchronized (IDLE) {
                IDLE.push(this);
            }
        }

        void quit() {
            RUNNING.remove(this);
            try {
                cdp.close();
                driver.quit();
            } catch (RuntimeException ignored) {
                // Already gone.
            } finally {
                delete(profile);
            }
        }
    }
}
