package org.yizhan.locator.map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;

/** A rider on a phone: located, sees the nearest stations, filters, opens one, navigates. */
class NearestListIT extends ApiIT {

    static final LatLng RIDER = new LatLng(43.9300, 116.0700);

    String microwaveOpen;
    String microwaveClosed;
    String waterOnlyOpen;
    MapBrowser browser;

    @BeforeEach
    void stationsAroundTheRider() {
        XilinhotStations.clearPrevious(jdbc);
        waterOnlyOpen = TestStations.insert(
                jdbc,
                XilinhotStations.openAllHours(
                        XilinhotStations.offset(RIDER, 150, 0), "锡林浩特饮水驿站", List.of("drinking_water")));
        microwaveClosed = TestStations.insert(
                jdbc,
                XilinhotStations.closedNow(
                        XilinhotStations.offset(RIDER, 0, 400), "锡林浩特夜间关门驿站", List.of("drinking_water", "microwave")));
        microwaveOpen = TestStations.insert(
                jdbc,
                XilinhotStations.openAllHours(
                        XilinhotStations.offset(RIDER, -900, -300),
                        "锡林浩特微波炉驿站",
                        List.of("microwave", "seating", "phone_charging")));
        for (int i = 0; i < 6; i++) {
            TestStations.insert(
                    jdbc,
                    XilinhotStations.openAllHours(
                            XilinhotStations.offset(RIDER, 1500 + 300 * i, 800 - 200 * i),
                            "锡林浩特驿站" + i,
                            List.of("drinking_water")));
        }
        awaitIndexed();
        browser = MapBrowser.phone(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void locatedRiderSeesTheNearestStationsInTheApisOrder() {
        browser.at(RIDER.lat(), RIDER.lng()).open("/");

        List<String> listed = browser.listedCodes();
        List<String> fromApi = given().queryParam("lat", RIDER.lat())
                .queryParam("lng", RIDER.lng())
                .queryParam("limit", 20)
                .when()
                .get("/api/v1/stations/nearest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("stations.code", String.class);
        List<Double> distances = given().queryParam("lat", RIDER.lat())
                .queryParam("lng", RIDER.lng())
                .queryParam("limit", 20)
                .when()
                .get("/api/v1/stations/nearest")
                .then()
                .extract()
                .jsonPath()
                .getList("stations.distanceMeters", Double.class);

        assertThat(listed).containsExactlyElementsOf(fromApi);
        assertThat(listed).startsWith(waterOnlyOpen, microwaveClosed, microwaveOpen);
        assertThat(distances).isSorted();
        assertThat(browser.text("#list .station-button")).contains("锡林浩特饮水驿站", "150 米", "步行", "骑行");
        browser.until(d -> !browser.all(".station-marker").isEmpty()
                || !browser.all(".marker-cluster").isEmpty());
        browser.screenshot("phone-nearest-list");
    }

    @Test
    void filterForAnOpenStationWithAMicrowaveChangesListAndUrlAndSurvivesReload() {
        browser.at(RIDER.lat(), RIDER.lng()).open("/");
        assertThat(browser.listedCodes()).startsWith(waterOnlyOpen);

        browser.click("#amenity-toggle");
        browser.click("[data-filter='microwave']");
        browser.until(d -> browser.listedCodes().get(0).equals(microwaveClosed));
        browser.click("[data-filter='openNow']");
        browser.until(d -> browser.listedCodes().get(0).equals(microwaveOpen));

        assertThat(browser.listedCodes()).doesNotContain(microwaveClosed, waterOnlyOpen);
        assertThat(browser.currentPath()).contains("amenities=microwave").contains("openNow=true");
        browser.screenshot("phone-filter-microwave-open");

        browser.driver().navigate().refresh();
        browser.until(d -> browser.listedCodes().get(0).equals(microwaveOpen));
        assertThat(browser.text("#amenity-toggle")).contains("设施 · 1");
        browser.click("#amenity-toggle");
        assertThat(browser.visible("[data-filter='microwave']").getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(browser.visible("[data-filter='openNow']").getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(browser.listedCodes()).doesNotContain(microwaveClosed);
    }

    @Test
    void stationDetailShowsFactsAndAnAmapLinkInGcj02() {
        browser.at(RIDER.lat(), RIDER.lng()).open("/?amenities=microwave&openNow=true");
        browser.until(d -> browser.listedCodes().get(0).equals(microwaveOpen));
        browser.click("#list .station-button[data-code='" + microwaveOpen + "']");

        String detail = browser.text("#detail-title");
        assertThat(detail).isEqualTo("锡林浩特微波炉驿站");
        String text = (String) browser.script("return document.querySelector('#detail-view').textContent");
        assertThat(text)
                .contains(microwaveOpen, "测试路1号", "测试工会", "微波炉", "24小时开放", "24/7")
                .doesNotContain("null")
                .doesNotContain("undefined");
        // The card is rendered in one go: read its links from the DOM rather than wait for each to be
        // painted inside the scrolling sheet, which on a slow machine may still be sliding open.
        assertThat(browser.attribute("#detail-view a.phone-link", "href")).isEqualTo("tel:13900000000");
        assertThat(browser.attribute("#detail-view a.share-link", "href")).endsWith("/s/" + microwaveOpen);
        assertThat(browser.currentPath()).contains("#code=" + microwaveOpen);

        double[] amap = amapDestination(browser.attribute("a[data-app='amap']", "href"));
        double gcjLat = given().queryParam("crs", "gcj02")
                .get("/api/v1/stations/{code}", microwaveOpen)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getDouble("location.lat");
        double gcjLng = given().queryParam("crs", "gcj02")
                .get("/api/v1/stations/{code}", microwaveOpen)
                .then()
                .extract()
                .jsonPath()
                .getDouble("location.lng");
        double wgsLng = given().get("/api/v1/stations/{code}", microwaveOpen)
                .then()
                .extract()
                .jsonPath()
                .getDouble("location.lng");
        assertThat(amap[0]).isCloseTo(gcjLat, within(1e-6));
        assertThat(amap[1]).isCloseTo(gcjLng, within(1e-6));
        assertThat(Math.abs(amap[1] - wgsLng))
                .as("GCJ-02 is shifted from WGS-84 in China")
                .isGreaterThan(1e-3);
        assertThat(browser.attribute("a[data-app='baidu']", "href")).contains("coord_type=bd09ll");
        browser.screenshot("phone-station-detail");
    }

    @Test
    void deniedLocationSaysSoAndOffersTheOtherWays() {
        browser.withLocationDenied().open("/");

        String notice = browser.text(".notice-geo");
        assertThat(notice).contains("未获得定位权限");
        browser.screenshot("phone-location-denied");

        assertThat(browser.text("#list .list-message")).contains("点按地图");

        // Without a position, "search here" searches from the map centre.
        browser.click("#search-here");
        assertThat(browser.listedCodes()).isNotEmpty();
    }

    /** Amap's navigation URI carries the destination as to=lng,lat,name. */
    static double[] amapDestination(String href) {
        String query = URI.create(href).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("to=")) {
                String[] parts = pair.substring(3).split(",");
                return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[0])};
            }
        }
        throw new AssertionError("no to= in " + href);
    }
}
