package org.yizhan.locator.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;

/** Nearest by the way there, on the generated city, checked by hand and against an independent Dijkstra. */
class NearestByRoadIT extends RoadApiIT {

    private JsonPath nearest(LatLng at, @org.jspecify.annotations.Nullable String by, int limit) {
        var request =
                given().queryParam("lat", at.lat()).queryParam("lng", at.lng()).queryParam("limit", limit);
        if (by != null) request = request.queryParam("by", by);
        return request.get("/api/v1/stations/nearest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aStationAcrossTheRiverIsFartherOnFootThanOneTwiceAsFarOnTheSameBank() {
        LatLng here = city.corner(5, 4);
        String acrossRiver = station(city.corner(5, 5), "河对岸驿站");
        String sameBank = station(city.corner(2, 4), "同岸驿站");
        awaitIndexed();

        JsonPath straight = nearest(here, null, 2);
        assertThat(straight.getList("stations.code")).containsExactly(acrossRiver, sameBank);

        JsonPath walk = nearest(here, "walk", 2);
        assertThat(walk.getList("stations.code")).containsExactly(sameBank, acrossRiver);
        CityDijkstra oracle = new CityDijkstra(city);
        double toSameBank = oracle.meters(city.cornerId(5, 4), city.cornerId(2, 4));
        double toAcross = oracle.meters(city.cornerId(5, 4), city.cornerId(5, 5));
        assertThat(toAcross).isGreaterThan(3 * toSameBank);
        assertThat(walk.getDouble("stations[0].routeMeters")).isCloseTo(toSameBank, within(toSameBank * 0.005 + 1));
        assertThat(walk.getDouble("stations[1].routeMeters")).isCloseTo(toAcross, within(toAcross * 0.005 + 1));
        // The straight-line distance is still there, and is shorter than the way there.
        assertThat(walk.getDouble("stations[1].distanceMeters")).isCloseTo(300, within(10.0));
        // Walking pace: GraphHopper's foot speed on town streets is 5 km/h.
        double pace = walk.getDouble("stations[1].routeMeters") / walk.getDouble("stations[1].routeSeconds") * 3.6;
        assertThat(pace).isCloseTo(5, within(0.2));
    }

    @Test
    void ridingAlsoGoesAroundTheCompoundAndIsFaster() {
        LatLng here = city.corner(3, 6);
        String beyondCompound = station(city.corner(3, 8), "大院北驿站");
        awaitIndexed();
        JsonPath walk = nearest(here, "walk", 1);
        JsonPath ride = nearest(here, "ride", 1);
        assertThat(walk.getList("stations.code")).containsExactly(beyondCompound);
        assertThat(ride.getList("stations.code")).containsExactly(beyondCompound);
        double expected = new CityDijkstra(city).meters(city.cornerId(3, 6), city.cornerId(3, 8));
        assertThat(expected).isCloseTo(800, within(15.0));
        assertThat(walk.getDouble("stations[0].routeMeters")).isCloseTo(expected, within(expected * 0.005 + 1));
        assertThat(ride.getDouble("stations[0].routeMeters")).isCloseTo(expected, within(expected * 0.005 + 1));
        assertThat(ride.getDouble("stations[0].routeSeconds"))
                .isLessThan(walk.getDouble("stations[0].routeSeconds") / 2);
    }

    @Test
    void theRadiusLimitsTheRouteLength() {
        LatLng here = city.corner(5, 4);
        String acrossRiver = station(city.corner(5, 5), "河对岸驿站");
        awaitIndexed();
        assertThat(given().queryParam("lat", here.lat())
                        .queryParam("lng", here.lng())
                        .queryParam("radius", 1_000)
                        .get("/api/v1/stations/nearest")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("stations.code"))
                .contains(acrossRiver);
        assertThat(given().queryParam("lat", here.lat())
                        .queryParam("lng", here.lng())
                        .queryParam("radius", 1_000)
                        .queryParam("by", "walk")
                        .get("/api/v1/stations/nearest")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("stations.code", String.class))
                .doesNotContain(acrossRiver);
    }

    @Test
    void aPositionFarFromAnyRoadIsAProblemNotAnError() {
        LatLng field = city.at(-3_000, -3_000);
        given().queryParam("lat", field.lat())
                .queryParam("lng", field.lng())
                .queryParam("by", "walk")
                .get("/api/v1/stations/nearest")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Not near a road"));
    }

    @Test
    void anUnknownModeIsABadRequest() {
        LatLng here = city.corner(1, 1);
        given().queryParam("lat", here.lat())
                .queryParam("lng", here.lng())
                .queryParam("by", "swim")
                .get("/api/v1/stations/nearest")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("by"));
    }
}
