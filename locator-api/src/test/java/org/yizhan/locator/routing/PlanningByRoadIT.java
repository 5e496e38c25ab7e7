package org.yizhan.locator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

/**
 * Planning on the generated city: walking coverage differs from straight-line coverage exactly
 * across the river and around the compound, and points off the network are reported.
 */
class PlanningByRoadIT extends RoadApiIT {

    @Test
    void walkingCoverageLosesWhatTheRiverAndTheCompoundCutOff() {
        station(city.corner(3, 8), "大院北驿站");
        station(city.corner(7, 5), "河北驿站");
        long demand = upload(
                "demand",
                "纬度,经度,权重\n"
                        + row(city.corner(3, 6), 1) // 400 m through the compound, 800 m around it
                        + row(city.corner(7, 4), 2) // 300 m across the river, 1,100 m by the bridge at column 9
                        + row(city.corner(7, 6), 4) // 200 m up the same street: covered either way
                        + row(city.at(-3_000, -3_000), 8)); // in the fields, 3 km from any road
        JsonPath straight = coverage(demand, "distance", "straight", "radius", "500");
        assertThat(straight.getDouble("coveredWeight")).isEqualTo(7.0);
        assertThat(straight.getString("distance")).isEqualTo("straight");

        JsonPath walk = coverage(demand, "distance", "walk", "radius", "500");
        assertThat(walk.getDouble("coveredWeight")).isEqualTo(4.0);
        assertThat(walk.getDouble("totalWeight")).isEqualTo(15.0);
        assertThat(walk.getInt("offNetwork.demandPoints")).isEqualTo(1);
        assertThat(walk.getDouble("offNetwork.demandWeight")).isEqualTo(8.0);
        assertThat(walk.getDouble("offNetwork.demand[0].lat"))
                .isCloseTo(city.at(-3_000, -3_000).lat(), within(1e-9));

        // 7 minutes at 5 km/h is 583 m: the same as 500 m here. 15 minutes (1,250 m) reaches round both.
        assertThat(coverage(demand, "distance", "walk", "minutes", "7").getDouble("coveredWeight"))
                .isEqualTo(4.0);
        JsonPath quarterHour = coverage(demand);
        assertThat(quarterHour.getString("distance")).isEqualTo("walk");
        assertThat(quarterHour.getString("limit")).isEqualTo("15.0 min");
        assertThat(quarterHour.getDouble("coveredWeight")).isEqualTo(7.0);
    }

    @Test
    void walkingSuggestsTheSiteOnTheSameBank() {
        long demand = upload(
                "demand",
                "纬度,经度,权重\n"
                        + row(city.corner(3, 4), 5) // south bank
                        + row(city.corner(4, 5), 1)); // north bank
        long candidates = upload(
                "candidate",
                "纬度,经度,名称\n"
                        + city.corner(3, 5).lat() + "," + city.corner(3, 5).lng() + ",north\n"
                        + city.corner(3, 2).lat() + "," + city.corner(3, 2).lng() + ",south\n");
        // Straight: "north" reaches both points (300 m and 200 m), "south" only the first (400 m).
        JsonPath straight = planning(
                "suggestions",
                "demand",
                demand,
                "candidates",
                candidates,
                "k",
                1,
                "distance",
                "straight",
                "radius",
                500);
        assertThat(straight.getList("sites.id")).containsExactly("north");
        assertThat(straight.getDouble("weightAfter")).isEqualTo(6.0);
        // On foot "north" is 1,100 m from the south-bank point, so "south" covers more.
        JsonPath walk = planning(
                "suggestions", "demand", demand, "candidates", candidates, "k", 1, "distance", "walk", "radius", 500);
        assertThat(walk.getList("sites.id")).containsExactly("south");
        assertThat(walk.getDouble("weightAfter")).isEqualTo(5.0);

        JsonPath fullCover =
                planning("full-cover", "demand", demand, "candidates", candidates, "distance", "walk", "radius", 500);
        assertThat(fullCover.getInt("sitesNeeded")).isEqualTo(2);
        assertThat(fullCover.getDouble("shareAfter")).isEqualTo(1.0);
    }

    @Test
    void walkingRedundancyCountsOnlyWhatEachStationReachesOnFoot() {
        String north = station(city.corner(3, 5), "北岸驿站");
        String south = station(city.corner(3, 3), "南岸驿站");
        long demand = upload("demand", "纬度,经度,权重\n" + row(city.corner(3, 4), 5));
        JsonPath straight = planning("redundancy", "demand", demand, "distance", "straight", "radius", 500);
        // Straight, both stations cover the point, so neither covers it alone.
        assertThat(straight.getDouble("find { it.code == '" + south + "' }.uniqueWeight"))
                .isEqualTo(0.0);
        JsonPath walk = planning("redundancy", "demand", demand, "distance", "walk", "radius", 500);
        assertThat(walk.getDouble("find { it.code == '" + south + "' }.uniqueWeight"))
                .isEqualTo(5.0);
        assertThat(walk.getDouble("find { it.code == '" + north + "' }.coveredWeight"))
                .isEqualTo(0.0);
    }

    @Test
    void badReachParametersAreProblems() {
        long demand = upload("demand", "纬度,经度,权重\n" + row(city.corner(1, 1), 1));
        adminQuery("demand", demand, "distance", "fly")
                .get("/api/v1/planning/coverage")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("distance"));
        adminQuery("demand", demand, "distance", "straight", "minutes", 10)
                .get("/api/v1/planning/coverage")
                .then()
                .statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("minutes"));
        adminQuery("demand", demand, "radius", 500, "minutes", 10)
                .get("/api/v1/planning/coverage")
                .then()
                .statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("minutes"));
        adminQuery("demand", demand, "minutes", 0)
                .get("/api/v1/planning/gaps")
                .then()
                .statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("minutes"));
    }

    @Test
    void aCatchmentIsTheStreetsWithinTheWalkAndInStraightModeTheCircle() {
        LatLng northBank = city.corner(7, 5);
        String code = station(northBank, "河北集水驿站");
        String unknown = org.yizhan.geo.code.StationCode.of("530102", 99_998).value();
        JsonPath walk = planning("catchments", "codes", code + "," + unknown, "distance", "walk", "radius", "500");
        assertThat(walk.getList("missing")).containsExactly(unknown);
        assertThat(walk.getString("features[0].properties.code")).isEqualTo(code);
        assertThat(walk.getBoolean("features[0].properties.onNetwork")).isTrue();
        assertThat(walk.getString("features[0].geometry.type")).isEqualTo("MultiLineString");
        List<LatLng> vertices = new java.util.ArrayList<>();
        for (List<List<Number>> line : walk.<List<List<Number>>>getList("features[0].geometry.coordinates")) {
            for (List<Number> p : line)
                vertices.add(new LatLng(p.get(1).doubleValue(), p.get(0).doubleValue()));
        }
        // A route is never shorter than the straight line: nothing drawn lies beyond 500 m as the crow flies
        // (plus the few metres from the station to its street); the street runs on, so the drawing reaches close to it.
        double farthest = vertices.stream()
                .mapToDouble(v -> Geodesy.distanceMeters(northBank, v))
                .max()
                .orElseThrow();
        assertThat(farthest).isBetween(400.0, 510.0);
        // 200 m up the same street is in; 300 m across the river (1,100 m by the bridge) is not.
        assertThat(nearest(vertices, city.corner(7, 6))).isLessThan(5.0);
        assertThat(nearest(vertices, city.corner(7, 4))).isGreaterThan(150.0);

        JsonPath straight = planning("catchments", "codes", code, "distance", "straight", "radius", "500");
        assertThat(straight.getString("features[0].geometry.type")).isEqualTo("Polygon");
        List<List<Number>> ring = straight.getList("features[0].geometry.coordinates[0]");
        assertThat(ring).hasSizeGreaterThan(32);
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
        for (List<Number> p : ring) {
            assertThat(Geodesy.distanceMeters(
                            northBank,
                            new LatLng(p.get(1).doubleValue(), p.get(0).doubleValue())))
                    .isCloseTo(500.0, within(1.0));
        }

        adminQuery("codes", "not-a-code")
                .get("/api/v1/planning/catchments")
                .then()
                .statusCode(400);
        adminQuery("codes", " , ")
                .get("/api/v1/planning/catchments")
                .then()
                .statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("codes"));
    }

    private static double nearest(List<LatLng> vertices, LatLng to) {
        return vertices.stream()
                .mapToDouble(v -> Geodesy.distanceMeters(to, v))
                .min()
                .orElseThrow();
    }
}
