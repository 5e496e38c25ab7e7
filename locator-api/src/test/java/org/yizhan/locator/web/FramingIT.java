package org.yizhan.locator.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;

/**
 * Clickjacking: only the pages made for iframes (/embed, a plaque's /s/{code}) may be framed, by
 * any origin; every other page and the API refuse framing in both headers. No page's policy
 * allows inline script.
 */
class FramingIT extends ApiIT {

    @Test
    void onlyTheEmbeddablePagesMayBeFramed() {
        String code = TestStations.insert(jdbc, TestStations.Spec.active(new LatLng(39.6553, 106.8254)));
        for (String path : List.of("/embed", "/embed?lat=39.65&lng=106.82&zoom=15", "/s/" + code)) {
            Response page = given().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).as(path).contains("frame-ancestors *");
            assertThat(page.header("X-Frame-Options")).as(path).isNull();
            assertNoInlineScript(path, page);
        }
    }

    @Test
    void everythingElseRefusesFraming() {
        String code = TestStations.insert(jdbc, TestStations.Spec.active(new LatLng(39.6553, 106.8254)));
        List<String> paths = List.of(
                "/",
                "/map",
                "/workspace",
                "/inbox",
                "/planning",
                "/index.html",
                "/workspace.html",
                "/api/v1/amenities",
                "/api/v1/stations/" + code,
                "/api/v1/stations/" + code + "/feedback",
                "/api/v1/feedback-token",
                "/v3/api-docs",
                "/api/v1/me",
                "/api/v1/stations/150302-00001-8",
                "/s/" + code + "/extra",
                "/embedded");
        for (String path : paths) {
            Response response = given().redirects().follow(false).get(path);
            assertThat(response.header("Content-Security-Policy"))
                    .as(path + " (status %d)", response.statusCode())
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("frame-ancestors *");
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertNoInlineScript(path, response);
        }
        // A signed-in page too.
        Response signedIn = asAdmin().get("/api/v1/me");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(signedIn.header("X-Frame-Options")).isEqualTo("DENY");
    }

    private static void assertNoInlineScript(String path, Response response) {
        String policy = response.header("Content-Security-Policy");
        String scriptSrc = java.util.Arrays.stream(policy.split(";"))
                .map(String::trim)
                .filter(d -> d.startsWith("script-src "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path + ": no script-src in " + policy));
        assertThat(scriptSrc).as(path).isEqualTo("script-src 'self'");
    }
}
