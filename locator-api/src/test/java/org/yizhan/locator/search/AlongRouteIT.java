package org.yizhan.locator.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.ChinaCoordinates;
import org.yizhan.geo.route.EncodedPolyline;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;
import org.yizhan.locator.support.TestStations;

/**
 * Along-route search against a brute force written independently: every active station near the
 * route read from the table, its distance to the route found by sampling each segment's geodesic
 * (GeographicLib) finely, and the route point at the answer's alongMetres found by walking the
 * geodesics. Routes and stations are seeded random, in an area of each test run's own.
 */
class AlongRouteIT extends ApiIT {

    /** One stream for the class, so each test gets an area of its own. */
    static final Random random = TestRandom.forClass(AlongRouteIT.class);

    LatLng centre;

    @BeforeEach
    void stationsAroundARandomCentre() {
        centre = new LatLng(25 + random.nextDouble() * 15, 100 + random.nextDouble() * 15);
        String[][] amenities = {{"drinking_water"}, {"microwave", "drinking_water"}, {"toilet"}, {}};
        for (int i = 0; i < 400; i++) {
            LatLng at = Geodesy.destination(centre, random.nextDouble() * 360, Math.sqrt(random.nextDouble()) * 8_000);
            TestStations.Spec spec =
                    TestStations.Spec.active(at).withAmenities(List.of(amenities[random.nextInt(amenities.length)]));
            if (random.nextInt(4) == 0) spec = spec.withHours("Mo-Fr 08:00-18:00");
            if (random.nextInt(10) == 0) spec = spec.withStatus("suspended");
            TestStations.insert(jdbc, spec);
        }
    }

    @Test
    void matchesTheBruteForceOnSeededRoutes() {
        for (int r = 0; r < 6; r++) {
            List<LatLng> route = randomRoute();
            double buffer = 50 + random.nextInt(550);
            boolean asPolyline = r % 2 == 1;
            if (asPolyline)
                route = route.stream()
                        .map(p -> new LatLng(Math.round(p.lat() * 1e5) / 1e5, Math.round(p.lng() * 1e5) / 1e5))
                        .toList();
            Object body = asPolyline
                    ? Map.of(
                            "polyline",
                            EncodedPolyline.encode(route.stream()
                                    .map(p -> new double[] {p.lat(), p.lng()})
                                    .toList()))
                    : geoJson(route);
            JsonPath answer = post(body, "buffer=" + buffer + "&limit=1000")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            checkAgainstBruteForce(
                    route,
                    buffer,
                    answer,
                    bruteForce(route, buffer, "TRUE"),
                    "route " + r + " " + route + " buffer " + buffer);
        }
    }

    @Test
    void amenityAndTwentyFourHourFiltersKeepOnlyMatchingStations() {
        List<LatLng> route = randomRoute();
        JsonPath answer = post(geoJson(route), "buffer=400&limit=1000&amenities=microwave&alwaysOpen=true")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        checkAgainstBruteForce(
                route,
                400,
                answer,
                bruteForce(route, 400, "s.always_open AND s.amenities @> ARRAY['microwave']::varchar(40)[]"),
                "filtered " + route);
    }

    @Test
    void aGcj02RouteFindsTheSameStationsAndAnswersInGcj02() {
        List<LatLng> route = randomRoute();
        List<LatLng> gcj = route.stream().map(ChinaCoordinates::wgs84ToGcj02).toList();
        JsonPath wgs = post(geoJson(route), "limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath shifted = post(geoJson(gcj), "crs=gcj02&limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(shifted.getString("crs")).isEqualTo("gcj02");
        assertThat(shifted.getList("stations.station.code")).isEqualTo(wgs.getList("stations.station.code"));
        for (int i = 0; i < wgs.getList("stations").size(); i++) {
            assertThat(shifted.getDouble("stations[" + i + "].alongMetres"))
                    .isCloseTo(
                            wgs.getDouble("stations[" + i + "].alongMetres"), org.assertj.core.data.Offset.offset(1.0));
            LatLng expected = ChinaCoordinates.wgs84ToGcj02(new LatLng(
                    wgs.getDouble("stations[" + i + "].station.location.lat"),
                    wgs.getDouble("stations[" + i + "].station.location.lng")));
            LatLng shown = new LatLng(
                    shifted.getDouble("stations[" + i + "].station.location.lat"),
                    shifted.getDouble("stations[" + i + "].station.location.lng"));
            assertThat(Geodesy.distanceMeters(expected, shown)).isLessThan(0.5);
        }
    }

    @Test
    void hostileRoutesGetProblemDetails() {
        LatLng a = centre, b = Geodesy.destination(centre, 45, 1_000);
        List<Object[]> cases = new ArrayList<>(List.of(
                new Object[] {Map.of("type", "LineString", "coordinates", List.of(List.of(a.lng(), a.lat()))), "", 400},
                new Object[] {
                    Map.of(
                            "type",
                            "LineString",
                            "coordinates",
                            List.of(List.of(a.lng(), a.lat()), List.of(a.lng(), a.lat()))),
                    "",
                    400
                },
                new Object[] {Map.of("type", "Point", "coordinates", List.of(a.lng(), a.lat())), "", 400},
                new Object[] {
                    Map.of(
                            "type",
                            "LineString",
                            "coordinates",
                            List.of(List.of(a.lng(), a.lat()), List.of("NaN", b.lat()))),
                    "",
                    400
                },
                new Object[] {
                    Map.of(
                            "type",
                            "LineString",
                            "coordinates",
                            List.of(List.of(a.lng(), a.lat()), List.of(b.lng(), 95.0))),
                    "",
                    400
                },
                new Object[] {
                    Map.of("type", "LineString", "coordinates", List.of(List.of(a.lng(), a.lat()), List.of(b.lng()))),
                    "",
                    400
                },
                new Object[] {selfIntersecting(), "", 422},
                new Object[] {geoJson(List.of(a, b)), "crs=epsg3857", 400},
                new Object[] {geoJson(List.of(a, b)), "buffer=5000", 400},
                new Object[] {geoJson(List.of(a, b)), "buffer=NaN", 400},
                new Object[] {geoJson(List.of(a, b)), "amenities=jacuzzi", 400},
                new Object[] {Map.of("polyline", "_p~iF~ps|U_"), "", 400},
                new Object[] {Map.of("polyline", "abc def"), "", 400},
                new Object[] {Map.of("polyline", "??", "type", "LineString", "coordinates", List.of()), "", 400},
                new Object[] {Map.of(), "", 400},
                new Object[] {"[1,2", "", 400},
                new Object[] {Map.of("polyline", longPolyline(100_000)), "", 400},
                new Object[] {geoJson(randomVertices(100_000)), "", 413},
                new Object[] {geoJson(List.of(a, Geodesy.destination(a, 90, 900_000))), "", 400}));
        for (Object[] c : cases) {
            Response response = post(c[0], (String) c[1]);
            assertThat(response.statusCode())
                    .as(c[1] + " "
                            + String.valueOf(c[0])
                                    .substring(
                                            0,
                                            Math.min(120, String.valueOf(c[0]).length())) + ": " + response.asString())
                    .isEqualTo((int) c[2]);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    private Response post(Object body, String query) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/stations/along-route" + (query.isEmpty() ? "" : "?" + query));
    }

    /** A random walk of 2-25 vertices, 100-1500 m apart, turning up to 60° each time, that never crosses itself. */
    private List<LatLng> randomRoute() {
        while (true) {
            List<LatLng> route = new ArrayList<>();
            LatLng at = Geodesy.destination(centre, random.nextDouble() * 360, random.nextDouble() * 3_000);
            double heading = random.nextDouble() * 360;
            route.add(at);
            for (int i = 0, n = 1 + random.nextInt(24); i < n; i++) {
                heading += random.nextDouble() * 120 - 60;
                at = Geodesy.destination(at, heading, 100 + random.nextDouble() * 1_400);
                route.add(at);
            }
            if (!org.yizhan.geo.route.RouteLine.selfIntersects(route)) return route;
        }
    }

    private Map<String, Object> selfIntersecting() {
        LatLng a = centre;
        return geoJson(List.of(
                a,
                Geodesy.destination(a, 0, 1000),
                Geodesy.destination(Geodesy.destination(a, 0, 500), 90, 500),
                Geodesy.destination(Geodesy.destination(a, 0, 500), 270, 500)));
    }

    private List<LatLng> randomVertices(int n) {
        List<LatLng> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new LatLng(centre.lat() + i * 1e-6, centre.lng() + i * 1e-6));
        return out;
    }

    private String longPolyline(int n) {
        return EncodedPolyline.encode(randomVertices(n).stream()
                .map(p -> new double[] {p.lat() + 0.0001 * (p.lat() - centre.lat()) * 1e4, p.lng()})
                .toList());
    }

    private static Map<String, Object> geoJson(List<LatLng> route) {
        return Map.of(
                "type",
                "LineString",
                "coordinates",
                route.stream().map(p -> List.of(p.lng(), p.lat())).toList());
    }

    record Truth(String code, double off, LatLng at) {}

    /** Every active station in the area matching {@code where}, with its distance to the route by fine sampling. */
    private Map<String, Truth> bruteForce(List<LatLng> route, double buffer, String where) {
        List<Object[]> rows = jdbc.sql("SELECT code, ST_Y(location::geometry), ST_X(location::geometry) FROM station s "
                        + "WHERE status = 'active' AND " + where
                        + " AND location::geometry && ST_MakeEnvelope(:w, :s, :e, :n, 4326)")
                .param("w", centre.lng() - 0.3)
                .param("s", centre.lat() - 0.3)
                .param("e", centre.lng() + 0.3)
                .param("n", centre.lat() + 0.3)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getDouble(2), rs.getDouble(3)})
                .list();
        Map<String, Truth> truth = new HashMap<>();
        for (Object[] row : rows) {
            LatLng p = new LatLng((double) row[1], (double) row[2]);
            double off = distanceToRoute(route, p, buffer + 60);
            if (off <= buffer + 60) truth.put((String) row[0], new Truth((String) row[0], off, p));
        }
        return truth;
    }

    /** Distance from p to the route: 20 m samples of each geodesic, then 0.05 m samples near the best. */
    private static double distanceToRoute(List<LatLng> route, LatLng p, double coarseLimit) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < route.size(); i++) {
            GeodesicLine line = line(route.get(i - 1), route.get(i));
            double length = line.Distance();
            double coarseBest = Double.POSITIVE_INFINITY, coarseAt = 0;
            for (double s = 0; s <= length + 20; s += 20) {
                double d = distance(line, Math.min(s, length), p);
                if (d < coarseBest) {
                    coarseBest = d;
                    coarseAt = Math.min(s, length);
                }
            }
            if (coarseBest > Math.min(best, coarseLimit) + 20) continue;
            for (double s = Math.max(0, coarseAt - 21); s <= Math.min(length, coarseAt + 21); s += 0.05)
                best = Math.min(best, distance(line, s, p));
            best = Math.min(best, distance(line, length, p));
        }
        return best;
    }

    /** The point alongMetres from the route's start, walking its geodesics. */
    private static LatLng pointAlong(List<LatLng> route, double along) {
        double left = along;
        for (int i = 1; i < route.size(); i++) {
            GeodesicLine line = line(route.get(i - 1), route.get(i));
            if (left <= line.Distance() || i == route.size() - 1) {
                GeodesicData d = line.Position(Math.min(left, line.Distance()));
                return new LatLng(d.lat2, d.lon2);
            }
            left -= line.Distance();
        }
        throw new AssertionError();
    }

    private static GeodesicLine line(LatLng a, LatLng b) {
        return Geodesic.WGS84.InverseLine(a.lat(), a.lng(), b.lat(), b.lng(), GeodesicMask.ALL);
    }

    private static double distance(GeodesicLine line, double s, LatLng p) {
        GeodesicData d = line.Position(s);
        return Geodesic.WGS84.Inverse(d.lat2, d.lon2, p.lat(), p.lng(), GeodesicMask.DISTANCE).s12;
    }

    private static void checkAgainstBruteForce(
            List<LatLng> route, double buffer, JsonPath answer, Map<String, Truth> truth, String context) {
        List<Map<String, Object>> stations = answer.getList("stations");
        assertThat(answer.getBoolean("more")).as(context).isFalse();
        List<String> returned = new ArrayList<>();
        double previousAlong = -1;
        for (Map<String, Object> s : stations) {
            @SuppressWarnings("unchecked")
            Map<String, Object> station = (Map<String, Object>) s.get("station");
            String code = (String) station.get("code");
            returned.add(code);
            Truth t = truth.get(code);
            assertThat(t)
                    .as(context + ": " + code + " returned but not within " + (buffer + 60) + " m by brute force")
                    .isNotNull();
            double off = ((Number) s.get("offRouteMetres")).doubleValue();
            double along = ((Number) s.get("alongMetres")).doubleValue();
            assertThat(off)
                    .as(context + ": off-route distance of " + code)
                    .isCloseTo(t.off(), org.assertj.core.data.Offset.offset(0.3));
            assertThat(((Number) s.get("detourMetres")).doubleValue())
                    .isCloseTo(2 * off, org.assertj.core.data.Offset.offset(0.2));
            assertThat(t.off())
                    .as(context + ": " + code + " is outside the buffer")
                    .isLessThanOrEqualTo(buffer + 0.5);
            // The route point alongMetres from the start is the station's nearest point on the route.
            assertThat(Geodesy.distanceMeters(pointAlong(route, along), t.at()))
                    .as(context + ": along of " + code)
                    .isCloseTo(t.off(), org.assertj.core.data.Offset.offset(0.5));
            assertThat(along).as(context + ": order along the route").isGreaterThanOrEqualTo(previousAlong);
            previousAlong = along;
        }
        List<String> mustBeThere = truth.values().stream()
                .filter(t -> t.off() <= buffer - 0.5)
                .map(Truth::code)
                .toList();
        assertThat(returned)
                .as(context + ": stations within the buffer by brute force")
                .containsAll(mustBeThere);
        assertThat(returned).doesNotHaveDuplicates();
        assertThat(answer.getInt("numberMatched")).isEqualTo(returned.size());
    }
}
