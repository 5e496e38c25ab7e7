package org.yizhan.locator.division;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.StationForms;
import org.yizhan.locator.support.TestStations;

/** The district of a new station from its point: filled where the boundaries tell it, candidates where they do not. */
class DistrictFromPointIT extends ApiIT {

    private static Map<String, Object> formAt(double lat, double lng) {
        Map<String, Object> form = new HashMap<>(StationForms.haibowanStation());
        form.remove("adcode");
        form.put("location", Map.of("lat", lat, "lng", lng));
        return form;
    }

    @Test
    void aBeijingPointFillsItsDistrict() {
        asAdmin()
                .get("/api/v1/divisions/at?lat=39.9219&lng=116.4436")
                .then()
                .statusCode(200)
                .body("adcode", equalTo("110105"))
                .body("area.name", equalTo("朝阳区"));
        String code = asAdmin()
                .contentType(ContentType.JSON)
                .body(formAt(39.9219, 116.4436))
                .post("/api/v1/stations")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("code");
        assertThat(code).startsWith("110105-");
    }

    @Test
    void aWuhaiPointOffersTheCitysDistrictsAndSuggestsTheNearestStations() {
        LatLng at = new LatLng(39.5012, 106.6987);
        TestStations.insert(
                jdbc,
                TestStations.Spec.active(new LatLng(at.lat() + 0.002, at.lng())).inDivision("150304"));
        JsonPath found = asAdmin()
                .get("/api/v1/divisions/at?lat={lat}&lng={lng}", at.lat(), at.lng())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(found.getString("adcode")).isNull();
        assertThat(found.getString("area.code")).isEqualTo("150300");
        assertThat(found.getList("candidates.code", String.class)).containsExactly("150302", "150303", "150304");
        // The nearest active station of the city within 3 km, computed here independently.
        String nearest = jdbc.sql("""
                SELECT adcode FROM station WHERE status = 'active' AND adcode LIKE '1503%'
                   AND ST_DWithin(location, ST_MakePoint(:lng, :lat)::geography, 3000)
                 ORDER BY ST_Distance(location, ST_MakePoint(:lng, :lat)::geography) LIMIT 1""")
                .param("lat", at.lat())
                .param("lng", at.lng())
                .query(String.class)
                .single();
        assertThat(found.getString("suggested")).isEqualTo(nearest);

        asAdmin()
                .contentType(ContentType.JSON)
                .body(formAt(at.lat(), at.lng()))
                .post("/api/v1/stations")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("adcode"))
                .body("detail", containsString("乌达区 150304"))
                .body("candidates", equalTo(List.of("150302", "150303", "150304")));
    }

    @Test
    void pointsNowhereAreAProblem() {
        asAdmin()
                .get("/api/v1/divisions/at?lat=20&lng=125")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        asAdmin()
                .get("/api/v1/divisions/at?lat=95&lng=125")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
