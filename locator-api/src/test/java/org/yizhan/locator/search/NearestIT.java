package org.yizhan.locator.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.hours.OpeningHours;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;
import org.yizhan.locator.support.TestStations.Spec;

/**
 * The nearest endpoint against an independent brute force: every active station in the
 * database, measured with GeographicLib on the WGS-84 ellipsoid, filtered and sorted in Java.
 */
class NearestIT extends ApiIT {

    /** Centre of a ring of stations at distances 1 cm apart, in different directions. */
    static final LatLng RING_CENTRE = new LatLng(39.6700, 106.8000);

    static final List<LatLng> CHINA_EDGES = List.of(
            new LatLng(53.30, 122.50), // Mohe, the northern tip
            new LatLng(39.47, 73.60), // west of Kashgar
            new LatLng(18.25, 109.50), // Sanya, the south
            new LatLng(48.30, 134.70), // Fuyuan, the east
            new LatLng(21.50, 101.00)); // Xishuangbanna border
    static final String[] HOURS = {"24/7", "Mo-Fr 08:00-18:00", "18:00-02:00", "Mo-Su 06:30-20:30"};
    static final String[] AMENITIES = {"drinking_water", "microwave", "ebike_charging", "seating", "toilet"};

    private static boolean loaded;
    /** The ring's codes, nearest first (the designed distances fall from 500.11 m to 500.00 m as i rises). */
    private static final List<String> ringNearestFirst = new ArrayList<>();

    private static final List<String> inactiveNearCentre = new ArrayList<>();

    @BeforeEach
    void loadRandomRegister() {
        if (loaded) return;
        Random random = new Random(20261122);
        for (int i = 0; i < 700; i++) {
            insert(random, new LatLng(18 + random.nextDouble() * 35, 74 + random.nextDouble() * 60));
        }
        for (int i = 0; i < 700; i++) {
            insert(
                    random,
                    Geodesy.destination(
                            new LatLng(39.65, 106.82), random.nextDouble() * 360, random.nextDouble() * 20_000));
        }
        for (LatLng edge : CHINA_EDGES) {
            for (int i = 0; i < 15; i++)
                insert(random, Geodesy.destination(edge, random.nextDouble() * 360, random.nextDouble() * 50_000));
        }
        for (int i = 0; i < 12; i++) {
            LatLng at = Geodesy.destination(RING_CENTRE, i * 30 + 7, 500.00 + (11 - i) * 0.01);
            ringNearestFirst.add(
                    0,
                    TestStations.insert(jdbc, Spec.active(at).withAmenities(List.of("drinking_water", "microwave"))));
        }
        // Not active: must never be returned, however close.
        inactiveNearCentre.add(TestStations.insert(
                jdbc, Spec.active(Geodesy.destination(RING_CENTRE, 90, 5)).withStatus("suspended")));
        inactiveNearCentre.add(TestStations.insert(
                jdbc, Spec.active(Geodesy.destination(RING_CENTRE, 180, 5)).withStatus("closed")));
        loaded = true;
        awaitIndexed();
    }

    private void insert(Random random, LatLng at) {
        List<String> keys = new ArrayList<>();
        for (String key : AMENITIES)
            if (random.nextDouble() < (key.equals("ebike_charging") ? 0.1 : 0.5)) keys.add(key);
        String hours = HOURS[random.nextInt(HOURS.length)];
        TestStations.insert(jdbc, Spec.active(at).withAmenities(keys).withHours(hours));
    }

    @Test
    void nearestTenMatchesBruteForceAcrossChinaAndAtItsEdges() {
        Random random = new Random(7);
        List<LatLng> queries = new ArrayList<>(CHINA_EDGES);
        queries.add(RING_CENTRE);
        for (int i = 0; i < 15; i++)
            queries.add(new LatLng(18 + random.nextDouble() * 35, 74 + random.nextDouble() * 60));
        for (int i = 0; i < 10; i++)
            queries.add(Geodesy.destination(
                    new LatLng(39.65, 106.82), random.nextDouble() * 360, random.nextDouble() * 25_000));
        for (LatLng q : queries) {
            assertMatchesBruteForce(q, 10, null, List.of(), null);
        }
    }

    @Test
    void nearEqualDistancesComeInEllipsoidOrderNotSphereOrder() {
        List<Result> results = query(RING_CENTRE, 12, null, List.of("microwave", "drinking_water"), null);
        assertMatchesBruteForce(RING_CENTRE, 12, null, List.of("microwave", "drinking_water"), null);
        assertThat(results).extracting(Result::distanceMeters).isSorted();
        // Other tests' stations may stand nearer than the ring; among the ring, the order is the designed one.
        List<String> ringInAnswer = query(RING_CENTRE, 50, null, List.of("microwave", "drinking_water"), null).stream()
                .map(Result::code)
                .filter(ringNearestFirst::contains)
                .toList();
        assertThat(ringInAnswer).containsExactlyElementsOf(ringNearestFirst);
    }

    @Test
    void filtersByAmenitiesAndRadius() {
        LatLng wuhai = new LatLng(39.66, 106.83);
        assertMatchesBruteForce(wuhai, 25, null, List.of("ebike_charging"), null);
        assertMatchesBruteForce(wuhai, 100, 3_000.0, List.of(), null);
        assertMatchesBruteForce(wuhai, 20, 2_500.0, List.of("microwave", "toilet"), null);
        assertMatchesBruteForce(new LatLng(30.0, 90.0), 10, 1_000.0, List.of(), null);
    }

    @Test
    void openNowFiltersAtTheGivenInstant() {
        LatLng wuhai = new LatLng(39.66, 106.83);
        for (String at :
                List.of("2026-11-23T23:30:00+08:00", "2026-11-22T10:00:00+08:00", "2026-11-24T03:00:00+08:00")) {
            List<Result> results = assertMatchesBruteForce(
                    wuhai, 15, null, List.of(), Instant.from(java.time.OffsetDateTime.parse(at)));
            assertThat(results).allMatch(Result::openNow);
        }
    }

    @Autowired
    NearestSearch postgisSearch;

    /** PostGIS stays the fallback while the index loads (and with yizhan.index.enabled=false): it must agree too. */
    @Test
    void thePostgisPathMatchesBruteForceToo() {
        Random random = new Random(11);
        for (int i = 0; i < 12; i++) {
            LatLng q = i % 2 == 0
                    ? new LatLng(18 + random.nextDouble() * 35, 74 + random.nextDouble() * 60)
                    : Geodesy.destination(
                            new LatLng(39.65, 106.82), random.nextDouble() * 360, random.nextDouble() * 25_000);
            List<String> amenities = i % 3 == 0 ? List.of("ebike_charging") : List.of();
            Instant at = i % 4 == 1 ? Instant.parse("2026-11-23T15:30:00Z") : null;
            List<NearestHit> hits = postgisSearch.nearest(new NearestSearch.Query(
                    q,
                    10,
                    i % 5 == 0 ? 20_000.0 : null,
                    amenities,
                    at != null,
                    false,
                    at == null ? Instant.now() : at));
            List<Result> expected = bruteForce(q, 10, i % 5 == 0 ? 20_000.0 : null, amenities, at);
            assertThat(hits)
                    .extracting(h -> h.station().code())
                    .containsExactlyElementsOf(
                            expected.stream().map(Result::code).toList());
        }
    }

    @Test
    void alwaysOpenKeepsOnlyTwentyFourHourStations() {
        LatLng wuhai = new LatLng(39.66, 106.83);
        List<String> codes = given().queryParam("lat", wuhai.lat())
                .queryParam("lng", wuhai.lng())
                .queryParam("limit", 20)
                .queryParam("alwaysOpen", true)
                .get("/api/v1/stations/nearest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("stations.code", String.class);
        List<String> expected = jdbc.sql("""
                SELECT code FROM station WHERE status = 'active' AND opening_hours = '24/7'
                 ORDER BY ST_Distance(location, ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)::geography), code LIMIT 20""")
                .param("lng", wuhai.lng())
                .param("lat", wuhai.lat())
                .query(String.class)
                .list();
        assertThat(codes).containsExactlyElementsOf(expected);
    }

    @Test
    void neverReturnsStationsThatAreNotActive() {
        // The suspended and the closed station stand 5 m from the centre; other tests' stations may stand anywhere.
        List<Result> results = query(RING_CENTRE, 3, null, List.of(), null);
        assertThat(results).extracting(Result::code).doesNotContainAnyElementsOf(inactiveNearCentre);
        assertMatchesBruteForce(RING_CENTRE, 3, null, List.of(), null);
    }

    record Result(String code, double distanceMeters, boolean openNow) {}

    private List<Result> assertMatchesBruteForce(
            LatLng q, int limit, @Nullable Double radius, List<String> amenities, @Nullable Instant at) {
        List<Result> actual = query(q, limit, radius, amenities, at);
        List<Result> expected = bruteForce(q, limit, radius, amenities, at);
        assertThat(actual)
                .extracting(Result::code)
                .as("codes near %s", q)
                .containsExactlyElementsOf(expected.stream().map(Result::code).toList());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).distanceMeters()).isCloseTo(expected.get(i).distanceMeters(), within(0.06));
        }
        return actual;
    }

    private List<Result> query(
            LatLng q, int limit, @Nullable Double radius, List<String> amenities, @Nullable Instant at) {
        var request =
                given().queryParam("lat", q.lat()).queryParam("lng", q.lng()).queryParam("limit", limit);
        if (radius != null) request.queryParam("radius", radius);
        if (!amenities.isEmpty()) request.queryParam("amenities", String.join(",", amenities));
        if (at != null) request.queryParam("openNow", true).queryParam("at", at.toString());
        JsonPath json = request.when()
                .get("/api/v1/stations/nearest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> codes = json.getList("stations.code", String.class);
        List<Double> distances = json.getList("stations.distanceMeters", Double.class);
        List<Boolean> open = json.getList("stations.openNow", Boolean.class);
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) out.add(new Result(codes.get(i), distances.get(i), open.get(i)));
        return out;
    }

    private List<Result> bruteForce(
            LatLng q, int limit, @Nullable Double radius, List<String> amenities, @Nullable Instant at) {
        record Row(String code, double lat, double lng, List<String> amenities, String hours) {}
        List<Row> rows = jdbc.sql(
                        "SELECT code, ST_Y(location::geometry) lat, ST_X(location::geometry) lng, amenities, opening_hours "
                                + "FROM station WHERE status = 'active'")
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getDouble(2),
                        rs.getDouble(3),
                        Arrays.asList((String[]) rs.getArray(4).getArray()),
                        rs.getString(5)))
                .list();
        return rows.stream()
                .filter(r -> r.amenities().containsAll(amenities))
                .filter(r -> at == null
                        || OpeningHours.parse(r.hours())
                                .stateAt(at.atZone(ZoneId.of("Asia/Shanghai")).toLocalDateTime())
                                .open())
                .map(r -> new Result(r.code(), Geodesy.distanceMeters(q, new LatLng(r.lat(), r.lng())), true))
                .filter(r -> radius == null || r.distanceMeters() <= radius)
                .sorted(Comparator.comparingDouble(Result::distanceMeters).thenComparing(Result::code))
                .limit(limit)
                .toList();
    }
}
