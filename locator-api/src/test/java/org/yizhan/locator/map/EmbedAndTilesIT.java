package org.yizhan.locator.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.ChinaCoordinates;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;

/** The iframe page, the base map without network, and drawing on GCJ-02 tiles. */
class EmbedAndTilesIT extends ApiIT {

    static final LatLng DEPOT = new LatLng(43.8800, 116.0000);

    String depot;
    MapBrowser browser;

    @BeforeEach
    void stations() {
        XilinhotStations.clearPrevious(jdbc);
        depot = TestStations.insert(
                jdbc,
                XilinhotStations.openAllHours(
                        XilinhotStations.offset(DEPOT, 200, 100),
                        "锡林浩特车场驿站",
                        List.of("ebike_charging", "drinking_water")));
        awaitIndexed();
        browser = MapBrowser.phone(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void embedShowsTheMapAndListWithoutChrome() {
        browser.open("/embed?lat=" + DEPOT.lat() + "&lng=" + DEPOT.lng() + "&zoom=15&amenities=ebike_charging&lang=en");

        assertThat(browser.listedCodes()).startsWith(depot);
        assertThat(browser.all(".bar"))
                .allSatisfy(bar -> assertThat(bar.isDisplayed()).isFalse());
        assertThat(browser.text("#amenity-toggle")).contains("Amenities · 1");
        assertThat(browser.all("[data-filter='ebike_charging']"))
                .singleElement()
                .satisfies(
                        chip -> assertThat(chip.getDomAttribute("aria-pressed")).isEqualTo("true"));
        assertThat(browser.text("#sheet-title")).contains("Stations nearby");
        browser.screenshot("phone-embed");
    }

    @Test
    void withoutTilesThePageSaysSoAndTheListStillWorks() {
        // No network here: the OpenStreetMap tiles cannot load.
        browser.at(DEPOT.lat(), DEPOT.lng()).open("/");

        assertThat(browser.text(".notice-tiles")).contains("底图暂时无法加载");
        assertThat(browser.listedCodes()).startsWith(depot);
        assertThat(browser.script("return document.querySelector('#map').classList.contains('tiles-offline')"))
                .isEqualTo(true);
        browser.click("#list .station-button");
        assertThat(browser.text("#detail-title")).isEqualTo("锡林浩特车场驿站");
        browser.screenshot("phone-offline-tiles-detail");
    }

    @Test
    void onGcj02TilesStationsAreRequestedInGcj02AndTheGpsFixIsConverted() {
        browser.at(DEPOT.lat(), DEPOT.lng()).open("/?tiles=amap");

        assertThat(browser.listedCodes()).startsWith(depot);
        browser.until(
                d -> (Boolean)
                        browser.script(
                                "return performance.getEntriesByType('resource').some(e => e.name.includes('/api/v1/stations?') && e.name.includes('crs=gcj02'))"));
        @SuppressWarnings("unchecked")
        List<String> nearestCalls = (List<String>)
                browser.script(
                        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/stations/nearest'))");
        LatLng gcj = ChinaCoordinates.wgs84ToGcj02(DEPOT);
        assertThat(nearestCalls)
                .anySatisfy(call -> assertThat(call)
                        .contains("crs=gcj02")
                        .contains("lat=" + String.valueOf(gcj.lat()).substring(0, 8)));
        assertThat(browser.script("return document.body.dataset.crs")).isEqualTo("gcj02");
    }

    @Test
    void panningQuicklyLoadsTheViewportOnceNotOncePerMove() {
        browser.open("/?lat=" + DEPOT.lat() + "&lng=" + DEPOT.lng() + "&zoom=15");
        browser.until(d -> viewportRequests() == 1);

        // Ten arrow-key pans in one burst: each ends a move, the debounce keeps one request.
        org.openqa.selenium.WebElement map = browser.visible("#map");
        browser.script("arguments[0].focus()", map);
        double before = pageNow();
        // One WebDriver command for the whole burst, not ten round trips.
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(browser.driver());
        for (int i = 0; i < 10; i++) keys = keys.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        keys.perform();
        double spread = pageNow() - before;
        browser.until(d -> viewportRequests() >= 2);
        // A straggler would follow within one debounce period: wait a second of page time for it.
        double settled = pageNow() + 1000;
        browser.until(d -> (Boolean) browser.script("return performance.now() > arguments[0]", settled));
        // The burst is quick on an idle machine (one request, perhaps a straggler); on a starved one
        // the keys arrive further apart, and each quiet debounce period may rightly load once more.
        long allowed = 3 + (long) Math.floor(spread / DEBOUNCE_MS);
        assertThat(viewportRequests())
                .as("viewport requests after a burst of pans spread over %.0f ms", spread)
                .isBetween(2L, allowed);
    }

    /** The page's stations-layer.js waits this long after the last move before it loads. */
    static final double DEBOUNCE_MS = 300;

    private double pageNow() {
        return ((Number) browser.script("return performance.now()")).doubleValue();
    }

    private long viewportRequests() {
        return (Long)
                browser.script(
                        "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/v1/stations?')).length");
    }

    @Test
    void javascriptGcj02FormulaMatchesTheJavaOne() {
        browser.open("/");
        browser.visible("#map");
        double[][] points = {
            {39.6553, 106.8254}, {43.93, 116.07}, {18.25, 109.5}, {53.3, 122.5}, {39.9, 116.4}, {51.5, -0.12}
        };
        for (double[] p : points) {
            @SuppressWarnings("unchecked")
            Map<String, Object> js = (Map<String, Object>) browser.asyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "import('/js/crs.js').then(m => done(m.wgs84ToGcj02(arguments[0], arguments[1])));",
                    p[0],
                    p[1]);
            LatLng java = ChinaCoordinates.wgs84ToGcj02(new LatLng(p[0], p[1]));
            assertThat(((Number) js.get("lat")).doubleValue()).isCloseTo(java.lat(), within(1e-9));
            assertThat(((Number) js.get("lng")).doubleValue()).isCloseTo(java.lng(), within(1e-9));
        }
    }
}
