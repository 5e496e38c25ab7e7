package org.yizhan.locator.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.locator.support.ApiIT;

/** Anonymous ratings, reports and check-ins: each write, its validation and the public summary. */
class FeedbackWriteIT extends ApiIT {

    String code;
    Workers worker;

    @BeforeEach
    void station() {
        code = Workers.haibowanStation();
        worker = Workers.fresh();
    }

    /** Sends a rating request (its sender and body already set) to this test's station. */
    private ValidatableResponse postRating(RequestSpecification rating) {
        return rating.post("/api/v1/stations/{code}/ratings", code).then();
    }

    /** Sends a report request (its sender and body already set) to this test's station. */
    private ValidatableResponse postReport(RequestSpecification report) {
        return report.post("/api/v1/stations/{code}/reports", code).then();
    }

    /** A check-in at this test's station from {@code who}. */
    private ValidatableResponse checkIn(Workers who) {
        return who.request().post("/api/v1/stations/{code}/checkins", code).then();
    }

    @Test
    void ratingWithTagsAndCommentShowsInTheSummary() {
        postRating(worker.request()
                        .body(Map.of("stars", 4, "tags", List.of("clean", "warm_enough"), "comment", "热水很方便，谢谢！")))
                .statusCode(201)
                .body("id", org.hamcrest.Matchers.notNullValue());
        postRating(Workers.fresh().rating(2)).statusCode(201);

        given().get("/api/v1/stations/{code}/feedback", code)
                .then()
                .statusCode(200)
                .body("averageStars", closeTo(3.0, 1e-9))
                .body("ratingCount", equalTo(2))
                .body("tagCounts.clean", equalTo(1))
                .body("stale", equalTo(false));
    }

    @Test
    void secondRatingOfTheDayIsRefusedWithAClearMessage() {
        postRating(worker.rating(5)).statusCode(201);

        postRating(worker.rating(1))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Already rated today"))
                .body("detail", containsString("already rated station " + code + " today"));
        given().get("/api/v1/stations/{code}/feedback", code).then().body("ratingCount", equalTo(1));
    }

    @Test
    void ratingsAreValidated() {
        postRating(worker.rating(6)).statusCode(400).body("field", equalTo("stars"));
        postRating(worker.request().body(Map.of("stars", 3, "tags", List.of("sparkly"))))
                .statusCode(400)
                .body("field", equalTo("tags"));
        postRating(worker.request().body(Map.of("stars", 3, "comment", "好".repeat(201))))
                .statusCode(400)
                .body("field", equalTo("comment"));
        postRating(worker.request().body(Map.of("stars", 3, "comment", "加我 www.example.com 领红包")))
                .statusCode(400)
                .body("title", equalTo("Links are not allowed"));
        postRating(worker.request().body(Map.of("stars", 1, "comment", "管理员是个傻 逼")))
                .statusCode(400)
                .body("title", equalTo("Please keep it polite"));
        postRating(given().contentType("application/json").body(Map.of("stars", 3)))
                .statusCode(400)
                .body("title", equalTo("Missing device id"));
        worker.rating(3)
                .post(
                        "/api/v1/stations/{code}/ratings",
                        org.yizhan.geo.code.StationCode.of("150302", 99_999).value())
                .then()
                .statusCode(404)
                .body("title", equalTo("No such station"));
        // Nothing invalid was stored; the valid rating still goes through.
        postRating(worker.rating(3)).statusCode(201);
    }

    @Test
    void eachReportReasonIsStoredWithWhatItNeeds() {
        postReport(worker.report("closed_when_open")).statusCode(201);
        postReport(worker.report("cannot_find")).statusCode(201);
        LatLng pin = new LatLng(39.6560, 106.8260);
        LatLng pinGcj = CoordinateSystem.GCJ02.fromWgs84(pin);
        long wrong = postReport(worker.request()
                        .body(Map.of(
                                "reason",
                                "wrong_location",
                                "crs",
                                "gcj02",
                                "location",
                                Map.of("lat", pinGcj.lat(), "lng", pinGcj.lng()),
                                "text",
                                "在路对面")))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        // One network may file 3 reports about a station a day; a second rider sends the rest.
        Workers second = Workers.fresh();
        postReport(second.request().body(Map.of("reason", "amenity_missing", "amenity", "microwave")))
                .statusCode(201);
        postReport(second.request().body(Map.of("reason", "other", "text", "门口堆满了杂物")))
                .statusCode(201);

        Map<String, Object> stored = jdbc.sql(
                        "SELECT ST_Y(suggested_location::geometry) AS lat, ST_X(suggested_location::geometry) AS lng, "
                                + "status FROM station_report WHERE id = :id")
                .param("id", wrong)
                .query()
                .singleRow();
        assertThat((Double) stored.get("lat")).isCloseTo(pin.lat(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat((Double) stored.get("lng")).isCloseTo(pin.lng(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(stored.get("status")).isEqualTo("open");
        given().get("/api/v1/stations/{code}/feedback", code)
                .then()
                .body("recentReports.closed_when_open", equalTo(1))
                .body("recentReports.wrong_location", equalTo(1))
                .body("unresolvedReports", equalTo(5));
    }

    @Test
    void reportsAreValidatedAndOncePerReasonAndDay() {
        postReport(worker.report("smelly")).statusCode(400).body("field", equalTo("reason"));
        postReport(worker.report("wrong_location")).statusCode(400).body("field", equalTo("location"));
        postReport(worker.request()
                        .body(Map.of("reason", "wrong_location", "location", Map.of("lat", 40.5, "lng", 106.8))))
                .statusCode(400)
                .body("detail", containsString("km from the listed station"));
        postReport(worker.report("amenity_missing")).statusCode(400).body("field", equalTo("amenity"));
        postReport(worker.request().body(Map.of("reason", "amenity_missing", "amenity", "jacuzzi")))
                .statusCode(400)
                .body("field", equalTo("amenity"));
        postReport(worker.report("other")).statusCode(400).body("field", equalTo("text"));

        postReport(worker.report("closed_when_open")).statusCode(201);
        postReport(worker.report("closed_when_open")).statusCode(409).body("title", equalTo("Already reported today"));
    }

    @Test
    void checkinIsCountedWithNothingButTheTime() {
        checkIn(worker).statusCode(201);
        given().get("/api/v1/stations/{code}/feedback", code).then().body("recentCheckins", equalTo(1));
        List<String> columns = jdbc.sql(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = 'station_checkin' ORDER BY 1")
                .query(String.class)
                .list();
        assertThat(columns).containsExactly("created_at", "id", "station_id");
    }

    @Test
    void onePhoneIsLimitedPerHour() {
        for (int i = 0; i < 20; i++) checkIn(worker).statusCode(201);
        checkIn(worker)
                .statusCode(429)
                .body("title", equalTo("Too much feedback at once"))
                .body("limit", equalTo("device"));
        // Another phone on the same network is not affected.
        checkIn(new Workers(Workers.fresh().device(), worker.address())).statusCode(201);
    }

    @Test
    void oneNetworkAddressIsLimitedPerHour() {
        String address = Workers.fresh().address();
        int accepted = 0;
        // 300 at once, refilled at 300 an hour: a slow machine may earn a few more while the test runs.
        while (accepted < 400
                && checkIn(new Workers(Workers.fresh().device(), address))
                                .extract()
                                .statusCode()
                        == 201) {
            accepted++;
        }
        assertThat(accepted).isBetween(300, 330);
        checkIn(new Workers(Workers.fresh().device(), address))
                .statusCode(429)
                .body("limit", equalTo("address"))
                .body("detail", startsWith("Too much feedback from this network"));
        // Another network is not affected.
        checkIn(Workers.fresh()).statusCode(201);
    }

    @Test
    void writesNeedATokenFetchedFromTheSendersNetwork() {
        postRating(given().header("X-Device-Id", worker.device())
                        .header("X-Forwarded-For", worker.address())
                        .contentType("application/json")
                        .body(Map.of("stars", 4)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Missing feedback token"))
                .body("field", equalTo("X-Feedback-Token"));
        String elsewhere = Workers.token(Workers.fresh().address());
        postRating(worker.request(elsewhere).body(Map.of("stars", 4)))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Feedback token not valid here"));
        postReport(worker.request("v1.not-a-time.x").body(Map.of("reason", "cannot_find")))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid feedback token"));
        given().get("/api/v1/stations/{code}/feedback", code).then().body("ratingCount", equalTo(0));
        // Another address in the same /24 may use the token.
        String sameNetwork = worker.address().substring(0, worker.address().lastIndexOf('.')) + ".250";
        postRating(new Workers(worker.device(), sameNetwork)
                        .request(Workers.token(worker.address()))
                        .body(Map.of("stars", 4)))
                .statusCode(201);
        given().get("/api/v1/feedback-token")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("header", equalTo("X-Feedback-Token"));
    }

    @Test
    void noTableHoldsTheRawDeviceIdOrAddress() {
        postRating(worker.request().body(Map.of("stars", 5, "comment", "很好"))).statusCode(201);
        postReport(worker.report("cannot_find")).statusCode(201);
        checkIn(worker).statusCode(201);

        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                        + "AND table_type = 'BASE TABLE' AND table_name <> 'spatial_ref_sys'")
                .query(String.class)
                .list();
        assertThat(tables).contains("station_rating", "station_report", "station_checkin");
        for (String table : tables) {
            long hits = jdbc.sql("SELECT count(*) FROM \"" + table
                            + "\" t WHERE t::text LIKE :device OR t::text LIKE :address " + "OR t::text LIKE :network")
                    .param("device", "%" + worker.device() + "%")
                    .param("address", "%" + worker.address() + "%")
                    .param(
                            "network",
                            "%" + worker.address().substring(0, worker.address().lastIndexOf('.')) + ".0/24%")
                    .query(Long.class)
                    .single();
            assertThat(hits)
                    .as("rows of %s holding the device id or address", table)
                    .isZero();
        }
        String hash = jdbc.sql(
                        "SELECT device_hash FROM station_rating r JOIN station s ON s.id = r.station_id WHERE s.code = :code")
                .param("code", code)
                .query(String.class)
                .single();
        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain(worker.device().replace("-", ""));
    }
}
