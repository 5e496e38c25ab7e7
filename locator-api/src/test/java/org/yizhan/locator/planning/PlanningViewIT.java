package org.yizhan.locator.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.TestRandom;
import org.yizhan.locator.support.TestStations;
import org.yizhan.locator.support.TestStations.Spec;

/**
 * A planner for 乌海市 at a desktop browser: signs in on the page, uploads demand, reads the
 * coverage share (the API's number), asks for five new sites, sees them numbered on the map with
 * their gains, and finds the GeoJSON export. Debian's headless Chromium; no tiles (no internet).
 */
class PlanningViewIT extends ApiIT {

    /**
     * A town of its own on the Ordos plateau, moved a little every run: other tests put many
     * stations in Wuhai, which would cover this demand already.
     */
    static final Random PLACE = TestRandom.forClass(PlanningViewIT.class);

    static final LatLng WUHAI = new LatLng(39.0 + PLACE.nextDouble() * 0.5, 108.5 + PLACE.nextDouble() * 0.5);

    private Browser browser;
    private Path demandCsv;
    private Path brokenCsv;

    @BeforeEach
    void wuhaiStationsDemandFileAndBrowser() throws IOException {
        for (int i = 0; i < 4; i++) {
            TestStations.insert(
                    jdbc, Spec.active(Geodesy.destination(WUHAI, i * 90, 700)).withName("乌海规划测试驿站" + i));
        }
        awaitIndexed();
        demandCsv = Files.createTempFile("wuhai-demand-", ".csv");
        Files.writeString(demandCsv, wuhaiDemand(), StandardCharsets.UTF_8);
        brokenCsv = Files.createTempFile("no-coordinates-", ".csv");
        Files.writeString(brokenCsv, "名称,权重\n某处,3\n", StandardCharsets.UTF_8);

        browser = Browser.desktop(port);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        try {
            browser.close();
        } finally {
            Files.deleteIfExists(demandCsv);
            Files.deleteIfExists(brokenCsv);
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
            csv.append(p.lat())
                    .append(',')
                    .append(p.lng())
                    .append(',')
                    .append(1 + random.nextInt(5))
                    .append(',')
                    .append(districts[c])
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void plannerUploadsDemandSeesCoverageAsksForFiveSitesAndExportsThem() {
        browser.open("/planning");

        browser.visible("#signin");
        browser.visible("#username").sendKeys(ADMIN);
        browser.visible("#password").sendKeys(ADMIN_PASSWORD);
        browser.screenshot("planning-signin");
        browser.click("#signin-submit");
        browser.visible("#workspace");
        assertThat(browser.text("#ws-user-name")).contains(ADMIN);

        // A file without coordinates: the problem's title is on the page.
        browser.click("#upload-box summary");
        upload(brokenCsv, "坏文件");
        assertThat(browser.text("#alerts .alert-title")).isNotBlank();

        upload(demandCsv, "乌海外卖热点");
        WebElement share = browser.visible("#coverage-share");
        String demandId = browser.driver().findElement(By.id("demand-select")).getDomProperty("value");
        JsonPath coverage = asAdmin()
                .queryParam("demand", demandId)
                .queryParam("radius", 1000)
                .get("/api/v1/planning/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(number(share.getText())).isCloseTo(coverage.getDouble("share") * 100, within(0.05));
        assertThat(Double.parseDouble(share.getDomAttribute("data-share")))
                .isCloseTo(coverage.getDouble("share"), within(1e-12));
        assertThat(browser.text(".big-share")).contains("1 公里");
        assertThat(browser.driver().findElements(By.cssSelector("#by-group tbody tr")))
                .hasSize(coverage.getList("byGroup").size());
        browser.until(d -> !d.findElements(By.cssSelector(".plan-station")).isEmpty()
                && !d.findElements(By.cssSelector(".gap-cell")).isEmpty());
        browser.screenshot("planning-coverage");

        WebElement k = browser.visible("#k");
        k.clear();
        k.sendKeys("5");
        browser.click("#suggest-submit");
        browser.until(d -> d.findElements(By.cssSelector(".suggest-marker")).size() == 5);
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#site-list li"));
        assertThat(rows).hasSize(5);
        assertThat(browser.driver().findElements(By.cssSelector(".suggest-marker")).stream()
                        .map(WebElement::getText))
                .containsExactlyInAnyOrder("1", "2", "3", "4", "5");
        JsonPath plan = asAdmin()
                .queryParam("demand", demandId)
                .queryParam("k", 5)
                .queryParam("radius", 1000)
                .queryParam("candidates", "grid")
                .get("/api/v1/planning/suggestions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (WebElement row : rows)
            assertThat(row.findElement(By.cssSelector(".gain")).getText()).startsWith("+");
        String change = browser.text("#suggest-change");
        assertThat(change).contains("→");
        assertThat(number(change.substring(change.indexOf('→'))))
                .isCloseTo(plan.getDouble("shareAfter") * 100, within(0.05));

        String geojson =
                browser.visible("#suggestions a[data-format='geojson']").getDomAttribute("href");
        assertThat(geojson)
                .contains("format=geojson")
                .contains("demand=" + demandId)
                .contains("k=5");
        assertThat(asAdmin()
                        .get(geojson)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("features"))
                .hasSize(5);
        browser.screenshot("planning-suggestions");

        // Each site says where it is (the division the API names for its point) and opens a new
        // station there in the workspace; the time the computation took is not the staff's business.
        List<String> createHere = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double lat = plan.getDouble("sites[" + i + "].location.lat");
            double lng = plan.getDouble("sites[" + i + "].location.lng");
            String area = asAdmin()
                    .get("/api/v1/divisions/at?lat={lat}&lng={lng}", lat, lng)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("area.name");
            String site = "#site-list li[data-rank='" + (i + 1) + "']";
            browser.until(d ->
                    d.findElement(By.cssSelector(site + " .place")).getText().contains(area));
            // ...and by the nearest existing station, which staff know by name.
            String station = plan.getString("sites[" + i + "].nearestStation.name");
            assertThat(station).isNotBlank();
            assertThat(browser.text(site + " .where")).contains("「" + station + "」以");
            String href = browser.attribute(site + " .create-here", "href");
            assertThat(href)
                    .isEqualTo(String.format(
                            java.util.Locale.ROOT,
                            "/workspace?lat=%.6f&lng=%.6f&zoom=17#new&lat=%.6f&lng=%.6f",
                            lat,
                            lng,
                            lat,
                            lng));
            createHere.add(href);
        }
        assertThat(browser.text("#suggestions")).doesNotContain("毫秒").doesNotContain(" ms");
        browser.screenshot("planning-suggestions-named");

        browser.click("#full-card summary");
        browser.click("#full-submit");
        assertThat(browser.text("#full-result")).contains("100.0%");
        browser.click("#redundancy-card summary");
        browser.click("#redundancy-submit");
        List<WebElement> redundant = browser.visible("#redundancy-table").findElements(By.cssSelector("tbody tr"));
        assertThat(redundant).hasSizeGreaterThanOrEqualTo(4);
        // Stations by name (the register's), each linking to its editor.
        for (WebElement row : redundant) {
            String code = row.getDomAttribute("data-code");
            WebElement link = row.findElement(By.cssSelector("a"));
            assertThat(link.getText())
                    .isEqualTo(jdbc.sql("SELECT name FROM station WHERE code = :c")
                            .param("c", code)
                            .query(String.class)
                            .single());
            assertThat(link.getDomAttribute("href")).isEqualTo("/workspace#code=" + code);
        }
        browser.screenshot("planning-secondary");

        browser.click("#lang-switch");
        browser.until(d -> d.findElement(By.id("coverage-h")).getText().contains("Coverage"));
        assertThat(browser.text(".big-share")).contains("within 1 km");
        // The results stay, in the other language.
        assertThat(browser.all("#site-list li")).hasSize(5);
        assertThat(browser.text("#site-list li[data-rank='1'] .create-here")).isEqualTo("Create a station here");
        assertThat(browser.all("#redundancy-table tbody tr")).hasSize(redundant.size());
        browser.screenshot("planning-english");

        // The uploaded set is renamed, then deleted, from the page; the API agrees.
        browser.click("#sets-box summary");
        String setItem = "#set-list li[data-id='" + demandId + "']";
        WebElement setName = browser.visible(setItem + " .set-name");
        setName.clear();
        setName.sendKeys("乌海外卖热点 11月");
        browser.click(setItem + " .set-rename");
        browser.until(d -> "乌海外卖热点 11月"
                .equals(asAdmin()
                        .get("/api/v1/planning/sets")
                        .jsonPath()
                        .getString("find { it.id == " + demandId + " }.name")));
        browser.until(d -> d.findElement(By.id("demand-select")).getText().contains("乌海外卖热点 11月"));
        browser.screenshot("planning-sets");
        browser.click(setItem + " .set-delete");
        browser.click(setItem + " .set-delete[data-confirm]");
        browser.until(d -> asAdmin().get("/api/v1/planning/sets").jsonPath().getList("id", Long.class).stream()
                .noneMatch(id -> id == Long.parseLong(demandId)));
        browser.until(d -> d.findElements(By.cssSelector("#site-list li")).isEmpty());

        // A tablet held upright: the panel goes under the map.
        ((org.openqa.selenium.chromium.HasCdp) browser.driver())
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 768, "height", 1024, "deviceScaleFactor", 1, "mobile", false));
        browser.until(d -> d.findElement(By.id("panel")).getLocation().getY() > 300);
        browser.screenshot("planning-tablet");

        // A phone: the header keeps the brand and a menu button; nothing is wider than the screen.
        ((org.openqa.selenium.chromium.HasCdp) browser.driver())
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 360, "height", 640, "deviceScaleFactor", 1, "mobile", true));
        browser.visible("#staff-menu-button");
        browser.until(d -> Long.valueOf(360).equals(browser.script("return document.documentElement.scrollWidth")));
        // The layer switches fold to one button so the map stays visible; a tap unfolds them.
        browser.until(d -> !Boolean.TRUE.equals(browser.script("return document.getElementById('layer-box').open")));
        assertThat(browser.driver().findElement(By.id("layer-box")).getSize().getHeight())
                .isLessThan(48);
        assertThat(browser.driver()
                        .findElement(By.cssSelector("[data-layer=gaps]"))
                        .isDisplayed())
                .isFalse();
        browser.screenshot("planning-phone");
        browser.click("#layer-summary");
        browser.visible("[data-layer=gaps]");
        browser.screenshot("planning-phone-layers");
        browser.click("#layer-summary");
        browser.until(d -> !d.findElement(By.cssSelector("[data-layer=gaps]")).isDisplayed());

        // "Create a station here": the workspace's new-station form, placed at the site.
        browser.open(createHere.get(0));
        double lat = plan.getDouble("sites[0].location.lat");
        double lng = plan.getDouble("sites[0].location.lng");
        browser.until(
                d -> !d.findElement(By.id("f-lat")).getDomProperty("value").isEmpty());
        // Within a kilometre: the form shows the point in the map's coordinate system.
        assertThat(Double.parseDouble(browser.visible("#f-lat").getDomProperty("value")))
                .isCloseTo(lat, within(0.01));
        assertThat(Double.parseDouble(browser.visible("#f-lng").getDomProperty("value")))
                .isCloseTo(lng, within(0.01));
        browser.screenshot("planning-create-here-phone");
    }

    private void upload(Path file, String name) {
        WebElement nameInput = browser.visible("#upload-name");
        nameInput.clear();
        nameInput.sendKeys(name);
        browser.driver()
                .findElement(By.id("upload-file"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.click("#upload-submit");
    }

    private static double number(String text) {
        return Double.parseDouble(text.replaceAll("[^0-9.]", ""));
    }
}
