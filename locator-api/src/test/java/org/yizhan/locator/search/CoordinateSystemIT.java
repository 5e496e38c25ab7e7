package org.yizhan.locator.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;
import org.yizhan.locator.support.TestStations.Spec;

/** A caller in GCJ-02 or BD-09 asks in its own system and gets answers in it. */
class CoordinateSystemIT extends ApiIT {

    @Test
    void queryAndResultsUseTheCallersSystem() {
        // Somewhere in Shiyan no earlier run on this database has used.
        java.util.Random random = org.yizhan.locator.support.TestRandom.current();
        LatLng stationWgs = new LatLng(32.60 + random.nextDouble() * 0.08, 110.74 + random.nextDouble() * 0.10);
        String code = TestStations.insert(jdbc, Spec.active(stationWgs).withName("十堰坐标测试驿站"));
        LatLng queryWgs = org.yizhan.geo.Geodesy.destination(stationWgs, 30, 20);
        awaitIndexed();

        for (CoordinateSystem crs : CoordinateSystem.values()) {
            LatLng query = crs.fromWgs84(queryWgs);
            JsonPath json = given().queryParam("lat", query.lat())
                    .queryParam("lng", query.lng())
                    .queryParam("crs", crs.id())
                    .queryParam("limit", 1)
                    .get("/api/v1/stations/nearest")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(json.getString("stations[0].code")).isEqualTo(code);
            assertThat(json.getString("crs")).isEqualTo(crs.id());
            LatLng expected = crs.fromWgs84(stationWgs);
            assertThat(json.getDouble("stations[0].location.lat")).isCloseTo(expected.lat(), within(2e-7));
            assertThat(json.getDouble("stations[0].location.lng")).isCloseTo(expected.lng(), within(2e-7));
            // The distance is a property of the two places, not of the coordinate system.
            assertThat(json.getDouble("stations[0].distanceMeters"))
                    .isCloseTo(org.yizhan.geo.Geodesy.distanceMeters(queryWgs, stationWgs), within(0.1));
        }
    }

    @Test
    void gcj02LocationsAreHundredsOfMetresFromWgs84InChina() {
        LatLng wgs = new LatLng(39.6553, 106.8254);
        LatLng gcj = CoordinateSystem.GCJ02.fromWgs84(wgs);
        assertThat(org.yizhan.geo.Geodesy.distanceMeters(wgs, gcj)).isBetween(100.0, 800.0);
    }
}
