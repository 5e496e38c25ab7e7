package org.yizhan.locator.station;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;

class HistoryAndDuplicatesIT extends ApiIT {

    @Test
    void everyChangeIsRecordedWithWhoWhenAndBeforeAfter() {
        Map<String, Object> form = somewhereNew(haibowanStation());
        String code = createStation(form);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(with(with(form, "openingHours", "Mo-Fr 08:00-18:00"), "version", 0))
                .put("/api/v1/stations/" + code)
                .then()
                .statusCode(200);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "suspended", "reason", "装修", "version", 1))
                .post("/api/v1/stations/" + code + "/status")
                .then()
                .statusCode(200);

        given().get("/api/v1/stations/" + code + "/history").then().statusCode(401);
        asAdmin()
                .get("/api/v1/stations/" + code + "/history")
                .then()
                .statusCode(200)
                .body("entries", hasSize(3))
                .body("entries[0].action", equalTo("status"))
                .body("entries[0].reason", equalTo("装修"))
                .body("entries[0].changes.status.before", equalTo("active"))
                .body("entries[0].changes.status.after", equalTo("suspended"))
                .body("entries[1].changes.openingHours.before", equalTo("24/7"))
                .body("entries[1].changes.openingHours.after", equalTo("Mo-Fr 08:00-18:00"))
                .body("entries[1].changedBy", equalTo(ADMIN))
                .body("entries[2].action", equalTo("create"));
    }

    @Test
    void aStationAtTheSamePlaceOrWithASimilarNameNearbyIsFlagged() {
        Map<String, Object> form = somewhereNew(haibowanStation());
        String first = asAdmin()
                .contentType(ContentType.JSON)
                .body(form)
                .post("/api/v1/stations")
                .then()
                .statusCode(201)
                .body("warnings", hasSize(0))
                .extract()
                .path("code");

        @SuppressWarnings("unchecked")
        Map<String, Double> at = (Map<String, Double>) form.get("location");
        LatLng origin = new LatLng(at.get("lat"), at.get("lng"));
        LatLng tenMetres = Geodesy.destination(origin, 45, 10);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(with(
                        with(form, "name", "完全不同的名字"),
                        "location",
                        Map.of("lat", tenMetres.lat(), "lng", tenMetres.lng())))
                .post("/api/v1/stations")
                .then()
                .statusCode(201)
                .body("warnings[0].type", equalTo("same_place"))
                .body("warnings[0].code", equalTo(first));

        LatLng hundredMetres = Geodesy.destination(origin, 200, 120);
        given().queryParam("lat", hundredMetres.lat())
                .queryParam("lng", hundredMetres.lng())
                .queryParam("name", "海勃湾区新华街爱心驿站")
                .get("/api/v1/stations/duplicates")
                .then()
                .statusCode(200)
                .body("warnings.find { it.code == '" + first + "' }.type", equalTo("similar_name"));
    }

    /**
     * A point in Haibowan with no station within 300 m: other tests crowd Wuhai, so a random
     * point alone could land next to one of theirs and draw a warning this test did not cause.
     */
    private Map<String, Object> somewhereNew(Map<String, Object> form) {
        Random random = TestRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            double lat = 39.60 + random.nextDouble() * 0.1, lng = 106.78 + random.nextDouble() * 0.08;
            boolean free = jdbc.sql("""
                    SELECT NOT EXISTS (SELECT 1 FROM station
                     WHERE ST_DWithin(location, ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)::geography, 300))""")
                    .param("lng", lng)
                    .param("lat", lat)
                    .query(Boolean.class)
                    .single();
            if (free) return with(form, "location", Map.of("lat", lat, "lng", lng));
        }
        throw new AssertionError("no free spot in Haibowan for a test station");
    }
}
