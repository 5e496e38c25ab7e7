package org.yizhan.locator.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.osm.GeneratedCity;
import org.yizhan.geo.route.RouteLine;
import org.yizhan.locator.support.TestRandom;

/**
 * Along-route detours on the road network of the generated city ({@link TestCity}): a route along
 * the south bank, stations on both banks, walking detours checked by hand and against the
 * independent {@link CityDijkstra}.
 */
class AlongRouteByRoadIT extends RoadApiIT {

    /** Along the south bank's row 4 from column 2 to column 5; the expressway cuts the row just east of it. */
    private List<LatLng> southBank() {
        return List.of(city.corner(2, 4), city.corner(3, 4), city.corner(4, 4), city.corner(5, 4));
    }

    private Response post(List<LatLng> route, String query) {
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "LineString",
                        "coordinates",
                        route.stream().map(p -> List.of(p.lng(), p.lat())).toList()))
                .post("/api/v1/stations/along-route" + (query.isEmpty() ? "" : "?" + query));
    }

    private JsonPath along(List<LatLng> route, String query) {
        return post(route, query)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Four stations off the south-bank route, by name: beside it, 200 m and 400 m south, 300 m north across the river. */
    private record Stations(String beside, String south, String farSouth, String acrossRiver) {}

    private Stations fourStations() {
        Stations s = new Stations(
                station(city.at(500, 830), "路边驿站"),
                station(city.corner(3, 3), "同岸驿站"),
                station(city.corner(5, 2), "远同岸驿站"),
                station(city.corner(4, 5), "河对岸驿站"));
        awaitIndexed();
        return s;
    }

    /**
     * The walk from the route's nearest point to a station at corner {@code (c, r)}, by the
     * independent Dijkstra: along the route's street to one of its corners, then the city's streets.
     */
    private double walkFromRoute(List<LatLng> route, int c, int r) {
        LatLng station = city.corner(c, r);
        RouteLine.Position position = RouteLine.of(route).locate(station, 1_000);
        assertThat(position).isNotNull();
        CityDijkstra oracle = new CityDijkstra(city);
        double best = Double.POSITIVE_INFINITY;
        for (int column = 2; column <= 5; column++) {
            double alongStreet = Geodesy.distanceMeters(position.nearest(), city.corner(column, 4));
            best = Math.min(best, alongStreet + oracle.meters(city.cornerId(column, 4), city.cornerId(c, r)));
        }
        return best;
    }

    private static double detourOf(JsonPath answer, String code) {
        List<String> codes = answer.getList("stations.station.code");
        assertThat(codes).contains(code);
        return answer.getDouble("stations[" + codes.indexOf(code) + "].detourMetres");
    }

    @Test
    void aStationAcrossTheRiverIsANearDetourInAStraightLineAndAFarOneOnFoot() {
        Stations s = fourStations();
        List<LatLng> route = southBank();

        JsonPath straight = along(route, "buffer=450");
        assertThat(straight.getString("detourBy")).isEqualTo("straight");
        assertThat(straight.getList("stations.station.code"))
                .containsExactly(s.beside, s.south, s.acrossRiver, s.farSouth);
        assertThat(detourOf(straight, s.acrossRiver)).isCloseTo(600, within(15.0));

        JsonPath walk = along(route, "buffer=450&by=walk");
        assertThat(walk.getString("detourBy")).isEqualTo("walk");
        // Still in order along the route, with the same positions; only the detours are by road.
        assertThat(walk.getList("stations.station.code")).isEqualTo(straight.getList("stations.station.code"));
        assertThat(walk.getList("stations.alongMetres")).isEqualTo(straight.getList("stations.alongMetres"));
        assertThat(walk.getList("stations.offRouteMetres")).isEqualTo(straight.getList("stations.offRouteMetres"));
        // By hand: 600 m west along the bank to the bridge at column 1, 300 m across, 600 m back east; twice.
        double across = detourOf(walk, s.acrossRiver);
        assertThat(across).isCloseTo(3_000, within(30.0));
        double expectedAcross = 2 * walkFromRoute(route, 4, 5);
        assertThat(across).isCloseTo(expectedAcross, within(expectedAcross * 0.005 + 1));
        double expectedSouth = 2 * walkFromRoute(route, 3, 3);
        assertThat(detourOf(walk, s.south)).isCloseTo(expectedSouth, within(expectedSouth * 0.005 + 1));
        assertThat(expectedSouth).isCloseTo(400, within(15.0));
        // Beside the road: 30 m there and back, the same as in a straight line.
        assertThat(detourOf(walk, s.beside)).isCloseTo(detourOf(straight, s.beside), within(1.0));
        // Walking pace, as nearest by=walk: 5 km/h.
        List<Double> seconds = walk.getList("stations.detourSeconds", Double.class);
        List<Double> metres = walk.getList("stations.detourMetres", Double.class);
        for (int i = 0; i < metres.size(); i++) {
            assertThat(metres.get(i) / seconds.get(i) * 3.6).isCloseTo(5, within(0.2));
        }
    }

    @Test
    void orderByDetourRanksTheStationAcrossTheRiverLastOnFoot() {
        Stations s = fourStations();
        List<LatLng> route = southBank();
        assertThat(along(route, "buffer=450&order=detour").getList("stations.station.code"))
                .containsExactly(s.beside, s.south, s.acrossRiver, s.farSouth);
        JsonPath walk = along(route, "buffer=450&order=detour&by=walk");
        assertThat(walk.getList("stations.station.code")).containsExactly(s.beside, s.south, s.farSouth, s.acrossRiver);
        List<Double> detours = walk.getList("stations.detourMetres", Double.class);
        assertThat(detours).isSorted();

        JsonPath firstTwo = along(route, "buffer=450&order=detour&by=walk&limit=2");
        assertThat(firstTwo.getList("stations.station.code")).containsExactly(s.beside, s.south);
        assertThat(firstTwo.getInt("numberMatched")).isEqualTo(4);
        assertThat(firstTwo.getBoolean("more")).isTrue();
    }

    @Test
    void maxDetourKeepsTheStationsWithinItInTheMeasureAskedFor() {
        Stations s = fourStations();
        List<LatLng> route = southBank();
        JsonPath walk = along(route, "buffer=450&by=walk&maxDetour=1000");
        assertThat(walk.getList("stations.station.code")).containsExactly(s.beside, s.south, s.farSouth);
        assertThat(walk.getInt("numberMatched")).isEqualTo(3);
        assertThat(walk.getBoolean("more")).isFalse();
        // In a straight line the river costs nothing: the station 400 m south is the one over 700 m.
        JsonPath straight = along(route, "buffer=450&maxDetour=700");
        assertThat(straight.getList("stations.station.code")).containsExactly(s.beside, s.south, s.acrossRiver);
        assertThat(straight.getInt("numberMatched")).isEqualTo(3);
        // A rider who will go at most 500 m extra.
        assertThat(along(route, "buffer=450&by=ride&maxDetour=500").getList("stations.station.code"))
                .containsExactly(s.beside, s.south);
    }

    @Test
    void withoutByTheAnswerIsTheStraightLineAsBefore() {
        fourStations();
        List<LatLng> route = southBank();
        String plain =
                post(route, "buffer=450").then().statusCode(200).extract().asString();
        assertThat(post(route, "buffer=450&order=along").then().extract().asString())
                .isEqualTo(plain);
        JsonPath answer = JsonPath.from(plain);
        assertThat(answer.getString("detourBy")).isEqualTo("straight");
        List<Map<String, Object>> stations = answer.getList("stations");
        assertThat(stations).hasSize(4);
        for (Map<String, Object> station : stations) {
            assertThat(station).doesNotContainKey("detourSeconds");
            assertThat(((Number) station.get("detourMetres")).doubleValue())
                    .isCloseTo(2 * ((Number) station.get("offRouteMetres")).doubleValue(), within(0.11));
        }
    }

    @Test
    void ridingTakesTheSameBridgeFaster() {
        Stations s = fourStations();
        List<LatLng> route = southBank();
        JsonPath walk = along(route, "buffer=450&by=walk");
        JsonPath ride = along(route, "buffer=450&by=ride");
        assertThat(ride.getString("detourBy")).isEqualTo("ride");
        int i = walk.getList("stations.station.code").indexOf(s.acrossRiver);
        assertThat(ride.getDouble("stations[" + i + "].detourMetres"))
                .isCloseTo(walk.getDouble("stations[" + i + "].detourMetres"), within(30.0));
        assertThat(ride.getDouble("stations[" + i + "].detourSeconds"))
                .isLessThan(walk.getDouble("stations[" + i + "].detourSeconds") / 2);
    }

    @Test
    void stationsOffTheNetworkAreLeftOutByRoadAndNotCounted() {
        // From a field 900 m west of the city onto the south bank's row 4.
        List<LatLng> route = List.of(city.at(-900, 800), city.corner(0, 4), city.corner(2, 4));
        String inTheField = station(city.at(-700, 850), "田野驿站");
        String onTheGrid = station(city.corner(1, 3), "网格驿站");
        awaitIndexed();
        JsonPath straight = along(route, "");
        assertThat(straight.getList("stations.station.code")).containsExactly(inTheField, onTheGrid);
        JsonPath walk = along(route, "by=walk");
        assertThat(walk.getList("stations.station.code")).containsExactly(onTheGrid);
        assertThat(walk.getInt("numberMatched")).isEqualTo(1);
    }

    @Test
    void aRouteNowhereNearARoadIsAProblemNotAnError() {
        station(city.at(-2_800, -2_950), "荒野驿站");
        awaitIndexed();
        List<LatLng> route = List.of(city.at(-3_000, -3_000), city.at(-2_500, -3_000));
        post(route, "by=walk")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Not near a road"))
                .body("field", equalTo("coordinates"));
        // Without a station near it there is nothing to measure: an empty answer, as in a straight line.
        along(List.of(city.at(-3_000, -3_500), city.at(-2_500, -3_500)), "by=walk");
    }

    /**
     * Hundreds of stations within the buffer, every one measured on foot: checks that hold for
     * each, and the time of a call against the straight-line call (printed; the seed with it).
     */
    @Test
    void hundredsOfStationsAreMeasuredInOneCall() {
        Random random = TestRandom.current();
        GeneratedCity.Layout layout = city.layout();
        double width = layout.x(layout.n() - 1), height = layout.y(layout.n() - 1);
        for (int i = 0; i < 600; ) {
            double x = random.nextDouble() * width, y = random.nextDouble() * height;
            // Not inside the gated compound, whose middle is the snap distance from any public street.
            if (x > 380 && x < 1_020 && y > layout.y(6) - 20 && y < layout.y(8) + 20) continue;
            station(city.at(x, y), "驿站" + i++);
        }
        awaitIndexed();
        List<LatLng> route = List.of(city.corner(0, 4), city.corner(2, 4), city.corner(5, 4));
        String query = "buffer=1000&limit=1000";
        JsonPath straight = along(route, query);
        JsonPath walk = along(route, query + "&by=walk");
        int hits = straight.getInt("numberMatched");
        assertThat(hits).isGreaterThan(400);
        // Every station here is within 200 m of a walkable street and within reach.
        assertThat(walk.getInt("numberMatched")).isEqualTo(hits);
        List<Double> straightDetours = straight.getList("stations.detourMetres", Double.class);
        List<Double> walkDetours = walk.getList("stations.detourMetres", Double.class);
        for (int i = 0; i < hits; i++) {
            // The way there and back is never shorter than the straight line there and back (give or
            // take the sphere that measures the stretches to the road, ~0.3% off the ellipsoid here).
            assertThat(walkDetours.get(i)).isGreaterThanOrEqualTo(straightDetours.get(i) * 0.995 - 0.5);
        }
        long[] straightNanos = new long[7], walkNanos = new long[7];
        for (int round = 0; round < 7; round++) {
            long t0 = System.nanoTime();
            along(route, query);
            long t1 = System.nanoTime();
            along(route, query + "&by=walk");
            long t2 = System.nanoTime();
            straightNanos[round] = t1 - t0;
            walkNanos[round] = t2 - t1;
        }
        Arrays.sort(straightNanos);
        Arrays.sort(walkNanos);
        System.out.printf(
                "along-route with %d stations in the buffer (seed %d): straight median %.1f ms, by=walk median %.1f ms%n",
                hits, TestRandom.SEED, straightNanos[3] / 1e6, walkNanos[3] / 1e6);
        List<String> codes = new ArrayList<>(walk.getList("stations.station.code"));
        assertThat(codes).doesNotHaveDuplicates();
    }
}
