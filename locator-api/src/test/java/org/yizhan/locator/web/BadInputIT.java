package org.yizhan.locator.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yizhan.locator.support.ApiIT;

/**
 * Every malformed request gets a 4xx RFC 9457 problem detail with a title a person can act on,
 * never a 500 or a stack trace.
 */
class BadInputIT extends ApiIT {

    static Stream<Arguments> badReads() {
        return Stream.of(
                Arguments.of("/api/v1/stations/nearest?lat=91&lng=106", 400, "lat", "between -90 and 90"),
                Arguments.of("/api/v1/stations/nearest?lat=39&lng=-181", 400, "lng", "between -180 and 180"),
                Arguments.of("/api/v1/stations/nearest?lat=NaN&lng=106", 400, "lat", "finite"),
                Arguments.of("/api/v1/stations/nearest?lat=Infinity&lng=106", 400, "lat", "finite"),
                Arguments.of("/api/v1/stations/nearest?lat=abc&lng=106", 400, "lat", "must be a number"),
                Arguments.of("/api/v1/stations/nearest?lng=106", 400, "lat", "required"),
                Arguments.of("/api/v1/stations/nearest?lat=39&lng=106&limit=0", 400, "limit", "between 1 and 100"),
                Arguments.of("/api/v1/stations/nearest?lat=39&lng=106&limit=101", 400, "limit", "between 1 and 100"),
                Arguments.of("/api/v1/stations/nearest?lat=39&lng=106&limit=-5", 400, "limit", "between 1 and 100"),
                Arguments.of("/api/v1/stations/nearest?lat=39&lng=106&radius=-1", 400, "radius", "between 1"),
                Arguments.of(
                        "/api/v1/stations/nearest?lat=39&lng=106&amenities=microwave,sauna",
                        400,
                        "amenities",
                        "Valid amenities are"),
                Arguments.of("/api/v1/stations/nearest?lat=39&lng=106&crs=utm", 400, "crs", "wgs84, gcj02, bd09"),
                Arguments.of("/api/v1/stations/nearest?lat=39&lng=106&openNow=maybe", 400, "openNow", "true or false"),
                Arguments.of("/api/v1/stations/nearest?lat=39&lng=106&openNow=true&at=tonight", 400, "at", "ISO-8601"),
                Arguments.of("/api/v1/stations/nearest?lat=39&lng=106&by=walk", 400, "by", "needs a road graph"),
                Arguments.of("/api/v1/stations/nearest?lat=39&lng=106&by=fly", 400, "by", "walk or ride"),
                Arguments.of("/api/v1/stations?bbox=1,2,3", 400, "bbox", "exactly 4"),
                Arguments.of("/api/v1/stations?bbox=a,2,3,4", 400, "bbox", "not a number"),
                Arguments.of("/api/v1/stations?bbox=107,40,106,39", 400, "bbox", "must not exceed"),
                Arguments.of("/api/v1/stations?bbox=106,39,200,40", 400, "bbox", "within -180..180"),
                Arguments.of("/api/v1/stations", 400, "bbox", "required"),
                Arguments.of("/api/v1/stations?bbox=106,39,107,40&limit=5001", 400, "limit", "between 1 and 5000"),
                Arguments.of("/api/v1/stations?bbox=106,39,107,40&cursor=bm90LWEtY3Vyc29y", 400, "cursor", "next link"),
                Arguments.of(
                        "/api/v1/stations?bbox=106,39,107,40&status=gone",
                        400,
                        "status",
                        "active, suspended or closed"),
                // Once an empty list of statuses, searched as "IN ()": a 500 (HostileRequestIT, seed
                // 191044435743146898).
                // The detail says the list has an empty item, not "unknown status ''".
                Arguments.of("/api/v1/stations?bbox=106,39,107,40&status=,", 400, "status", "an empty item"),
                Arguments.of(
                        "/api/v1/stations?bbox=106,39,107,40&status=active,,closed", 400, "status", "an empty item"),
                Arguments.of("/api/v1/stations/150302-00017-5", 400, "code", "check character"),
                Arguments.of("/api/v1/stations/not-a-code", 400, "code", "150302-00017-4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReads")
    void badReadGetsAProblemDetailNamingTheField(String url, int status, String field, String hint) {
        given().urlEncodingEnabled(false)
                .when()
                .get(url)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("field", equalTo(field))
                .body("detail", allOf(containsString(hint), not(containsString("Exception"))));
    }

    static Stream<Arguments> badAlongRoute() {
        return Stream.of(
                Arguments.of("by=walk", "by", "needs a road graph"),
                Arguments.of("by=fly", "by", "walk or ride"),
                Arguments.of("by=", "buffer", "between 1"),
                Arguments.of("order=nearest", "order", "must be along"),
                Arguments.of("order=detour&by=swim", "by", "walk or ride"),
                Arguments.of("maxDetour=-1", "maxDetour", "between 0"),
                Arguments.of("maxDetour=NaN", "maxDetour", "finite"),
                Arguments.of("maxDetour=Infinity", "maxDetour", "finite"),
                Arguments.of("maxDetour=1e9", "maxDetour", "between 0"),
                Arguments.of("maxDetour=abc", "maxDetour", "must be a number"));
    }

    /** Along-route's parameters, on a valid route: a 400 naming the parameter (by=walk: this server has no road graph). */
    @ParameterizedTest(name = "along-route?{0}")
    @MethodSource("badAlongRoute")
    void badAlongRouteParameterGetsAProblemNamingTheField(String query, String field, String hint) {
        String route = "{\"type\":\"LineString\",\"coordinates\":[[106.80,39.65],[106.81,39.66]]}";
        // A buffer out of range where the case itself is valid, so every case is a 400.
        String url = "/api/v1/stations/along-route?" + query + (field.equals("buffer") ? "&buffer=0" : "");
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(route)
                .when()
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("field", equalTo(field))
                .body("detail", allOf(containsString(hint), not(containsString("Exception"))));
    }

    @Test
    void unknownCodeIsA404Problem() {
        given().get("/api/v1/stations/150302-99999-" + org.yizhan.geo.code.StationCode.checkCharacter("15030299999"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("No such station"));
    }

    @Test
    void unknownPathIsA404Problem() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsA400ThatSaysWhere() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"name\": \"驿站\", ")
                .post("/api/v1/stations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("The request body is not valid JSON"))
                .body("detail", containsString("line"));
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"name\": \"驿站\", \"location\": {\"lat\": \"north\", \"lng\": 1}}")
                .post("/api/v1/stations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("location.lat"));
    }

    @Test
    void oversizedBodyIsA413() {
        String huge = "{\"name\": \"" + "驿".repeat(70_000) + "\"}";
        asAdmin()
                .contentType(ContentType.JSON)
                .body(huge)
                .post("/api/v1/stations")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Request body too large"));
    }

    @Test
    void brokenPercentEscapeIsAProblemNotAnHtmlPage() throws Exception {
        // HTTP clients refuse to send such a URL, so speak HTTP over a socket.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write("GET /api/v1/stations/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response =
                    new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(response)
                    .startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"status\":400")
                    .doesNotContain("<html");
        }
    }

    @Test
    void wrongMethodIsA405Problem() {
        asAdmin().delete("/api/v1/amenities").then().statusCode(405).contentType("application/problem+json");
    }
}
