package org.yizhan.locator.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;

/** Validators, 304s and cache lifetimes (RFC 9110 §8.8, §13; RFC 9111), and no cookies on anonymous answers. */
class HttpCachingIT extends ApiIT {

    @Test
    void anonymousApiAnswersSetNoCookie() {
        String code = createStation("无 Cookie 测试驿站");
        for (String path : List.of(
                "/api/v1/amenities",
                "/api/v1/stations/" + code,
                "/api/v1/stations/nearest?lat=39.6553&lng=106.8254",
                "/api/v1/stations?bbox=106.75,39.60,106.90,39.72",
                "/api/v1/open-data/stations.csv",
                "/api/v1/changes?since=0&limit=1")) {
            given().get(path).then().statusCode(200).header("Set-Cookie", nullValue());
        }
    }

    @Test
    void aStationAnswers304WhileUnchangedAnd200OnceEdited() {
        String code = createStation("缓存测试驿站");
        Response first = given().get("/api/v1/stations/" + code);
        first.then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .header("ETag", startsWith("W/\""))
                .header("Last-Modified", not(emptyString()))
                .header("Vary", org.hamcrest.Matchers.containsString("Accept-Language"));
        String etag = first.header("ETag");

        given().header("If-None-Match", etag)
                .get("/api/v1/stations/" + code)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", "public, max-age=60")
                .body(emptyString());
        // A 24/7 station's answer changes only with its record, so its own Last-Modified validates it too.
        given().header("If-Modified-Since", first.header("Last-Modified"))
                .get("/api/v1/stations/" + code)
                .then()
                .statusCode(304);
        // Weak comparison (RFC 9110 §8.8.3.2): a list containing the tag matches.
        given().header("If-None-Match", "\"other\", " + etag)
                .get("/api/v1/stations/" + code)
                .then()
                .statusCode(304);
        // Another representation (Chinese labels; the tests ask for English by default) is another tag.
        given().header("If-None-Match", etag)
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/stations/" + code)
                .then()
                .statusCode(200);

        long version = first.jsonPath().getLong("version");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(with(with(haibowanStation(), "version", version), "name", "改过名的缓存测试驿站"))
                .put("/api/v1/stations/" + code)
                .then()
                .statusCode(200);
        Response edited = given().header("If-None-Match", etag).get("/api/v1/stations/" + code);
        edited.then().statusCode(200).body("name", equalTo("改过名的缓存测试驿站"));
        assertThat(edited.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void signedInAnswersCarryPrivateFieldsAndAreNotPublic() {
        String code = createStation("私有缓存测试驿站");
        // A viewer of Wuhai: the station is in its region, so the responsible person is shown.
        Accounts.as(Accounts.create("viewer", List.of("1503")))
                .get("/api/v1/stations/" + code)
                .then()
                .statusCode(200)
                .header("Cache-Control", "private, no-cache")
                .body("contactPerson", equalTo("王丽"));
    }

    @Test
    void theVocabularyHasValidatorsAndAnHourOfFreshness() {
        Response first = given().get("/api/v1/amenities");
        first.then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=3600")
                .header("Last-Modified", not(emptyString()));
        given().header("If-None-Match", first.header("ETag"))
                .get("/api/v1/amenities")
                .then()
                .statusCode(304);
        Response chinese = given().header("Accept-Language", "zh-CN").get("/api/v1/amenities");
        assertThat(chinese.header("ETag")).isNotEqualTo(first.header("ETag"));
    }

    @Test
    void openDataRevalidatesWithoutRebuildingAndChangesWithTheRegister() {
        Response first = given().get("/api/v1/open-data/stations.geojson");
        first.then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=300")
                .header("Last-Modified", not(emptyString()));
        String etag = first.header("ETag");
        given().header("If-None-Match", etag)
                .get("/api/v1/open-data/stations.geojson")
                .then()
                .statusCode(304)
                .body(emptyString());
        // The CSV of the same register is another representation.
        given().header("If-None-Match", etag)
                .get("/api/v1/open-data/stations.csv")
                .then()
                .statusCode(200);

        String code = createStation("开放数据缓存测试驿站");
        Response after = given().header("If-None-Match", etag).get("/api/v1/open-data/stations.geojson");
        after.then().statusCode(200);
        assertThat(after.asString()).contains(code);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
    }

    /** The GeoPackage of the open data revalidates like the other files; its CGCS2000 variant is another representation. */
    @Test
    void openDataGeoPackageRevalidatesAndChangesWithTheRegister() {
        Response first = given().get("/api/v1/open-data/stations.gpkg");
        first.then()
                .statusCode(200)
                .contentType("application/geopackage+sqlite3")
                .header("Cache-Control", "public, max-age=300")
                .header("ETag", endsWith("-gpkg\""))
                .header("Last-Modified", not(emptyString()));
        String etag = first.header("ETag");
        given().header("If-None-Match", etag)
                .get("/api/v1/open-data/stations.gpkg")
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .body(emptyString());
        given().header("If-Modified-Since", first.header("Last-Modified"))
                .get("/api/v1/open-data/stations.gpkg")
                .then()
                .statusCode(304);
        Response cgcs2000 = given().header("If-None-Match", etag).get("/api/v1/open-data/stations.gpkg?crs=epsg:4490");
        cgcs2000.then().statusCode(200).header("ETag", endsWith("-gpkg-4490\""));
        given().header("If-None-Match", cgcs2000.header("ETag"))
                .get("/api/v1/open-data/stations.gpkg?crs=cgcs2000")
                .then()
                .statusCode(304);
        // Only a GeoPackage declares CGCS2000; an unknown system is a 400 naming the parameter.
        given().get("/api/v1/open-data/stations.csv?crs=epsg:4490")
                .then()
                .statusCode(400)
                .body("field", equalTo("crs"));
        given().get("/api/v1/open-data/stations.gpkg?crs=epsg:2385")
                .then()
                .statusCode(400)
                .body("field", equalTo("crs"));

        createStation("开放数据 GeoPackage 缓存测试驿站");
        Response after = given().header("If-None-Match", etag).get("/api/v1/open-data/stations.gpkg");
        after.then().statusCode(200);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
    }

    private static String createStation(String name) {
        return createStation(with(haibowanStation(), "name", name));
    }
}
