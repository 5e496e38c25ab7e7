package org.yizhan.locator.station;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.crs.ChinaCoordinates;
import org.yizhan.locator.support.ApiIT;

class StationWriteIT extends ApiIT {

    @Test
    void createAssignsAValidCodeInTheDivisionAndTheStationCanBeReadBack() {
        String code = asAdmin()
                .contentType(ContentType.JSON)
                .body(haibowanStation())
                .when()
                .post("/api/v1/stations")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/stations/150302-"))
                .body("code", matchesPattern("150302-\\d{5}-[0-9X]"))
                .body("version", equalTo(0))
                .extract()
                .path("code");

        assertThat(StationCode.parse(code).adcode()).isEqualTo("150302");
        given().get("/api/v1/stations/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("海勃湾区新华街道爱心驿站"))
                .body("division", equalTo("内蒙古自治区 乌海市 海勃湾区"))
                .body("amenities", equalTo(List.of("drinking_water", "microwave")))
                .body("openNow", equalTo(true))
                .body("alwaysOpen", equalTo(true));
    }

    @Test
    void lookupAcceptsLowerCaseXAndSurroundingSpaces() {
        String code = createStation(haibowanStation());
        String sloppy = "  " + code.toLowerCase() + " ";
        given().get("/api/v1/stations/" + sloppy).then().statusCode(200).body("code", equalTo(code));
    }

    @Test
    void coordinatesCopiedFromAmapAreStoredInWgs84() {
        LatLng wgs = new LatLng(39.6553, 106.8254);
        LatLng gcj = ChinaCoordinates.wgs84ToGcj02(wgs);
        Map<String, Object> form =
                with(with(haibowanStation(), "crs", "gcj02"), "location", Map.of("lat", gcj.lat(), "lng", gcj.lng()));
        String code = createStation(form);

        double lat = given().get("/api/v1/stations/" + code)
                .then()
                .statusCode(200)
                .extract()
                .path("location.lat");
        double lng = given().get("/api/v1/stations/" + code).then().extract().path("location.lng");
        assertThat(lat).isCloseTo(wgs.lat(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(lng).isCloseTo(wgs.lng(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void updateWithTheCurrentVersionSucceedsAndAStaleVersionGets409() {
        String code = createStation(haibowanStation());
        Map<String, Object> renamed = with(with(haibowanStation(), "name", "新华街道暖心驿站"), "version", 0);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(renamed)
                .put("/api/v1/stations/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("新华街道暖心驿站"))
                .body("version", equalTo(1));

        Map<String, Object> stale = with(with(haibowanStation(), "name", "过期的名字"), "version", 0);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(stale)
                .put("/api/v1/stations/" + code)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("The station was changed by someone else"))
                .body("currentVersion", equalTo(1));
        given().get("/api/v1/stations/" + code).then().body("name", equalTo("新华街道暖心驿站"));
    }

    @Test
    void closingKeepsTheRecordAndTheCodeIsNeverReused() {
        String code = createStation(haibowanStation());
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "closed", "reason", "场地收回", "version", 0))
                .post("/api/v1/stations/" + code + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("closed"))
                .body("openNow", equalTo(false));
        given().get("/api/v1/stations/" + code).then().statusCode(200).body("statusReason", equalTo("场地收回"));

        String next = createStation(haibowanStation());
        assertThat(StationCode.parse(next).sequence())
                .isGreaterThan(StationCode.parse(code).sequence());
    }

    @Test
    void bulkCloseClosesEveryNamedStationOrNoneOfThem() {
        String first = createStation(haibowanStation());
        String second = createStation(haibowanStation());
        String unknown = StationCode.of("150302", 99_997).value();
        // One unknown code rejects the batch: the first two stay active.
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("codes", List.of(first, second, unknown), "status", "closed", "reason", "误建"))
                .post("/api/v1/stations/bulk-status")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/stations/" + first).then().body("status", equalTo("active"));

        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("codes", List.of(first, second.toLowerCase(), second), "status", "closed", "reason", "误建"))
                .post("/api/v1/stations/bulk-status")
                .then()
                .statusCode(200)
                .body("stations", equalTo(2))
                .body("changed", equalTo(2));
        for (String code : List.of(first, second)) {
            given().get("/api/v1/stations/" + code)
                    .then()
                    .body("status", equalTo("closed"))
                    .body("statusReason", equalTo("误建"));
            asAdmin()
                    .get("/api/v1/stations/" + code + "/history")
                    .then()
                    .statusCode(200)
                    .body("entries.findAll { it.action == 'status' }.size()", equalTo(1));
        }
        // Again: nothing left to change, and no second history entry.
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("codes", List.of(first), "status", "closed"))
                .post("/api/v1/stations/bulk-status")
                .then()
                .statusCode(200)
                .body("changed", equalTo(0));

        List<String> tooMany = java.util.stream.IntStream.range(0, 501)
                .mapToObj(i -> StationCode.of("150302", 90_000 + i).value())
                .toList();
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("codes", tooMany, "status", "closed"))
                .post("/api/v1/stations/bulk-status")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void writesNeedTheAdminAccount() {
        given().contentType(ContentType.JSON)
                .body(haibowanStation())
                .post("/api/v1/stations")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("title", equalTo("Sign-in required"));
        given().auth()
                .preemptive()
                .basic(ADMIN, "wrong")
                .contentType(ContentType.JSON)
                .body(haibowanStation())
                .post("/api/v1/stations")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void validationErrorsNameTheField() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(with(haibowanStation(), "name", " "))
                .post("/api/v1/stations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("name"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(with(haibowanStation(), "openingHours", "Mo-Fr 8-18 maybe"))
                .post("/api/v1/stations")
                .then()
                .statusCode(400)
                .body("title", equalTo("Invalid opening hours"))
                .body("field", equalTo("openingHours"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(with(haibowanStation(), "amenities", List.of("sauna")))
                .post("/api/v1/stations")
                .then()
                .statusCode(400)
                .body("detail", containsString("microwave"))
                .body("field", equalTo("amenities"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(with(haibowanStation(), "adcode", "150300"))
                .post("/api/v1/stations")
                .then()
                .statusCode(400)
                .body("field", equalTo("adcode"))
                .body("detail", containsString("county-level"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(with(haibowanStation(), "adcode", "420302"))
                .post("/api/v1/stations")
                .then()
                .statusCode(422)
                .body("field", equalTo("location"))
                .body("title", equalTo("Location outside the station's division"))
                .body("detail", containsString("十堰市"))
                .body("detail", containsString("It lies in 内蒙古自治区 乌海市"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(with(haibowanStation(), "adcode", "999999"))
                .post("/api/v1/stations")
                .then()
                .statusCode(400)
                .body("field", equalTo("adcode"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(with(haibowanStation(), "location", Map.of("lat", 91, "lng", 106)))
                .post("/api/v1/stations")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("location.lat"));
    }
}
