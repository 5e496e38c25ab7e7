package org.yizhan.locator.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.CuttableProxy;
import org.yizhan.locator.support.TestStations;

/**
 * A rider loses signal: the service worker opens the page from its copy and lists the last
 * nearby stations, marked with the time they were fetched and re-ranked from the new GPS fix.
 */
class OfflineMapIT extends ApiIT {

    static final LatLng RIDER = new LatLng(43.9000, 116.1200);
    /** Where the rider is when the signal is gone: 700 m east, so the order of the list changes. */
    static final LatLng MOVED = XilinhotStations.offset(RIDER, 0, 700);

    static final Pattern AS_OF = Pattern.compile("数据更新于 (\\d{2}):(\\d{2})");
    static final Pattern METRES = Pattern.compile("(\\d+) 米");

    String north;
    String east;
    String south;
    MapBrowser browser;
    CuttableProxy signal;

    @BeforeEach
    void stationsAroundTheRider() {
        XilinhotStations.clearPrevious(jdbc);
        north = TestStations.insert(
                jdbc,
                XilinhotStations.openAllHours(
                        XilinhotStations.offset(RIDER, 200, 0), "锡林浩特北站驿站", List.of("drinking_water")));
        east = TestStations.insert(
                jdbc,
                XilinhotStations.openAllHours(
                        XilinhotStations.offset(RIDER, 0, 900), "锡林浩特东站驿站", List.of("microwave", "seating")));
        south = TestStations.insert(
                jdbc,
                XilinhotStations.closedNow(
                        XilinhotStations.offset(RIDER, -450, 0), "锡林浩特南站驿站", List.of("phone_charging")));
        awaitIndexed();
        signal = new CuttableProxy(port);
        browser = MapBrowser.phone(signal.port());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        signal.close();
    }

    @Test
    void offlineReloadListsTheSavedStationsWithTheirTimeAndDistancesFromTheNewFix() {
        browser.at(RIDER.lat(), RIDER.lng()).open("/");
        assertThat(browser.listedCodes()).startsWith(north, south, east);
        // The first load installs the worker; from the next one on it sees (and keeps) the answers.
        browser.until(d -> Boolean.TRUE.equals(browser.script("return !!navigator.serviceWorker.controller")));

        // Online, the API is asked first: a renamed station shows its new name, not a saved one.
        jdbc.sql("UPDATE station SET name = '锡林浩特北站新驿站', updated_at = now() WHERE code = :code")
                .param("code", north)
                .update();
        awaitIndexed();
        browser.driver().navigate().refresh();
        browser.until(d -> browser.visible("#list .station-button[data-code='" + north + "']")
                .getText()
                .contains("锡林浩特北站新驿站"));
        browser.until(d -> Boolean.TRUE.equals(browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "caches.match('/api/v1/stations/nearest').then(r => r ? r.json() : null)"
                + ".then(j => done(!!j && j.stations.some(s => s.name === '锡林浩特北站新驿站')));")));
        assertThat(browser.all(".notice-offline")).isEmpty();
        browser.screenshot("phone-online-list");

        goOffline();
        browser.at(MOVED.lat(), MOVED.lng());
        browser.driver().navigate().refresh();

        String notice = browser.visible(".notice-offline").getText();
        assertThat(notice).contains("离线");
        Matcher asOf = AS_OF.matcher(browser.visible("#as-of").getText());
        assertThat(asOf.matches()).as("as-of line: %s", notice).isTrue();
        LocalTime fetched = LocalTime.of(Integer.parseInt(asOf.group(1)), Integer.parseInt(asOf.group(2)));
        assertThat(Math.abs(ChronoUnit.MINUTES.between(fetched, LocalTime.now().truncatedTo(ChronoUnit.MINUTES)))
                        % (24 * 60))
                .as("fetched within the last minutes")
                .isLessThanOrEqualTo(3);

        // Re-ranked from the new position: the east station is now the nearest.
        Map<String, LatLng> where = Map.of(
                north,
                XilinhotStations.offset(RIDER, 200, 0),
                east,
                XilinhotStations.offset(RIDER, 0, 900),
                south,
                XilinhotStations.offset(RIDER, -450, 0));
        List<String> expected = where.keySet().stream()
                .sorted(Comparator.comparingDouble(code -> Geodesy.distanceMeters(MOVED, where.get(code))))
                .toList();
        browser.until(d -> browser.listedCodes().size() >= 3
                && browser.listedCodes().subList(0, 3).equals(expected));
        assertThat(expected.get(0)).isEqualTo(east);
        for (String code : expected) {
            String row = browser.visible("#list .station-button[data-code='" + code + "']")
                    .getText();
            Matcher m = METRES.matcher(row);
            assertThat(m.find()).as(row).isTrue();
            assertThat(Double.parseDouble(m.group(1)))
                    .as(row)
                    .isCloseTo(Geodesy.distanceMeters(MOVED, where.get(code)), within(15.0));
        }
        // Its saved state said "closed, opens at ..."; the list does not call it open.
        assertThat(browser.visible("#list .station-button[data-code='" + south + "']")
                        .getText())
                .doesNotContain("营业中");
        assertThat(browser.pageErrors()).asList().isEmpty();
        browser.screenshot("phone-offline-list");

        browser.visible("#list .station-button[data-code='" + east + "']").click();
        assertThat(browser.visible("#detail-title").getText()).isEqualTo("锡林浩特东站驿站");
        assertThat(browser.visible("#detail-offline").getText()).contains("离线").containsPattern(AS_OF);
        assertThat(browser.visible("#detail-view").getText()).contains(east, "微波炉");
        browser.screenshot("phone-offline-detail");
    }

    /** The page's requests fail by CDP's offline emulation, the service worker's because the relay is gone. */
    private void goOffline() {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        signal.cut();
        assertThat(browser.script("return navigator.onLine")).isEqualTo(false);
    }
}
