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

/**
 * The in-memory index must never serve a closed station for more than a second after the
 * commit. Each request here is a fresh look; the loop ends as soon as the station is gone.
 */
class IndexFreshnessIT extends ApiIT {

    @Test
    void aClosedStationLeavesNearestResultsWithinASecond() {
        Random random = new Random();
        // The grassland of New Barag Right Banner, Hulunbuir: nobody else's test stations.
        double lat = 48.5 + random.nextDouble() * 0.3, lng = 116.6 + random.nextDouble() * 0.4;
        Map<String, Object> form = with(with(haibowanStation(), "adcode", "150727"), "location", Map.of("lat", lat, "lng", lng));
        String code = asAdmin().contentType(ContentType.JSON).body(form).post("/api/v1/stations")
                .then().statusCode(201).extract().path("code");
        long created = System.nanoTime();
        while (!nearestCodes(lat, lng).contains(code)) {
            assertThat(System.nanoTime() - created).as("new station indexed within 1 s").isLessThan(1_000_000_000L);
        }

        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "closed", "reason", "撤销", "version", 0))
                .post("/api/v1/stations/" + code + "/status").then().statusCode(200);
        long closed = System.nanoTime();
        int looks = 0;
        while (nearestCodes(lat, lng).contains(code)) {
            looks++;
            assertThat(System.nanoTime() - closed).as("closed station gone within 1 s").isLessThan(1_000_000_000L);
        }
        System.out.printf("closed station left the index after %d look(s), %.1f ms%n", looks, (System.nanoTime() - closed) / 1e6);
    }

    private static List<String> nearestCodes(double lat, double lng) {
        return given().queryParam("lat", lat).queryParam("lng", lng).queryParam("limit", 3)
                .get("/api/v1/stations/nearest").then().statusCode(200).extract().jsonPath().getList("stations.code", String.class);
    }
}
