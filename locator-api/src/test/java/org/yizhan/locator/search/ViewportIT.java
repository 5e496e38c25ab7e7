package org.yizhan.locator.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;
import org.yizhan.locator.support.TestStations;
import org.yizhan.locator.support.TestStations.Spec;

class ViewportIT extends ApiIT {

    /** An empty corner of Tibet that no other test writes to. */
    static final double MIN_LNG = 88.0, MIN_LAT = 33.0, MAX_LNG = 88.5, MAX_LAT = 33.5;

    @Test
    void pagingWalksEveryStationInTheBoxExactlyOnce() {
        Random random = new Random(42);
        Set<String> inside = new HashSet<>();
        for (int i = 0; i < 230; i++) {
            LatLng at = new LatLng(MIN_LAT + random.nextDouble() * 0.5, MIN_LNG + random.nextDouble() * 0.5);
            inside.add(TestStations.insert(jdbc, Spec.active(at).withHours("Mo-Fr 08:00-18:00")));
        }
        // Just outside each edge: never returned.
        TestStations.insert(jdbc, Spec.active(new LatLng(MIN_LAT - 0.0001, MIN_LNG + 0.2)));
        TestStations.insert(jdbc, Spec.active(new LatLng(MAX_LAT + 0.0001, MIN_LNG + 0.2)));
        TestStations.insert(jdbc, Spec.active(new LatLng(MIN_LAT + 0.2, MAX_LNG + 0.0001)));
        TestStations.insert(
                jdbc, Spec.active(new LatLng(MIN_LAT + 0.2, MIN_LNG + 0.1)).withStatus("closed"));
        awaitIndexed(); // active stations in a viewport come from the in-memory index

        List<String> seen = new ArrayList<>();
        String url = "/api/v1/stations?limit=50&bbox=" + MIN_LNG + "," + MIN_LAT + "," + MAX_LNG + "," + MAX_LAT;
        int pages = 0;
        while (url != null) {
            JsonPath page = given().urlEncodingEnabled(false)
                    .get(url)
                    .then()
                    .statusCode(200)
                    .contentType("application/geo+json")
                    .body("type", equalTo("FeatureCollection"))
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("features.id", String.class));
            List<Double> lngs = page.getList("features.collect { it.geometry.coordinates[0] }", Double.class);
            assertThat(lngs).allSatisfy(lng -> assertThat(lng).isBetween(MIN_LNG, MAX_LNG));
            List<Map<String, String>> links = page.getList("links");
            url = links.stream()
                    .filter(l -> "next".equals(l.get("rel")))
                    .map(l -> l.get("href"))
                    .findFirst()
                    .map(h -> h.substring(h.indexOf("/api/")))
                    .orElse(null);
            pages++;
        }
        // Independent answer: the box straight from the table (earlier runs may have left stations here).
        List<String> expected = jdbc.sql("""
                SELECT code FROM station WHERE status = 'active'
                AND ST_X(location::geometry) BETWEEN :minLng AND :maxLng AND ST_Y(location::geometry) BETWEEN :minLat AND :maxLat""")
                .param("minLng", MIN_LNG)
                .param("maxLng", MAX_LNG)
                .param("minLat", MIN_LAT)
                .param("maxLat", MAX_LAT)
                .query(String.class)
                .list();
        assertThat(seen).doesNotHaveDuplicates().containsAll(inside).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 49) / 50);
    }

    @Test
    void featuresCarryTheStationProperties() {
        String code =
                TestStations.insert(jdbc, Spec.active(new LatLng(34.2, 88.2)).withAmenities(List.of("microwave")));
        awaitIndexed();
        given().queryParam("bbox", "88.19999,34.19999,88.20001,34.20001")
                .queryParam("lang", "en")
                .get("/api/v1/stations")
                .then()
                .statusCode(200)
                .body("features.id", org.hamcrest.Matchers.hasItem(code))
                .body("features.find { it.id == '" + code + "' }.geometry.type", equalTo("Point"))
                .body("features.find { it.id == '" + code + "' }.properties.code", equalTo(code))
                .body("features.find { it.id == '" + code + "' }.properties.amenityLabels[0]", equalTo("Microwave"))
                .body("features.find { it.id == '" + code + "' }.properties.openNow", equalTo(true));
    }

    @Test
    void clustersCountEveryActiveStationInTheCellsMeetingTheBox() {
        Random random = TestRandom.current();
        double lat0 = 34.5 + random.nextDouble() * 0.3, lng0 = 89.0 + random.nextDouble() * 0.3; // Tibet, nobody else's
        for (int i = 0; i < 60; i++) {
            TestStations.insert(
                    jdbc, Spec.active(new LatLng(lat0 + random.nextDouble() * 0.1, lng0 + random.nextDouble() * 0.1)));
        }
        awaitIndexed();
        String box = lng0 + "," + lat0 + "," + (lng0 + 0.1) + "," + (lat0 + 0.1);
        // 8 columns over 0.1°: cells of 1/64° (the first power of two of at least 0.0125°), every
        // cell meeting the box counted whole. PostGIS counts the same cells by rounding down.
        List<Long> expected = jdbc.sql("""
                SELECT count(*) FROM station WHERE status = 'active'
                   AND floor(ST_Y(location::geometry) * 64) BETWEEN floor(:y0 * 64) AND floor(:y1 * 64)
                   AND floor(ST_X(location::geometry) * 64) BETWEEN floor(:x0 * 64) AND floor(:x1 * 64)
                 GROUP BY floor(ST_Y(location::geometry) * 64), floor(ST_X(location::geometry) * 64)""")
                .param("x0", lng0)
                .param("x1", lng0 + 0.1)
                .param("y0", lat0)
                .param("y1", lat0 + 0.1)
                .query(Long.class)
                .list();
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> first = given().queryParam(
                        "bbox", box)
                .queryParam("columns", 8)
                .get("/api/v1/stations/clusters")
                .then()
                .statusCode(200)
                .contentType("application/geo+json")
                .header("Cache-Control", "max-age=5, public")
                .extract();
        List<Long> counts = first.jsonPath().getList("features.properties.count", Long.class);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"");
        // A box narrowed within its first column of cells has the same cells: the same answer, so
        // the client's copy is current.
        double inside = (Math.ceil(lng0 * 64) / 64 - lng0) / 2;
        given().queryParam("bbox", (lng0 + inside) + "," + lat0 + "," + (lng0 + 0.1) + "," + (lat0 + 0.1))
                .queryParam("columns", 8)
                .header("If-None-Match", etag)
                .get("/api/v1/stations/clusters")
                .then()
                .statusCode(304)
                .body(org.hamcrest.Matchers.emptyString());
        assertThat(counts).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counts.stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(60);
        assertThat(counts.size()).isLessThanOrEqualTo(9 * 9); // at most columns + 1 cells a side

        // Answers are kept per cells and index version: a station added in the box counts at once.
        TestStations.insert(jdbc, Spec.active(new LatLng(lat0 + 0.05, lng0 + 0.05)));
        awaitIndexed();
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> changed = given().queryParam(
                        "bbox", box)
                .queryParam("columns", 8)
                .header("If-None-Match", etag)
                .get("/api/v1/stations/clusters")
                .then()
                .statusCode(200)
                .extract();
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        List<Long> after = changed.jsonPath().getList("features.properties.count", Long.class);
        assertThat(after.stream().mapToLong(Long::longValue).sum())
                .isEqualTo(counts.stream().mapToLong(Long::longValue).sum() + 1);
    }
}
