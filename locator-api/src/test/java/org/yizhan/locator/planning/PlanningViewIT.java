package org.yizhan.locator.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;
import org.yizhan.locator.support.TestStations.Spec;

/**
 * A planner for 乌海市 at a desktop browser: signs in on the page, uploads demand, reads the
 * coverage share (the API's number), asks for five new sites, sees them numbered on the map with
 * their gains, and finds the GeoJSON export. Debian's headless Chromium; no tiles (no internet).
 */
class PlanningViewIT extends ApiIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * A town of its own on the Ordos plateau, moved a little every run: other tests put many
     * stations in Wuhai, which would cover this demand already.
     */
    static final LatLng WUHAI = new LatLng(39.0 + new java.util.Random().nextDouble() * 0.5, 108.5 + new java.util.Random().nextDouble() * 0.5);

    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;
    private Path demandCsv;
    private Path brokenCsv;

    @BeforeEach
    void wuhaiStationsDemandFileAndBrowser() throws IOException {
        for (int i = 0; i < 4; i++) {
            TestStations.insert(jdbc, Spec.active(Geodesy.destination(WUHAI, i * 90, 700)).withName("乌海规划测试驿站" + i));
        }
        awaitIndexed();
        demandCsv = Files.createTempFile("wuhai-demand-", ".csv");
        Files.writeString(demandCsv, wuhaiDemand(), StandardCharsets.UTF_8);
        brokenCsv = Files.createTempFile("no-coordinates-", ".csv");
        Files.writeString(brokenCsv, "名称,权重\n某处,3\n", StandardCharsets.UTF_8);

        profile = Files.createTempDirectory("yizhan-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=zh-CN");
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        try {
            driver.quit();
        } finally {
            Files.deleteIfExists(demandCsv);
            Files.deleteIfExists(brokenCsv);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Delivery hotspots: two dense clusters near the stations (海勃湾区), three farther out (乌达区, 海南区). */
    private static String wuhaiDemand() {
        Random random = new Random(150300);
        StringBuilder csv = new StringBuilder("纬度,经度,权重,区县\n");
        String[] districts = {"海勃湾区", "海勃湾区", "乌达区", "海南区", "乌达区"};
        double[][] hubs = {{30, 500}, {200, 900}, {270, 4_000}, {150, 5_500}, {320, 2_600}};
        for (int i = 0; i < 500; i++) {
            int c = i % hubs.length;
            LatLng hub = Geodesy.destination(WUHAI, hubs[c][0], hubs[c][1]);
            LatLng p = Geodesy.destination(hub, random.nextDouble() * 360, random.nextDouble() * 1_200);
            csv.append(p.lat()).append(',').append(p.lng()).append(',').append(1 + random.nextInt(5)).append(',')
                    .append(districts[c]).append('\n');
        }
        return csv.toString();
    }

    @Test
    void plannerUploadsDemandSeesCoverageAsksForFiveSitesAndExportsThem() {
        driver.get("http://localhost:" + port + "/planning");

        visible("#signin");
        visible("#username").sendKeys(ADMIN);
        visible("#password").sendKeys(ADMIN_PASSWORD);
        screenshot("planning-signin");
        visible("#signin-submit").click();
        visible("#workspace");
        assertThat(visible("#who").getText()).contains(ADMIN);

        // A file without coordinates: the problem's title is on the page.
        visible("#upload-box summary").click();
        upload(brokenCsv, "坏文件");
        assertThat(visible("#alerts .alert-title").getText()).isNotBlank();

        upload(demandCsv, "乌海外卖热点");
        WebElement share = visible("#coverage-share");
        String demandId = driver.findElement(By.id("demand-select")).getDomProperty("value");
        JsonPath coverage = asAdmin().queryParam("demand", demandId).queryParam("radius", 1000)
                .get("/api/v1/planning/coverage").then().statusCode(200).extract().jsonPath();
        assertThat(number(share.getText())).isCloseTo(coverage.getDouble("share") * 100, within(0.05));
        assertThat(Double.parseDouble(share.getDomAttribute("data-share"))).isCloseTo(coverage.getDouble("share"), within(1e-12));
        assertThat(visible(".big-share").getText()).contains("1 公里");
        assertThat(driver.findElements(By.cssSelector("#by-group tbody tr"))).hasSize(coverage.getList("byGroup").size());
        wait.until(d -> !d.findElements(By.cssSelector(".plan-station")).isEmpty() && !d.findElements(By.cssSelector(".gap-cell")).isEmpty());
        screenshot("planning-coverage");

        WebElement k = visible("#k");
        k.clear();
        k.sendKeys("5");
        visible("#suggest-submit").click();
        wait.until(d -> d.findElements(By.cssSelector(".suggest-marker")).size() == 5);
        List<WebElement> rows = driver.findElements(By.cssSelector("#site-list li"));
        assertThat(rows).hasSize(5);
        assertThat(driver.findElements(By.cssSelector(".suggest-marker")).stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("1", "2", "3", "4", "5");
        JsonPath plan = asAdmin().queryParam("demand", demandId).queryParam("k", 5).queryParam("radius", 1000)
                .queryParam("candidates", "grid").get("/api/v1/planning/suggestions").then().statusCode(200).extract().jsonPath();
        for (WebElement row : rows) assertThat(row.findElement(By.cssSelector(".gain")).getText()).startsWith("+");
        String change = visible("#suggest-change").getText();
        assertThat(change).contains("→");
        assertThat(number(change.substring(change.indexOf('→')))).isCloseTo(plan.getDouble("shareAfter") * 100, within(0.05));

        String geojson = visible("#suggestions a[data-format='geojson']").getDomAttribute("href");
        assertThat(geojson).contains("format=geojson").contains("demand=" + demandId).contains("k=5");
        assertThat(asAdmin().get(geojson).then().statusCode(200).extract().jsonPath().getList("features")).hasSize(5);
        screenshot("planning-suggestions");

        visible("#full-card summary").click();
        visible("#full-submit").click();
        assertThat(visible("#full-result").getText()).contains("100.0%");
        visible("#redundancy-card summary").click();
        visible("#redundancy-submit").click();
        assertThat(visible("#redundancy-table").findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThanOrEqualTo(4);
        screenshot("planning-secondary");

        visible("#lang-switch").click();
        wait.until(d -> d.findElement(By.id("coverage-h")).getText().contains("Coverage"));
        assertThat(visible(".big-share").getText()).contains("within 1 km");
        screenshot("planning-english");

        // A tablet held upright: the panel goes under the map.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 768, "height", 1024, "deviceScaleFactor", 1, "mobile", false));
        wait.until(d -> d.findElement(By.id("panel")).getLocation().getY() > 300);
        screenshot("planning-tablet");
    }

    private void upload(Path file, String name) {
        WebElement nameInput = visible("#upload-name");
        nameInput.clear();
        nameInput.sendKeys(name);
        driver.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        visible("#upload-submit").click();
    }

    private static double number(String text) {
        return Double.parseDouble(text.replaceAll("[^0-9.]", ""));
    }

    private WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
