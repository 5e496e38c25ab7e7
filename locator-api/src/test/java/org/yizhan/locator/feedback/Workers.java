package org.yizhan.locator.feedback;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.StationForms;
import org.yizhan.locator.support.TestRandom;

/**
 * Anonymous workers for feedback tests: each has its own phone (device id) and its own network
 * address, which arrives as the trusted loopback proxy passes it on (ApiIT).
 */
record Workers(String device, String address) {

    /** A worker on a network of its own: one of 65,536 /24s, so tests do not share networks by chance. */
    static Workers fresh() {
        Random r = TestRandom.current();
        return new Workers(
                new UUID(r.nextLong(), r.nextLong()).toString(),
                "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255));
    }

    /** A request from this worker with a feedback token just fetched from its network, as the map does. */
    RequestSpecification request() {
        return request(token(address));
    }

    RequestSpecification request(String token) {
        return given().header("X-Device-Id", device)
                .header("X-Forwarded-For", address)
                .header("X-Feedback-Token", token)
                .contentType(ContentType.JSON);
    }

    /** GET /api/v1/feedback-token as seen from {@code address}. */
    static String token(String address) {
        return given().header("X-Forwarded-For", address)
                .get("/api/v1/feedback-token")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("token");
    }

    RequestSpecification rating(int stars) {
        return request().body(Map.of("stars", stars));
    }

    RequestSpecification report(String reason) {
        return request().body(Map.of("reason", reason));
    }

    /** This worker reports {@code reason} about station {@code code}, and it is accepted; the report's id. */
    long fileReport(String code, String reason) {
        return report(reason)
                .post("/api/v1/stations/{code}/reports", code)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** A new Haibowan station through the API, a few hundred metres from the others so duplicates stay quiet. */
    static String haibowanStation() {
        return station(StationForms.haibowanStation(), 39.6553, 106.8254);
    }

    /** A new station in Zhangwan district, Shiyan (420303). */
    static String zhangwanStation() {
        Map<String, Object> form = StationForms.with(StationForms.haibowanStation(), "adcode", "420303");
        form = StationForms.with(form, "name", "张湾区职工驿站");
        form = StationForms.with(form, "address", "十堰市张湾区车城路1号");
        return station(form, 32.6520, 110.7700);
    }

    /** A new station in Huimin district, Hohhot (150103): away from the Wuhai editors' inboxes. */
    static String huiminStation() {
        Map<String, Object> form = StationForms.with(StationForms.haibowanStation(), "adcode", "150103");
        form = StationForms.with(form, "name", "回民区环卫驿站");
        form = StationForms.with(form, "address", "呼和浩特市回民区中山西路1号");
        return station(form, 40.8080, 111.6230);
    }

    private static String station(Map<String, Object> form, double lat, double lng) {
        Random r = TestRandom.current();
        Map<String, Object> placed = StationForms.with(
                form,
                "location",
                Map.of("lat", lat + r.nextDouble(-0.01, 0.01), "lng", lng + r.nextDouble(-0.01, 0.01)));
        return ApiITAccess.create(placed);
    }

    /** ApiIT keeps createStation() protected; feedback tests reach it through this subclass. */
    abstract static class ApiITAccess extends ApiIT {
        static String create(Map<String, Object> form) {
            return createStation(form);
        }
    }
}
