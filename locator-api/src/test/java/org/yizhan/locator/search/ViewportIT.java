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
        TestStations.insert(jdbc, Spec.active(new LatLng(MIN_LAT + 0.2, MIN_LNG + 0.1)).withStatus("closed"));

        List<String> seen = new ArrayList<>();
        String url = "/api/v1/stations?limit=50&bbox=" + MIN_LNG + "," + MIN_LAT + "," + MAX_LNG + "," + MAX_LAT;
        int pages = 0;
        while (url != null) {
            JsonPath page = given().urlEncodingEnabled(false).get(url).then().statusCode(200)
                    .contentType("application/geo+json")
                    .body("type", equalTo("FeatureCollection"))
                    .extract().jsonPath();
            seen.addAll(page.getList("features.id", String.class));
            List<Double> lngs = page.getList("features.geometry.coordinates[0]", Double.class);
            assertThat(lngs).allSatisfy(lng -> assertThat(lng).isBetween(MIN_LNG, MAX_LNG));
            List<Map<String, String>> links = page.getList("links");
            url = links.stream().filter(l -> "next".equals(l.get("rel"))).map(l -> l.get("href"))
                    .findFirst().map(h -> h.substring(h.indexOf("/api/"))).orElse(null);
            pages++;
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inside);
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void featuresCarryTheStationProperties() {
        String code = TestStations.insert(jdbc, Spec.active(new LatLng(34.2, 88.2)).withAmenities(List.of("microwave")));
        given().queryParam("bbox", "88.1,34.1,88.3,34.3").queryParam("lang", "en").get("/api/v1/stations")
                .then().statusCode(200)
                .body("features[0].id", equalTo(code))
                .body("features[0].geometry.type", equalTo("Point"))
                .body("features[0].properties.code", equalTo(code))
                .body("features[0].properties.amenityLabels[0]", equalTo("Microwave"))
                .body("features[0].properties.openNow", equalTo(true));
    }
}
