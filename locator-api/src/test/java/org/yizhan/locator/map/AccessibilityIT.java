package org.yizhan.locator.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;

/**
 * axe-core (npm axe-core 4.14.1, its dist file committed under src/test/resources/axe with its
 * licence; never served by the app) on the list and the detail, at phone and desktop size.
 */
class AccessibilityIT extends ApiIT {

    static final LatLng SQUARE = new LatLng(43.9500, 116.2500);

    String station;
    MapBrowser browser;

    @BeforeEach
    void stations() {
        XilinhotStations.clearPrevious(jdbc);
        station = TestStations.insert(
                jdbc,
                XilinhotStations.openAllHours(
                        XilinhotStations.offset(SQUARE, 100, 100), "锡林浩特广场驿站", List.of("microwave", "first_aid")));
        TestStations.insert(
                jdbc,
                XilinhotStations.closedNow(
                        XilinhotStations.offset(SQUARE, -300, 200), "锡林浩特夜间驿站", List.of("drinking_water")));
        awaitIndexed();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void phoneListAndDetailHaveNoSeriousViolations() throws IOException {
        browser = MapBrowser.phone(port).at(SQUARE.lat(), SQUARE.lng()).open("/");
        browser.listedCodes();
        assertThat(seriousViolations()).isEmpty();

        browser.click("#list .station-button[data-code='" + station + "']");
        browser.visible("#detail-title");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void phoneRouteDrawingAndRouteListHaveNoSeriousViolations() throws IOException {
        browser = MapBrowser.phone(port)
                .withLocationDenied()
                .open("/?lat=" + SQUARE.lat() + "&lng=" + SQUARE.lng() + "&zoom=16");
        browser.listedCodes();
        browser.click("#route-toggle");
        browser.visible("#route-tools");
        assertThat(seriousViolations()).isEmpty();

        // Across the square, past both stations: the list along the route, its panel and numbered stops.
        browser.tapMap(-100, 30);
        browser.until(d -> browser.currentPath().contains("route="));
        browser.tapMap(60, -60);
        browser.click("#route-done");
        browser.until(d -> browser.listedKinds().contains("route"));
        browser.visible("#route-share");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void stationPageWithPhotosAndEmbedHaveNoSeriousViolations() throws IOException {
        asAdmin()
                .multiPart(
                        "file",
                        "p.jpg",
                        org.yizhan.locator.photo.TestImages.jpeg(
                                org.yizhan.locator.photo.TestImages.picture(800, 600, 7)),
                        "image/jpeg")
                .post("/api/v1/stations/{code}/photos", station)
                .then()
                .statusCode(201);
        browser = MapBrowser.phone(port).withLocationDenied().open("/s/" + station);
        browser.visible("#photos img");
        assertThat(seriousViolations()).isEmpty();

        browser.open("/embed?lat=" + SQUARE.lat() + "&lng=" + SQUARE.lng());
        browser.listedCodes();
        assertThat(seriousViolations()).isEmpty();
        browser.screenshot("phone-embed");
    }

    @Test
    void desktopHasNoSeriousViolations() throws IOException {
        browser = MapBrowser.desktop(port).at(SQUARE.lat(), SQUARE.lng()).open("/");
        browser.listedCodes();
        browser.screenshot("desktop-nearest-list");
        assertThat(seriousViolations()).isEmpty();

        browser.click("#list .station-button[data-code='" + station + "']");
        assertThat(browser.visible("#detail-title").getText()).contains("锡林浩特广场驿站");
        browser.screenshot("desktop-station-detail");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void listRowOpensByKeyboardAndFocusFollowsToTheDetailAndBack() {
        browser = MapBrowser.desktop(port).at(SQUARE.lat(), SQUARE.lng()).open("/");
        browser.listedCodes();
        // List rows are real buttons: Enter opens the station and the focus moves to its title.
        browser.visible("#list .station-button").sendKeys(Keys.ENTER);
        browser.until(d -> "detail-title".equals(browser.script("return document.activeElement.id")));
        browser.visible(".back-button").sendKeys(Keys.ENTER);
        browser.until(
                d -> (Boolean) browser.script("return document.activeElement.classList.contains('station-button')"));
    }

    /** The staff pages signed in, at phone size (menu open too) and desktop size. */
    @Test
    void staffPagesHaveNoSeriousViolations() throws IOException {
        String editor = org.yizhan.locator.support.Accounts.create("editor", List.of("1503"));
        for (boolean phone : List.of(true, false)) {
            browser = phone ? MapBrowser.phone(port) : MapBrowser.desktop(port);
            browser.withLocationDenied().open("/inbox");
            browser.visible("#username").sendKeys(editor);
            browser.visible("#password").sendKeys(org.yizhan.locator.support.Accounts.PASSWORD);
            browser.click("#sign-in-submit");
            browser.visible("#district-table");
            browser.visible("#chart-weekly");
            assertThat(seriousViolations()).as("inbox, phone " + phone).isEmpty();
            if (phone) {
                browser.click("#staff-menu-button");
                browser.visible("#sign-out");
                assertThat(seriousViolations()).as("inbox menu").isEmpty();
            }
            browser.open("/planning");
            browser.visible("#workspace");
            assertThat(seriousViolations()).as("planning, phone " + phone).isEmpty();
            browser.open("/workspace");
            browser.visible("#register-table");
            assertThat(seriousViolations()).as("workspace, phone " + phone).isEmpty();
            browser.close();
            browser = null;
        }
    }

    /** Runs axe in the page and returns "rule: target" for every serious or critical violation. */
    @SuppressWarnings("unchecked")
    private List<String> seriousViolations() throws IOException {
        String axe;
        try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser.script(axe);
        List<Map<String, Object>> violations =
                (List<Map<String, Object>>) browser.asyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                        + " targets: v.nodes.map(n => n.target.join(' ')).join(', ')}))));");
        return violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("targets"))
                .toList();
    }
}
