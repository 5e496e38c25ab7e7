package org.yizhan.locator.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;

/** view=compact gives a list view the same stations, in the same order, with five fields each. */
class CompactViewIT extends ApiIT {

    /** A spot in Ulanqab no other test uses. */
    private static final double LAT = 41.2345;

    private static final double LNG = 112.3456;

    @Test
    void compactNearestIsTheFullAnswerCutToFiveFields() {
        for (int i = 0; i < 12; i++) {
            TestStations.insert(
                    jdbc,
                    TestStations.Spec.active(new LatLng(LAT + i * 0.0007, LNG - i * 0.0005))
                            .withName("紧凑视图测试 " + i));
        }
        awaitIndexed();
        String query = "/api/v1/stations/nearest?lat=" + LAT + "&lng=" + LNG + "&limit=10&crs=gcj02";
        String full = given().get(query).then().statusCode(200).extract().asString();
        String compact = given().get(query + "&view=compact")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        List<Map<String, Object>> fullStations = JsonPath.from(full).getList("stations");
        List<Map<String, Object>> compactStations = JsonPath.from(compact).getList("stations");
        assertThat(compactStations).hasSameSizeAs(fullStations);
        for (int i = 0; i < fullStations.size(); i++) {
            Map<String, Object> f = fullStations.get(i);
            assertThat(compactStations.get(i))
                    .containsOnlyKeys("code", "name", "location", "openNow", "distanceMeters")
                    .containsEntry("code", f.get("code"))
                    .containsEntry("name", f.get("name"))
                    .containsEntry("location", f.get("location"))
                    .containsEntry("openNow", f.get("openNow"))
                    .containsEntry("distanceMeters", f.get("distanceMeters"));
        }
        int fullBytes = full.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int compactBytes = compact.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        System.out.printf(
                "nearest limit=10: full %d bytes (%d per station), compact %d bytes (%d per station)%n",
                fullBytes, fullBytes / fullStations.size(), compactBytes, compactBytes / compactStations.size());
        // Test stations have short fields; real ones (~900 bytes in full) shrink further.
        assertThat(compactBytes).as("compact bytes vs full").isLessThan(fullBytes / 3);
    }

    @Test
    void compactViewportFeaturesCarryTheCompactProperties() {
        String code = TestStations.insert(
                jdbc,
                TestStations.Spec.active(new LatLng(LAT - 0.01, LNG + 0.01)).withName("紧凑视口测试"));
        awaitIndexed();
        String bbox = (LNG + 0.005) + "," + (LAT - 0.015) + "," + (LNG + 0.015) + "," + (LAT - 0.005);
        JsonPath full = given().get("/api/v1/stations?bbox=" + bbox)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath compact = given().get("/api/v1/stations?view=compact&bbox=" + bbox)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(compact.getList("features.id"))
                .isEqualTo(full.getList("features.id"))
                .contains(code);
        assertThat(compact.getMap("features[0].properties")).containsOnlyKeys("code", "name", "location", "openNow");
        assertThat(compact.getList("features.geometry")).isEqualTo(full.getList("features.geometry"));
    }

    @Test
    void anUnknownViewIsA400() {
        given().get("/api/v1/stations/nearest?lat=39.6&lng=106.8&view=tiny")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("view"));
        given().get("/api/v1/stations?bbox=106.7,39.6,106.9,39.7&view=tiny")
                .then()
                .statusCode(400)
                .body("field", equalTo("view"));
    }
}
