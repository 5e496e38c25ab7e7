package org.yizhan.locator.map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.route.EncodedPolyline;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;

/**
 * A rider draws a route on a phone by tapping the map, sees the stations along it as the API
 * answers for that route (asked independently), widens the corridor, shares the route as a link
 * and opens it again, pastes one, and meets the API's own words for a route that crosses itself.
 */
class AlongRouteMapIT extends ApiIT {

    static final LatLng CENTRE = new LatLng(43.8600, 116.2000);
    static final int ZOOM = 15;
    /** The taps, in CSS pixels from the map's centre (x right, y down): an inverted V, clear of the buttons. */
    static final int[][] TAPS = {{-110, 40}, {0, -80}, {110, 40}};

    MapBrowser browser;
    LatLng[] corners;
    String nearFirstLeg;
    String nearApex;
    String nearSecondLeg;
    String sixHundredOff;

    @BeforeEach
    void stationsAlongTheRoute() {
        XilinhotStations.clearPrevious(jdbc);
        corners = new LatLng[TAPS.length];
        for (int i = 0; i < TAPS.length; i++) corners[i] = atPixel(TAPS[i][0], TAPS[i][1]);
        // Inserted out of route order: the list's order must come from the route.
        nearSecondLeg = insert(offsetFrom(midpoint(corners[1], corners[2]), 60, 0), "沿途东驿站");
        nearFirstLeg = insert(offsetFrom(midpoint(corners[0], corners[1]), -60, 0), "沿途西驿站");
        nearApex = insert(offsetFrom(corners[1], 80, 0), "沿途坡顶驿站");
        sixHundredOff = insert(offsetFrom(midpoint(corners[0], corners[2]), -600, 0), "远离路线驿站");
        awaitIndexed();
        browser = MapBrowser.phone(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void drawnRouteListsTheApisStationsInRouteOrderWidensAndIsSharedByLink() {
        openAtCentre();
        // No road graph in this service: the nearest list says its distances are straight lines.
        assertThat(browser.listedKinds()).containsOnly("straight");
        assertThat(browser.text("#list .station-button")).contains("直线");

        browser.click("#route-toggle");
        browser.visible("#route-tools");
        browser.screenshot("phone-route-drawing-start");
        draw(TAPS);
        browser.screenshot("phone-route-drawing");
        browser.click("#route-done");
        // Drawn: the map's bar now offers editing and closing instead of undo, clear and done.
        browser.visible("#route-edit");
        assertThat(browser.all("#route-undo").get(0).isDisplayed()).isFalse();

        List<double[]> drawn = routeInUrl();
        assertThat(drawn).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(Geodesy.distanceMeters(new LatLng(drawn.get(i)[0], drawn.get(i)[1]), corners[i]))
                    .as("vertex %d lies where the map was tapped", i)
                    .isLessThan(15);
        }
        String polyline = EncodedPolyline.encode(drawn);
        JsonPath api = alongRoute(Map.of("polyline", polyline), 300);
        List<String> fromApi = api.getList("stations.station.code", String.class);
        assertThat(fromApi).containsExactly(nearFirstLeg, nearApex, nearSecondLeg);
        browser.until(d -> browser.listedKinds().contains("route"));
        assertThat(browser.listedCodes()).containsExactlyElementsOf(fromApi);
        String firstRow = browser.text("#list .station-button");
        assertThat(firstRow)
                .contains("沿途西驿站")
                .contains("沿途 " + metres(api.getDouble("stations[0].alongMetres")))
                .contains("离路线 " + metres(api.getDouble("stations[0].offRouteMetres")));
        assertThat(browser.text("#sheet-title")).contains("沿途驿站");
        assertThat(browser.text("#route-panel"))
                .contains("路线 ")
                .doesNotContain("null")
                .doesNotContain("undefined");
        assertThat(browser.all(".route-stop")).hasSize(3);
        browser.screenshot("phone-route-list");

        // A wider corridor reaches the station 600 m off the route.
        browser.click("[data-buffer='1000']");
        List<String> wide =
                alongRoute(Map.of("polyline", polyline), 1000).getList("stations.station.code", String.class);
        assertThat(wide).contains(sixHundredOff);
        browser.until(d -> browser.listedCodes().equals(wide));
        assertThat(browser.currentPath()).contains("buffer=1000");

        // The share link opens the same route, corridor and list on another phone (a fresh page).
        String link = browser.attribute("#route-share", "href");
        assertThat(link).contains("#route=").contains("buffer=1000");
        browser.driver().navigate().to("about:blank");
        browser.driver().navigate().to(link);
        browser.until(d -> browser.listedKinds().contains("route"));
        browser.until(d -> browser.listedCodes().equals(wide));
        assertThat(routeInUrl()).usingRecursiveComparison().isEqualTo(drawn);
        browser.screenshot("phone-route-shared-link");

        // Leaving route mode: the route, its stops and its list go, and so does the route in the URL.
        browser.click("#route-exit");
        browser.until(d -> browser.all("#list .station-button").isEmpty());
        assertThat(browser.text("#sheet-title")).contains("附近驿站");
        assertThat(browser.all(".route-stop")).isEmpty();
        assertThat(browser.currentPath()).doesNotContain("route=");
    }

    @Test
    void pastedCoordinatesGiveTheApisListForTheSameLine() {
        openAtCentre();
        browser.click("#route-toggle");
        StringBuilder text = new StringBuilder();
        for (LatLng p : corners)
            text.append(p.lng()).append(',').append(p.lat()).append(';');
        browser.visible("#route-paste-input").sendKeys(text.toString());
        browser.click("#route-paste button[type='submit']");

        List<List<Double>> coordinates = java.util.Arrays.stream(corners)
                .map(p -> List.of(round5(p.lng()), round5(p.lat())))
                .toList();
        List<String> fromApi = alongRoute(Map.of("type", "LineString", "coordinates", coordinates), 300)
                .getList("stations.station.code", String.class);
        assertThat(fromApi).containsExactly(nearFirstLeg, nearApex, nearSecondLeg);
        browser.until(d -> browser.listedKinds().contains("route"));
        browser.until(d -> browser.listedCodes().equals(fromApi));
        browser.visible("#route-edit");

        // Not a route: said next to the box, and the route shown stays.
        browser.click("#route-edit");
        browser.click("#route-paste summary");
        browser.visible("#route-paste-input").clear();
        browser.visible("#route-paste-input").sendKeys("hello, world");
        browser.click("#route-paste button[type='submit']");
        assertThat(browser.text("#route-paste-error")).contains("无法识别这条路线");
        assertThat(browser.listedCodes()).isEqualTo(fromApi);
    }

    @Test
    void aRouteThatCrossesItselfShowsTheApisProblemAndUndoRecovers() {
        openAtCentre();
        browser.click("#route-toggle");
        draw(new int[][] {{-100, -60}, {80, 40}, {80, -60}, {-100, 40}});

        String polyline = EncodedPolyline.encode(routeInUrl());
        JsonPath problem = given().contentType(ContentType.JSON)
                .queryParam("lang", "zh")
                .body(Map.of("polyline", polyline))
                .post("/api/v1/stations/along-route")
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        browser.until(d -> browser.all("#alerts .alert").size() == 1);
        String alert = browser.text("#alerts .alert");
        assertThat(alert).contains(problem.getString("title")).contains(problem.getString("detail"));
        assertThat(browser.text("#list")).contains("这条路线无法搜索");
        // A refused route offers no link to share it.
        assertThat(browser.all("#route-share")).isEmpty();
        browser.screenshot("phone-route-crosses-itself");

        browser.click("#route-undo");
        browser.until(d -> browser.all("#alerts .alert").isEmpty());
        browser.until(d -> routeInUrl().size() == 3);
        browser.visible("#route-share");
        List<String> fromApi = alongRoute(Map.of("polyline", EncodedPolyline.encode(routeInUrl())), 300)
                .getList("stations.station.code", String.class);
        browser.until(d -> fromApi.isEmpty()
                ? "false".equals(browser.attribute("#list", "aria-busy"))
                        && browser.all("#list .station-button").isEmpty()
                : browser.listedCodes().equals(fromApi));
    }

    @Test
    void aSharedLinkWhoseRouteIsCutShortSaysSoAndShowsTheNearbyList() {
        // "{{{{" is in the polyline alphabet but never ends a number: a link cut off mid-route.
        browser.withLocationDenied()
                .open("/?lat=" + CENTRE.lat() + "&lng=" + CENTRE.lng() + "&zoom=" + ZOOM + "#route=%7B%7B%7B%7B");
        browser.until(d -> !browser.all("#notices .notice-route-link").isEmpty());
        assertThat(browser.text("#notices .notice-route-link")).contains("路线无法识别");
        List<String> nearby = browser.listedCodes();
        assertThat(nearby).isNotEmpty();
        assertThat(browser.listedKinds()).doesNotContain("route");
        browser.screenshot("phone-route-link-unreadable");

        // Drawing a route of one's own: the notice has done its work.
        browser.click("#route-toggle");
        browser.until(d -> browser.all("#notices .notice-route-link").isEmpty());
    }

    private void openAtCentre() {
        browser.withLocationDenied().open("/?lat=" + CENTRE.lat() + "&lng=" + CENTRE.lng() + "&zoom=" + ZOOM);
        browser.listedCodes();
    }

    /** Taps each point, waiting for the page to take it before the next (as a rider's thumb would). */
    private void draw(int[][] taps) {
        for (int i = 0; i < taps.length; i++) {
            browser.tapMap(taps[i][0], taps[i][1]);
            int count = i + 1;
            browser.until(d -> routeInUrl().size() == count);
        }
    }

    private List<double[]> routeInUrl() {
        String hash = (String) browser.script("return location.hash.replace(/^#/, '');");
        for (String part : hash.split("&")) {
            if (part.startsWith("route=")) {
                return EncodedPolyline.decode(URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8), 10_000);
            }
        }
        return List.of();
    }

    private static JsonPath alongRoute(Map<String, ?> body, int buffer) {
        return given().contentType(ContentType.JSON)
                .queryParam("buffer", buffer)
                .queryParam("limit", 100)
                .body(body)
                .post("/api/v1/stations/along-route")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String insert(LatLng at, String name) {
        return TestStations.insert(jdbc, XilinhotStations.openAllHours(at, name, List.of("drinking_water")));
    }

    /** Where a tap lands: Web Mercator pixels at the map's zoom, as Leaflet places them. */
    static LatLng atPixel(int dx, int dy) {
        double size = 256 * Math.pow(2, ZOOM);
        double x = (CENTRE.lng() + 180) / 360 * size + dx;
        double sin = Math.sin(Math.toRadians(CENTRE.lat()));
        double y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size + dy;
        double lng = x / size * 360 - 180;
        double lat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / size))));
        return new LatLng(lat, lng);
    }

    private static LatLng midpoint(LatLng a, LatLng b) {
        return new LatLng((a.lat() + b.lat()) / 2, (a.lng() + b.lng()) / 2);
    }

    private static LatLng offsetFrom(LatLng p, double north, double east) {
        return XilinhotStations.offset(p, north, east);
    }

    private static double round5(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }

    /** A distance as the page writes it in Chinese: tens of metres, or kilometres with one decimal. */
    static String metres(double m) {
        if (m < 1000) return Math.max(1, Math.round(m / 10) * 10) + " 米";
        double km = m / 1000;
        return (km < 10 ? String.format(java.util.Locale.ROOT, "%.1f", km) : String.valueOf(Math.round(km))) + " 公里";
    }
}
