package org.yizhan.locator.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;
import org.yizhan.locator.support.TestStations;

/**
 * The production default: no proxy is trusted, so X-Forwarded-* from the client changes nothing,
 * neither the network feedback limits key on nor the host in paging links. Runs its own
 * application context with the test's loopback proxy trust switched off.
 */
@TestPropertySource(properties = "yizhan.test.trusted-proxies=")
class ProxyTrustIT extends ApiIT {

    static final Map<String, String> SPOOFED = Map.of(
            "X-Forwarded-For", "203.0.113.5",
            "X-Forwarded-Host", "evil.example",
            "X-Forwarded-Proto", "https",
            "X-Forwarded-Port", "443");

    int stations;

    @Test
    void spoofedForwardedForChangesNeitherTheTokenNetworkNorTheRateLimitKey() {
        String code = station();
        String token = given().headers(SPOOFED)
                .get("/api/v1/feedback-token")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("token");
        // Each rating claims a different network; all of them are loopback's, so the token fits
        // every one and the per-network cap (3 per station and day) counts them together.
        for (int i = 0; i < 3; i++) {
            rating(token, "198.51." + (100 + i) + ".9")
                    .post("/api/v1/stations/{code}/ratings", code)
                    .then()
                    .statusCode(201);
        }
        rating(token, "192.0.2.44")
                .post("/api/v1/stations/{code}/ratings", code)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("limit", equalTo("network"));
    }

    @Test
    void spoofedForwardedHostDoesNotReachThePagingLink() {
        station();
        station();
        String next = given().headers(SPOOFED)
                .queryParam("bbox", "106.79,39.63,106.86,39.68")
                .queryParam("limit", 1)
                .get("/api/v1/stations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("links.find { it.rel == 'next' }.href");
        assertThat(next)
                .startsWith("http://localhost:" + port + "/api/v1/stations?")
                .doesNotContain("evil.example");
    }

    private static RequestSpecification rating(String token, String spoofedAddress) {
        return given().header("X-Forwarded-For", spoofedAddress)
                .header("X-Device-Id", TestRandom.uuid().toString())
                .header("X-Feedback-Token", token)
                .contentType(ContentType.JSON)
                .body(Map.of("stars", 4));
    }

    private String station() {
        return TestStations.insert(jdbc, TestStations.Spec.active(new LatLng(39.6553 + 0.001 * stations++, 106.8254)));
    }
}
