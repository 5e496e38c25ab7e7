package org.yizhan.locator.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;

/**
 * The in-memory index follows the register by notification: a new station appears in, and a
 * closed one leaves, nearest results right after the commit. Each request here is a fresh look;
 * the loop ends as soon as the change shows.
 */
class IndexFreshnessIT extends ApiIT {

    /**
     * Notifications reach the index in milliseconds (the measured time is printed; scripts/bench.sh
     * is where speed is judged). The deadline sits well below the 30 s consistency check, so a pass
     * shows the notification path at work without depending on how busy the machine is.
     */
    static final long DEADLINE_NANOS = 5_000_000_000L;

    @Test
    void aClosedStationLeavesNearestResultsByNotification() {
        Random random = TestRandom.current();
        // The grassland of New Barag Right Banner, Hulunbuir: nobody else's test stations.
        double lat = 48.5 + random.nextDouble() * 0.3, lng = 116.6 + random.nextDouble() * 0.4;
        Map<String, Object> form =
                with(with(haibowanStation(), "adcode", "150727"), "location", Map.of("lat", lat, "lng", lng));
        String code = createStation(form);
        long created = System.nanoTime();
        while (!nearestCodes(lat, lng).contains(code)) {
            assertThat(System.nanoTime() - created)
                    .as("new station indexed by notification")
                    .isLessThan(DEADLINE_NANOS);
        }

        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "closed", "reason", "撤销", "version", 0))
                .post("/api/v1/stations/" + code + "/status")
                .then()
                .statusCode(200);
        long closed = System.nanoTime();
        int looks = 0;
        while (nearestCodes(lat, lng).contains(code)) {
            looks++;
            assertThat(System.nanoTime() - closed)
                    .as("closed station gone by notification")
                    .isLessThan(DEADLINE_NANOS);
        }
        System.out.printf(
                "closed station left the index after %d look(s), %.1f ms%n", looks, (System.nanoTime() - closed) / 1e6);
    }

    private static List<String> nearestCodes(double lat, double lng) {
        return given().queryParam("lat", lat)
                .queryParam("lng", lng)
                .queryParam("limit", 3)
                .get("/api/v1/stations/nearest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("stations.code", String.class);
    }
}
