package org.yizhan.locator.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;

/**
 * The stale rules and the day boundary, with the service's clock under the test's control. This
 * class runs its own application context (the only feedback test that does).
 */
@Import(FreshnessIT.ControlledClock.class)
class FreshnessIT extends ApiIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class ControlledClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }

    @Autowired
    MutableClock clock;

    String code;

    @BeforeEach
    void station() {
        clock.set(Instant.now());
        // Away from Wuhai: reports dated by the moved clock must not head other tests' inboxes.
        code = Workers.huiminStation();
    }

    @AfterEach
    void backToNow() {
        clock.set(Instant.now());
    }

    @Test
    void aStationNotVerifiedFor180DaysIsStaleUntilAUnionConfirmsIt() {
        given().get("/api/v1/stations/{code}", code)
                .then()
                .body("stale", equalTo(false))
                .body("lastVerifiedAt", nullValue());
        clock.advance(Duration.ofDays(179));
        given().get("/api/v1/stations/{code}", code).then().body("stale", equalTo(false));
        clock.advance(Duration.ofDays(2));
        given().get("/api/v1/stations/{code}", code).then().body("stale", equalTo(true));
        given().get("/api/v1/stations/{code}/feedback", code).then().body("stale", equalTo(true));

        String editor = Accounts.create("editor", List.of("150103"));
        Accounts.as(editor).post("/api/v1/stations/{code}/verify", code).then().statusCode(200);
        given().get("/api/v1/stations/{code}", code)
                .then()
                .body("stale", equalTo(false))
                .body(
                        "lastVerifiedAt",
                        equalTo(clock.instant()
                                .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                                .toString()));
    }

    @Test
    void threeUnresolvedClosedReportsInAWeekMakeItStaleInLookupAndNearest() {
        List<Long> earlier = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            earlier.add(Workers.fresh().fileReport(code, "closed_when_open"));
            clock.advance(Duration.ofDays(2));
        }
        // Other reasons do not count.
        Workers.fresh().fileReport(code, "cannot_find");
        given().get("/api/v1/stations/{code}", code).then().body("stale", equalTo(false));

        long third = Workers.fresh().fileReport(code, "closed_when_open");
        given().get("/api/v1/stations/{code}", code).then().body("stale", equalTo(true));
        awaitIndexed();
        nearestStale().body("stations.find { it.code == '" + code + "' }.stale", equalTo(true));

        // Eight days on, the first two reports are more than 7 days old.
        clock.advance(Duration.ofDays(8));
        given().get("/api/v1/stations/{code}", code).then().body("stale", equalTo(false));
        clock.advance(Duration.ofDays(-8));

        String editor = Accounts.create("editor", List.of("1501"));
        Accounts.as(editor)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "门已打开"))
                .post("/api/v1/feedback/reports/{id}/resolve", third)
                .then()
                .statusCode(200);
        // One of three identical reports answered is not the station checked (issue 18).
        given().get("/api/v1/stations/{code}", code)
                .then()
                .body("stale", equalTo(true))
                .body("lastVerifiedAt", nullValue());
        Accounts.as(editor)
                .contentType(ContentType.JSON)
                .body(Map.of("ids", earlier, "action", "resolve", "note", "门已打开"))
                .post("/api/v1/feedback/reports/bulk")
                .then()
                .statusCode(200);
        given().get("/api/v1/stations/{code}", code)
                .then()
                .body("stale", equalTo(false))
                .body("lastVerifiedAt", notNullValue());
        awaitIndexed();
        nearestStale().body("stations.find { it.code == '" + code + "' }.stale", equalTo(false));

        // Reports filed before the verification no longer count; three new ones do.
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofHours(1));
            Workers.fresh().fileReport(code, "closed_when_open");
        }
        given().get("/api/v1/stations/{code}", code).then().body("stale", equalTo(true));
    }

    @Test
    void oneNetworkReportingOnThreeDaysWithNewDeviceIdsDoesNotMakeItStale() {
        String address = Workers.fresh().address();
        for (int day = 0; day < 3; day++) {
            new Workers(TestRandom.uuid().toString(), address).fileReport(code, "closed_when_open");
            clock.advance(Duration.ofDays(1));
        }
        given().get("/api/v1/stations/{code}", code).then().body("stale", equalTo(false));
        // A second and a third network within the week do.
        Workers.fresh().fileReport(code, "closed_when_open");
        given().get("/api/v1/stations/{code}", code).then().body("stale", equalTo(false));
        Workers.fresh().fileReport(code, "closed_when_open");
        given().get("/api/v1/stations/{code}", code).then().body("stale", equalTo(true));
    }

    @Test
    void theOneRatingRuleFollowsTheShanghaiDay() {
        // 23:30 in Shanghai is 15:30 UTC.
        clock.set(Instant.parse("2026-11-20T15:30:00Z"));
        Workers worker = Workers.fresh();
        worker.rating(4).post("/api/v1/stations/{code}/ratings", code).then().statusCode(201);
        clock.advance(Duration.ofMinutes(20));
        worker.rating(4).post("/api/v1/stations/{code}/ratings", code).then().statusCode(409);
        clock.advance(Duration.ofMinutes(20)); // 00:10 the next day in Shanghai
        worker.rating(5).post("/api/v1/stations/{code}/ratings", code).then().statusCode(201);
        given().get("/api/v1/stations/{code}/feedback", code).then().body("ratingCount", equalTo(2));
    }

    private io.restassured.response.ValidatableResponse nearestStale() {
        var station =
                given().get("/api/v1/stations/{code}", code).then().extract().jsonPath();
        return given().queryParam("lat", station.getDouble("location.lat"))
                .queryParam("lng", station.getDouble("location.lng"))
                .queryParam("limit", 5)
                .get("/api/v1/stations/nearest")
                .then()
                .statusCode(200);
    }
}
