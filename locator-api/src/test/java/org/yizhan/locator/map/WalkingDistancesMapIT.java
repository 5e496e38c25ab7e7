package org.yizhan.locator.map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.route.EncodedPolyline;
import org.yizhan.locator.routing.RoadApiIT;

/**
 * With a road graph loaded (the generated test city), the rider's list measures the way there:
 * the walking (or, by the switch, riding) distances and order the API gives for by=walk|ride,
 * labelled as such; where the graph has no road near, an honest straight line.
 */
class WalkingDistancesMapIT extends RoadApiIT {

    MapBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = MapBrowser.phone(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theListShowsTheApisWalkingDistancesAndTheSwitchGivesRidingOnes() {
        LatLng here = city.corner(5, 4);
        String acrossRiver = station(city.corner(5, 5), "河对岸驿站");
        String sameBank = station(city.corner(2, 4), "同岸驿站");
        station(city.corner(7, 2), "东南驿站");
        awaitIndexed();
        assertThat(given().get("/api/v1/map-config").then().extract().jsonPath().getList("travel"))
                .containsExactly("walk", "ride");

        browser.withLocationDenied().open("/?lat=" + here.lat() + "&lng=" + here.lng() + "&zoom=16");
        JsonPath walk = nearest(here, "walk");
        List<String> walkCodes = walk.getList("stations.code", String.class);
        // The test city's river makes the walking order differ from the straight-line one.
        assertThat(walkCodes.indexOf(sameBank)).isLessThan(walkCodes.indexOf(acrossRiver));
        assertThat(nearest(here, null).getList("stations.code", String.class).indexOf(acrossRiver))
                .isLessThan(walkCodes.indexOf(acrossRiver));

        browser.until(d -> browser.listedKinds().contains("walk"));
        assertThat(browser.listedCodes()).containsExactlyElementsOf(walkCodes);
        assertThat(routeMetres()).containsExactlyElementsOf(walk.getList("stations.routeMeters", Double.class));
        String first = browser.text("#list .station-button");
        assertThat(first)
                .contains("步行 " + AlongRouteMapIT.metres(walk.getDouble("stations[0].routeMeters")))
                .contains("约 " + Math.max(1, Math.round(walk.getDouble("stations[0].routeSeconds") / 60)) + " 分钟")
                .doesNotContain("直线");
        assertThat(browser.visible("[data-travel='walk']").getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        browser.screenshot("phone-walking-distances");

        browser.click("[data-travel='ride']");
        JsonPath ride = nearest(here, "ride");
        browser.until(d -> browser.listedKinds().contains("ride"));
        assertThat(browser.listedCodes()).containsExactlyElementsOf(ride.getList("stations.code", String.class));
        assertThat(routeMetres()).containsExactlyElementsOf(ride.getList("stations.routeMeters", Double.class));
        assertThat(browser.text("#list .station-button")).contains("骑行 ");
        assertThat(browser.currentPath()).contains("by=ride");

        // The choice survives a reload.
        browser.driver().navigate().refresh();
        browser.until(d -> browser.listedKinds().contains("ride"));
        browser.screenshot("phone-riding-distances");
    }

    @Test
    void farFromTheGraphsRoadsTheListSaysItsDistancesAreStraight() {
        LatLng field = city.at(-3_000, -3_000);
        station(city.at(-3_000, -2_800), "田野驿站");
        awaitIndexed();
        browser.withLocationDenied().open("/?lat=" + field.lat() + "&lng=" + field.lng() + "&zoom=16");
        browser.until(d -> browser.listedKinds().contains("straight"));
        assertThat(browser.listedKinds()).containsOnly("straight");
        assertThat(browser.text("#list .station-button")).contains("直线");
        assertThat(browser.text("#notices")).contains("这里没有路网数据");
        assertThat(browser.all("#alerts .alert")).isEmpty();
        browser.screenshot("phone-walking-unavailable");
    }

    @Test
    void alongARouteTheListGivesEachStationsWalkingDetour() {
        // Along the south bank's row 4; one station on the same bank, one across the river.
        List<LatLng> route = List.of(city.corner(2, 4), city.corner(3, 4), city.corner(4, 4), city.corner(5, 4));
        String sameBank = station(city.corner(3, 3), "同岸驿站");
        String acrossRiver = station(city.corner(4, 5), "河对岸驿站");
        awaitIndexed();
        String polyline = EncodedPolyline.encode(
                route.stream().map(p -> new double[] {p.lat(), p.lng()}).toList());
        JsonPath walk = given().contentType(ContentType.JSON)
                .body(Map.of("polyline", polyline))
                .post("/api/v1/stations/along-route?buffer=1000&by=walk")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(walk.getList("stations.station.code", String.class)).contains(sameBank, acrossRiver);

        browser.withLocationDenied().open("/#route=" + polyline + "&buffer=1000");
        browser.until(d -> browser.text("#list").contains("来回绕行"));
        assertThat(browser.listedCodes())
                .containsExactlyElementsOf(walk.getList("stations.station.code", String.class));
        int across = walk.getList("stations.station.code", String.class).indexOf(acrossRiver);
        String row = browser.all("#list .station-button").get(across).getText();
        assertThat(row)
                .contains("来回绕行 " + AlongRouteMapIT.metres(walk.getDouble("stations[" + across + "].detourMetres")))
                .contains("约 " + Math.max(1, Math.round(walk.getDouble("stations[" + across + "].detourSeconds") / 60))
                        + " 分钟")
                .doesNotContain("离路线");
        browser.screenshot("phone-route-walking-detours");
    }

    private List<Double> routeMetres() {
        return browser.all("#list .station-button").stream()
                .map(e -> Double.valueOf(e.getDomAttribute("data-route-meters")))
                .toList();
    }

    private static JsonPath nearest(LatLng at, String by) {
        var request =
                given().queryParam("lat", at.lat()).queryParam("lng", at.lng()).queryParam("limit", 20);
        if (by != null) request = request.queryParam("by", by);
        return request.get("/api/v1/stations/nearest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
