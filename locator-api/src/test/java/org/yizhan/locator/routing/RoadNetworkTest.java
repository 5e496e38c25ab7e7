package org.yizhan.locator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.osm.GeneratedCity;
import org.yizhan.locator.support.TestRandom;

/** The real loading code on the generated city: GraphHopper's distances against an independent Dijkstra and by hand. */
@ExtendWith(TestRandom.class)
class RoadNetworkTest {

    @TempDir
    static Path dir;

    static GeneratedCity city;
    static RoadNetwork network;
    static NetworkDistances distances;

    @BeforeAll
    static void buildTheGraph() {
        city = TestCity.city();
        Path osm = TestCity.writeTo(dir);
        network = new RoadNetwork(
                new RoutingProperties(osm.toString(), dir.resolve("graph").toString(), 200));
        distances = new NetworkDistances(network);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    private static double walk(LatLng from, LatLng to) {
        NetworkDistances.Route route = distances.from(Travel.WALK, from, List.of(to), 20_000)[0];
        assertThat(route).as("route from %s to %s", from, to).isNotNull();
        return route.meters();
    }

    @Test
    void theGraphIsBuiltAndStoredOnDisk() {
        assertThat(network.loaded()).isTrue();
        assertThat(network.nodes()).isGreaterThan(100);
        assertThat(dir.resolve("graph").resolve("yizhan-source.txt")).exists();
    }

    @Test
    void acrossTheRiverTheWalkGoesByTheBridge() {
        LatLng here = city.corner(5, 4);
        LatLng acrossRiver = city.corner(5, 5);
        LatLng sameBank = city.corner(2, 4);
        assertThat(Geodesy.distanceMeters(here, acrossRiver)).isCloseTo(300, within(10.0));
        assertThat(Geodesy.distanceMeters(here, sameBank)).isCloseTo(600, within(10.0));
        // West along row 4 to the bridge at column 1 (800 m), over it (300 m), back east (800 m).
        assertThat(walk(here, acrossRiver)).isCloseTo(1_900, within(30.0));
        assertThat(walk(here, sameBank)).isCloseTo(600, within(15.0));
    }

    @Test
    void theExpresswayIsCrossedOnlyByTheUnderpass() {
        // Columns 5 and 6 on row 3 face each other across the expressway; row 2 passes under it.
        assertThat(walk(city.corner(5, 3), city.corner(6, 3))).isCloseTo(600, within(20.0));
        assertThat(walk(city.corner(5, 2), city.corner(6, 2))).isCloseTo(200, within(10.0));
    }

    @Test
    void theGatedCompoundIsWalkedAround() {
        // Column 3 from row 6 to row 8 runs through the compound (400 m); around it is 800 m.
        assertThat(walk(city.corner(3, 6), city.corner(3, 8))).isCloseTo(800, within(20.0));
    }

    /**
     * Inside the gated compound no public way leads anywhere: points there are ~200 m from the
     * road. Two such points 30 m apart are a 30 m walk, and a point is no distance from itself
     * (going out to the road and back was ~400 m).
     */
    @Test
    void pointsNearerEachOtherThanTheirRoadsAreAStraightWalkApart() {
        LatLng inside = city.corner(4, 7);
        assertThat(walk(inside, inside)).isZero();
        LatLng near = Geodesy.destination(inside, 90, 30);
        assertThat(walk(inside, near)).isCloseTo(30, within(0.5));
    }

    @Test
    void walkingDistancesEqualAnIndependentDijkstraOnTheSameStreets() {
        Random random = TestRandom.current();
        CityDijkstra oracle = new CityDijkstra(city);
        int n = city.layout().n();
        for (int k = 0; k < 60; k++) {
            int c1 = random.nextInt(n), r1 = random.nextInt(n), c2 = random.nextInt(n), r2 = random.nextInt(n);
            double expected = oracle.meters(city.cornerId(c1, r1), city.cornerId(c2, r2));
            // GraphHopper measures edges on a sphere, the oracle on the ellipsoid: 0.5% apart at most.
            assertThat(walk(city.corner(c1, r1), city.corner(c2, r2)))
                    .as("corner (%d,%d) to (%d,%d)", c1, r1, c2, r2)
                    .isCloseTo(expected, within(expected * 0.005 + 1));
        }
    }

    @Test
    void ridingIsNeverSlowerThanWalkingAndAlsoGoesByTheBridge() {
        LatLng here = city.corner(5, 4);
        LatLng acrossRiver = city.corner(5, 5);
        NetworkDistances.Route ride = distances.from(Travel.RIDE, here, List.of(acrossRiver), 20_000)[0];
        NetworkDistances.Route walk = distances.from(Travel.WALK, here, List.of(acrossRiver), 20_000)[0];
        assertThat(ride).isNotNull();
        assertThat(walk).isNotNull();
        assertThat(ride.meters()).isGreaterThan(1_800);
        assertThat(ride.seconds()).isLessThan(walk.seconds() / 2);
    }

    @Test
    void aSecondStartLoadsTheStoredGraphAndAChangedExtractIsImportedAgain() throws Exception {
        Path copy = dir.resolve("reload");
        Path osm = TestCity.writeTo(copy);
        RoutingProperties properties =
                new RoutingProperties(osm.toString(), copy.resolve("graph").toString(), 200);
        double first;
        try (RoadNetwork built = new RoadNetwork(properties)) {
            first = new NetworkDistances(built)
                    .from(Travel.WALK, city.corner(0, 0), List.of(city.corner(9, 9)), 20_000)[0].meters();
        }
        long graphFileTime = Files.getLastModifiedTime(copy.resolve("graph").resolve("yizhan-source.txt"))
                .toMillis();
        try (RoadNetwork reloaded = new RoadNetwork(properties)) {
            assertThat(new NetworkDistances(reloaded)
                            .from(Travel.WALK, city.corner(0, 0), List.of(city.corner(9, 9)), 20_000)[0].meters())
                    .isEqualTo(first);
        }
        // An extract with a different size is a different extract: the old graph must not be reused.
        Files.writeString(osm, Files.readString(osm).replace("</osm>", "  \n</osm>"));
        try (RoadNetwork rebuilt = new RoadNetwork(properties)) {
            assertThat(rebuilt.nodes()).isGreaterThan(100);
        }
        assertThat(Files.readString(copy.resolve("graph").resolve("yizhan-source.txt")))
                .contains(Long.toString(Files.size(osm)));
        assertThat(graphFileTime).isPositive();
    }
}
