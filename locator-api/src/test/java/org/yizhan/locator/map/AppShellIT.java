package org.yizhan.locator.map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.TestStations;

/**
 * What a browser fetches around the pages: the favicon, the web app manifest and its icons, and a
 * console free of errors on every page (unreachable map tiles aside: there is no network here).
 */
class AppShellIT extends ApiIT {

    /** Tile servers are on the internet, which the test machine cannot reach. */
    static final List<String> UNREACHABLE_TILE_HOSTS = List.of("tile.openstreetmap.org", "autonavi.com");

    @Test
    void faviconIsAnIcon() {
        byte[] ico = given().get("/favicon.ico")
                .then()
                .statusCode(200)
                .contentType("image/x-icon")
                .extract()
                .asByteArray();
        // ICONDIR: reserved 0, type 1 (icon), at least one image.
        assertThat(ico).startsWith(0, 0, 1, 0);
        assertThat(ico[4] + (ico[5] << 8)).isPositive();
    }

    @Test
    void manifestMakesTheMapInstallableWithIconsThatExist() {
        JsonPath manifest = given().get("/manifest.webmanifest")
                .then()
                .statusCode(200)
                .contentType("application/manifest+json")
                .extract()
                .jsonPath();
        assertThat(manifest.getString("start_url")).isEqualTo("/");
        assertThat(manifest.getString("display")).isEqualTo("standalone");
        assertThat(manifest.getString("name")).contains("驿站");
        List<String> sizes = manifest.getList("icons.sizes", String.class);
        // Chromium installs a web app only with a 192 px and a 512 px icon.
        assertThat(sizes).contains("192x192", "512x512");
        for (String src : manifest.getList("icons.src", String.class)) {
            String type = given().get(src).then().statusCode(200).extract().contentType();
            assertThat(type).as(src).startsWith("image/");
        }
    }

    @Test
    void everyPageLoadsWithoutConsoleErrors() {
        String code = TestStations.insert(
                jdbc,
                XilinhotStations.openAllHours(
                        XilinhotStations.offset(NearestListIT.RIDER, -4000, 2500), "锡林浩特控制台驿站", List.of("wifi")));
        awaitIndexed();
        for (String page : List.of("/", "/embed", "/s/" + code, "/workspace", "/planning", "/inbox")) {
            try (Browser browser = Browser.phone(port)) {
                browser.withLocationDenied().open(page);
                // Every page starts by asking the API for something; once an answer is in, the page is up.
                browser.until(d -> "complete".equals(browser.script("return document.readyState")));
                browser.until(d -> (Boolean) browser.script(
                        "return performance.getEntriesByType('resource').some(e => e.name.includes('/api/v1/'))"));
                // With an icon link the browser never guesses /favicon.ico (which is served as well).
                assertThat(browser.script("return document.querySelector('link[rel=icon]')?.getAttribute('href')"))
                        .as("icon link on " + page)
                        .isNotNull();
                List<String> errors = browser.consoleErrors().stream()
                        .filter(message -> UNREACHABLE_TILE_HOSTS.stream().noneMatch(message::contains))
                        .toList();
                assertThat(errors).as("console errors on " + page).isEmpty();
                assertThat(browser.pageErrors())
                        .as("uncaught errors on " + page)
                        .asList()
                        .isEmpty();
            }
        }
    }
}
