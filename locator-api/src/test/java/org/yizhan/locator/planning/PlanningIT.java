package org.yizhan.locator.planning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;
import org.yizhan.locator.support.TestStations;
import org.yizhan.locator.support.TestStations.Spec;

/** Planning against real PostGIS: coverage must equal ST_DWithin on geography for the same data. */
class PlanningIT extends ApiIT {

    private LatLng centre;
    private long demandSet;

    /** A fresh 10 × 10 km town per test, with three stations and clustered demand. */
    @BeforeEach
    void townWithDemand() {
        Random random = TestRandom.current();
        centre = new LatLng(41.0 + random.nextDouble() * 4, 112.0 + random.nextDouble() * 6);
        for (int i = 0; i < 3; i++) {
            TestStations.insert(
                    jdbc,
                    Spec.active(Geodesy.destination(centre, i * 120, 1_500)).withName("规划测试驿站" + i));
        }
        StringBuilder csv = new StringBuilder("纬度,经度,权重\n");
        for (int i = 0; i < 400; i++) {
            LatLng hub = Geodesy.destination(centre, (i % 5) * 72, 1_000 + (i % 5) * 800);
            LatLng p = Geodesy.destination(hub, random.nextDouble() * 360, random.nextDouble() * 900);
            csv.append(p.lat())
                    .append(',')
                    .append(p.lng())
                    .append(',')
                    .append(1 + random.nextInt(5))
                    .append('\n');
        }
        demandSet = asAdmin()
                .multiPart("file", "demand.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "demand")
                .post("/api/v1/planning/sets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void coverageEqualsPostgisDwithinOnGeography() {
        JsonPath coverage = asAdmin()
                .queryParam("demand", demandSet)
                .queryParam("radius", 1000)
                .get("/api/v1/planning/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        double postgis =
                jdbc.sql("""
                SELECT coalesce(sum(d.weight), 0) FROM demand_point d WHERE d.set_id = :id AND EXISTS (
                    SELECT 1 FROM station s WHERE s.status = 'active' AND ST_DWithin(s.location, d.location, 1000))""").param("id", demandSet).query(Double.class).single();
        double total = jdbc.sql("SELECT sum(weight) FROM demand_point WHERE set_id = :id")
                .param("id", demandSet)
                .query(Double.class)
                .single();
        assertThat(coverage.getDouble("coveredWeight")).isCloseTo(postgis, within(1e-6));
        assertThat(coverage.getDouble("totalWeight")).isCloseTo(total, within(1e-6));
        assertThat(coverage.getDouble("share")).isCloseTo(postgis / total, within(1e-9));
        assertThat(coverage.getList("byGroup")).isNotEmpty();
    }

    @Test
    void suggestedSitesRaiseCoverageByTheirGainsAndExport() {
        JsonPath plan = threeSuggestions("json").jsonPath();
        List<Double> gains = plan.getList("sites.marginalGain", Double.class);
        assertThat(gains).hasSize(3).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(plan.getDouble("weightAfter") - plan.getDouble("weightBefore"))
                .isCloseTo(gains.stream().mapToDouble(Double::doubleValue).sum(), within(1e-6));
        assertThat(plan.getDouble("shareAfter")).isGreaterThan(plan.getDouble("shareBefore"));

        String geojson = threeSuggestions("geojson").asString();
        assertThat(JsonPath.from(geojson).getList("features")).hasSize(3);
        String csv = threeSuggestions("csv").asString();
        assertThat(csv.lines().count()).isEqualTo(4);
    }

    /**
     * Each suggested site names its nearest active station (staff place a site by a station they
     * know): the one a brute-force geodesic search over the whole register finds, at the same distance.
     */
    @Test
    void suggestedSitesNameTheNearestStationOfTheWholeRegister() {
        JsonPath plan = threeSuggestions("json").jsonPath();
        record Active(String code, String name, LatLng at) {}
        List<Active> register = jdbc.sql(
                        "SELECT code, name, ST_Y(location::geometry), ST_X(location::geometry) FROM station WHERE status = 'active'")
                .query((rs, n) ->
                        new Active(rs.getString(1), rs.getString(2), new LatLng(rs.getDouble(3), rs.getDouble(4))))
                .list();
        List<Map<String, Object>> sites = plan.getList("sites");
        assertThat(sites).hasSize(3);
        for (int i = 0; i < sites.size(); i++) {
            LatLng site = new LatLng(
                    plan.getDouble("sites[" + i + "].location.lat"), plan.getDouble("sites[" + i + "].location.lng"));
            Active nearest = register.stream()
                    .min(java.util.Comparator.comparingDouble(a -> Geodesy.distanceMeters(site, a.at())))
                    .orElseThrow();
            assertThat(plan.getString("sites[" + i + "].nearestStation.code")).isEqualTo(nearest.code());
            assertThat(plan.getString("sites[" + i + "].nearestStation.name")).isEqualTo(nearest.name());
            assertThat(plan.getDouble("sites[" + i + "].nearestStation.distanceMeters"))
                    .isCloseTo(Geodesy.distanceMeters(site, nearest.at()), within(0.01));
        }
        String csv = threeSuggestions("csv").asString();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("nearestStationCode", "nearestStationName");
        assertThat(csv).contains(plan.getString("sites[0].nearestStation.code"));
    }

    @Test
    void gapsSumToTheUncoveredWeightAndFullCoverReachesEverything() {
        JsonPath coverage = asAdmin()
                .queryParam("demand", demandSet)
                .get("/api/v1/planning/coverage")
                .then()
                .extract()
                .jsonPath();
        JsonPath gaps = asAdmin()
                .queryParam("demand", demandSet)
                .get("/api/v1/planning/gaps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        double cells = gaps.getList("features.properties.uncoveredWeight", Double.class).stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        assertThat(cells)
                .isCloseTo(coverage.getDouble("totalWeight") - coverage.getDouble("coveredWeight"), within(1e-6));

        JsonPath full = asAdmin()
                .queryParam("demand", demandSet)
                .get("/api/v1/planning/full-cover")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(full.getInt("uncoverablePoints")).isZero();
        assertThat(full.getDouble("shareAfter")).isCloseTo(1.0, within(1e-9));
        JsonPath redundancy = asAdmin()
                .queryParam("demand", demandSet)
                .get("/api/v1/planning/redundancy")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // Each station by the name the register has for it, not only its code.
        List<String> codes = redundancy.getList("code", String.class);
        assertThat(codes).isNotEmpty();
        for (int i = 0; i < codes.size(); i++) {
            String name = jdbc.sql("SELECT name FROM station WHERE code = :c")
                    .param("c", codes.get(i))
                    .query(String.class)
                    .single();
            assertThat(redundancy.getString("[" + i + "].name")).isEqualTo(name);
        }
    }

    @Test
    void queryOriginsAreKeptOnlyAsCellCountsAndSmallCellsAreSuppressed() {
        Random random = TestRandom.current();
        LatLng busy = new LatLng(30 + random.nextDouble() * 5, 100 + random.nextDouble() * 5);
        LatLng quiet = Geodesy.destination(busy, 90, 5_000);
        for (int i = 0; i < 6; i++) nearest(Geodesy.destination(busy, 0, 10 + i));
        for (int i = 0; i < 4; i++) nearest(Geodesy.destination(quiet, 0, 10 + i));

        JsonPath cells = asAdmin()
                .get("/api/v1/planning/query-demand")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> features = cells.getList("features");
        List<double[]> centres = new ArrayList<>();
        for (Map<String, Object> f : features) {
            @SuppressWarnings("unchecked")
            List<Number> c = (List<Number>) ((Map<String, Object>) f.get("geometry")).get("coordinates");
            centres.add(new double[] {c.get(1).doubleValue(), c.get(0).doubleValue()});
        }
        assertThat(centres).anyMatch(c -> Geodesy.distanceMeters(busy, new LatLng(c[0], c[1])) < 400);
        assertThat(centres).noneMatch(c -> Geodesy.distanceMeters(quiet, new LatLng(c[0], c[1])) < 400);

        List<String> types = jdbc.sql(
                        "SELECT data_type FROM information_schema.columns WHERE table_name = 'query_demand'")
                .query(String.class)
                .list();
        assertThat(types).containsOnly("integer", "date");
        given().get("/api/v1/planning/query-demand").then().statusCode(401);
    }

    /** Three suggested sites for the test's demand, as JSON, GeoJSON or CSV. */
    private io.restassured.response.ExtractableResponse<?> threeSuggestions(String format) {
        return asAdmin()
                .queryParam("demand", demandSet)
                .queryParam("k", 3)
                .queryParam("format", format)
                .get("/api/v1/planning/suggestions")
                .then()
                .statusCode(200)
                .extract();
    }

    private static void nearest(LatLng at) {
        given().queryParam("lat", at.lat())
                .queryParam("lng", at.lng())
                .get("/api/v1/stations/nearest")
                .then()
                .statusCode(200);
    }
}
