package org.yizhan.locator.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;
import org.yizhan.locator.support.TestStations;
import org.yizhan.locator.support.TestStations.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nearest and the viewport write their stations field by field (StationJson), not from the
 * StationResponse record: each station of a nearest answer, and each feature's properties in a
 * viewport, must equal the station's own answer field for field and in the same order, in both
 * languages and every crs, and must follow edits, verifications and report alarms at once.
 */
class NearestJsonIT extends ApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void nearestStationsEqualTheirOwnAnswers() {
        Random random = TestRandom.current();
        // A spot of its own in the west, away from other tests' stations.
        LatLng centre = new LatLng(30 + random.nextDouble() * 3, 84 + random.nextDouble() * 4);
        List<String> codes = new ArrayList<>();
        String[] hours = {"24/7", "Mo-Fr 08:00-18:00", "18:00-02:00", "Mo-Su 06:30-20:30", "Sa,Su 10:00-16:00"};
        for (int i = 0; i < 8; i++) {
            LatLng at = Geodesy.destination(centre, random.nextDouble() * 360, 50 + random.nextDouble() * 900);
            codes.add(TestStations.insert(
                    jdbc,
                    Spec.active(at)
                            .withHours(hours[i % hours.length])
                            .withAmenities(i % 2 == 0 ? List.of("drinking_water", "microwave") : List.of())
                            .withName(i == 0 ? "驿站 \"东门\" \\ 😀 \t" + TestRandom.token(4) : "测试驿站" + i)));
        }
        // The optional fields, present on some and absent on others.
        jdbc.sql(
                        "UPDATE station SET name_en = 'Gate \"East\" rest stop', floor_area = 35.5,"
                                + " status_reason = 'summer hours', last_verified_at = now() - interval '3 days' WHERE code = :c")
                .param("c", codes.get(1))
                .update();
        // Stale: verified long ago, and a recent report alarm.
        jdbc.sql("UPDATE station SET last_verified_at = now() - interval '200 days' WHERE code = :c")
                .param("c", codes.get(2))
                .update();
        jdbc.sql("UPDATE station SET closed_alarm_at = now() - interval '1 day' WHERE code = :c")
                .param("c", codes.get(3))
                .update();
        awaitIndexed();
        compareAll(centre, codes);

        // A change of any shown field is seen at once, with or without a new version.
        jdbc.sql("UPDATE station SET name = '改名驿站', version = version + 1, updated_at = now() WHERE code = :c")
                .param("c", codes.get(4))
                .update();
        jdbc.sql("UPDATE station SET last_verified_at = now() WHERE code IN (:c)")
                .param("c", List.of(codes.get(2), codes.get(5)))
                .update();
        awaitIndexed();
        JsonNode renamed = nearest(centre, "en", "wgs84").stream()
                .filter(s -> s.get("code").asString().equals(codes.get(4)))
                .findFirst()
                .orElseThrow();
        assertThat(renamed.get("name").asString()).isEqualTo("改名驿站");
        compareAll(centre, codes);
    }

    private void compareAll(LatLng centre, List<String> codes) {
        for (String lang : List.of("en", "zh")) {
            for (String crs : List.of("wgs84", "gcj02", "bd09")) {
                List<JsonNode> found = nearest(centre, lang, crs);
                assertThat(found).extracting(s -> s.get("code").asString()).containsAll(codes);
                for (JsonNode station : found) {
                    ObjectNode own = (ObjectNode) JSON.readTree(given().queryParam("lang", lang)
                            .queryParam("crs", crs)
                            .get("/api/v1/stations/" + station.get("code").asString())
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
                    ObjectNode withoutDistance = (ObjectNode) station.deepCopy();
                    assertThat(withoutDistance.remove("distanceMeters").isNumber())
                            .isTrue();
                    assertThat(withoutDistance).as("%s %s %s", lang, crs, own).isEqualTo(own);
                    assertThat(withoutDistance.propertyNames()).containsExactlyElementsOf(own.propertyNames());
                }
                // A viewport's features are written the same way: properties are the station's own
                // answer, the point its location, the keys in GeoJson.feature's order.
                List<JsonNode> features = viewport(centre, lang, crs);
                assertThat(features).extracting(f -> f.get("id").asString()).containsAll(codes);
                for (JsonNode feature : features) {
                    JsonNode own = JSON.readTree(given().queryParam("lang", lang)
                            .queryParam("crs", crs)
                            .get("/api/v1/stations/" + feature.get("id").asString())
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
                    String as = String.format("%s %s %s", lang, crs, own);
                    assertThat(feature.propertyNames()).as(as).containsExactly("type", "id", "geometry", "properties");
                    assertThat(feature.get("properties")).as(as).isEqualTo(own);
                    assertThat(feature.get("properties").propertyNames())
                            .containsExactlyElementsOf(own.propertyNames());
                    assertThat(feature.get("geometry").get("coordinates").get(0).asDouble())
                            .isEqualTo(own.get("location").get("lng").asDouble());
                    assertThat(feature.get("geometry").get("coordinates").get(1).asDouble())
                            .isEqualTo(own.get("location").get("lat").asDouble());
                }
            }
        }
    }

    private static List<JsonNode> viewport(LatLng at, String lang, String crs) {
        // 0.05° around the spot, read in crs: every one of its stations (within 1 km, ~500 m off in gcj02).
        String box = (at.lng() - 0.05) + "," + (at.lat() - 0.05) + "," + (at.lng() + 0.05) + "," + (at.lat() + 0.05);
        String body = given().queryParam("bbox", box)
                .queryParam("lang", lang)
                .queryParam("crs", crs)
                .get("/api/v1/stations")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<JsonNode> features = new ArrayList<>();
        JSON.readTree(body).get("features").forEach(features::add);
        return features;
    }

    private static List<JsonNode> nearest(LatLng at, String lang, String crs) {
        // The query point is read in crs too (~500 m off for gcj02): the spot's stations are all found still.
        String body = given().queryParam("lat", at.lat())
                .queryParam("lng", at.lng())
                .queryParam("limit", 12)
                .queryParam("lang", lang)
                .queryParam("crs", crs)
                .get("/api/v1/stations/nearest")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<JsonNode> stations = new ArrayList<>();
        JSON.readTree(body).get("stations").forEach(stations::add);
        return stations;
    }
}
