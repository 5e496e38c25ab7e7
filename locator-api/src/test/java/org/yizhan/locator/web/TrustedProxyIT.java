package org.yizhan.locator.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;

/**
 * The other side of ProxyTrustIT: from a configured proxy (the tests' loopback) forwarded headers
 * are honoured, so the untrusted case passes because of the configuration, not by accident.
 */
class TrustedProxyIT extends ApiIT {

    @Test
    void aConfiguredProxysForwardedHostIsThePagingLinksHost() {
        for (int i = 0; i < 2; i++)
            TestStations.insert(jdbc, TestStations.Spec.active(new LatLng(39.6553 + 0.001 * i, 106.8254)));
        String next = given().header("X-Forwarded-Host", "yizhan.example.org")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .queryParam("bbox", "106.79,39.63,106.86,39.68")
                .queryParam("limit", 1)
                .get("/api/v1/stations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("links.find { it.rel == 'next' }.href");
        assertThat(next).startsWith("https://yizhan.example.org/api/v1/stations?");
    }
}
