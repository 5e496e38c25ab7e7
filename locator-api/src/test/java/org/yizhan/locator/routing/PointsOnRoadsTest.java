package org.yizhan.locator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.osm.GeneratedCity;
import org.yizhan.locator.support.TestRandom;

/**
 * The planning search over {@link CompactRoads} against GraphHopper's own: one query graph with
 * every point as a virtual node and its shortest-path tree ({@link QueryGraphReference}, what the
 * service used before). Same points, same limits, both directions, both modes: the same points
 * are reached with the same metres and seconds, except points within a hair of the limit and,
 * under a limit in metres, points we reach by a slower way within it (see {@link PointsOnRoads#reach}).
 */
@ExtendWith(TestRandom.class)
class PointsOnRoadsTest {

    /**
     * GraphHopper rounds each edge's time to milliseconds and its length to millimetres, and
     * measures the parts of an edge split at a point on a plane projection, where we take a
     * fraction of the edge's stored geodesic length: up to about a decimetre in a few hundred metres.
     */
    private static double tolerance(double value) {
        return 0.15 + value * 5e-4;
    }

    @TempDir
    static Path dir;

    static GeneratedCity city;
    static RoadNetwork network;

    @BeforeAll
    static void buildTheGraph() {
        city = TestCity.city();
        Path osm = TestCity.writeTo(dir);
        network = new RoadNetwork(
                new RoutingProperties(osm.toString(), dir.resolve("graph").toString(), 200));
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void reachesWhatGraphHoppersTreeReachesOnFootAndByBike() {
        Random random = TestRandom.current();
        List<LatLng> points = randomPoints(random, 600);
        int compared = 0;
        int slower = 0;
        int straight = 0;
        for (Travel travel : Travel.values()) {
            PointsOnRoads fast = new PointsOnRoads(network, travel, points);
            QueryGraphReference reference = new QueryGraphReference(network, travel, points);
            for (int i = 0; i < points.size(); i++) {
                assertThat(fast.onNetwork(i)).as("point %d on the network", i).isEqualTo(reference.onNetwork(i));
            }
            for (int round = 0; round < 40; round++) {
                int from = random.nextInt(points.size());
                boolean inbound = random.nextBoolean();
                Limit limit = random.nextBoolean()
                        ? Limit.minutes(2 + random.nextInt(14))
                        : Limit.meters(300 + random.nextInt(2_000));
                Map<Integer, double[]> got = new HashMap<>();
                fast.reach(from, limit, inbound, (p, meters, seconds) -> {
                    assertThat(got.put(p, new double[] {meters, seconds}))
                            .as("point %d visited once", p)
                            .isNull();
                });
                Map<Integer, double[]> expected = new HashMap<>();
                reference.reach(
                        from,
                        limit,
                        inbound,
                        (p, meters, seconds) ->
                                expected.merge(p, new double[] {meters, seconds}, (a, b) -> a[1] <= b[1] ? a : b));
                String question =
                        travel + " " + (inbound ? "to" : "from") + " point " + from + " within " + limit.describe();
                for (var entry : expected.entrySet()) {
                    double[] want = entry.getValue();
                    double[] have = got.get(entry.getKey());
                    if (have != null && straightAcross(points, fast, reference, from, entry.getKey())) {
                        // Nearer each other than their roads: a straight walk, never longer than by road.
                        assertThat(have[0])
                                .as("%s: straight to %d", question, entry.getKey())
                                .isLessThanOrEqualTo(want[0] + tolerance(want[0]));
                        straight++;
                        continue;
                    }
                    if (have == null) {
                        assertThat(nearLimit(limit, want))
                                .as("%s: point %d missing", question, entry.getKey())
                                .isTrue();
                        continue;
                    }
                    assertThat(have[0])
                            .as("%s: metres to %d", question, entry.getKey())
                            .isCloseTo(want[0], within(tolerance(want[0])));
                    assertThat(have[1])
                            .as("%s: seconds to %d", question, entry.getKey())
                            .isCloseTo(want[1], within(tolerance(want[1])));
                    compared++;
                }
                Map<Integer, double[]> quickest = null;
                for (var entry : got.entrySet()) {
                    if (expected.containsKey(entry.getKey()) || nearLimit(limit, entry.getValue())) continue;
                    if (straightAcross(points, fast, reference, from, entry.getKey())) continue;
                    // Under a limit in metres our tree also counts a point that a slower way reaches
                    // within the limit when the quickest way is longer; GraphHopper's tree follows only
                    // the quickest way. Then the quickest way must be over the limit, and ours no quicker.
                    if (quickest == null) quickest = reachUnlimited(reference, from, inbound);
                    double[] ours = entry.getValue();
                    double[] best = quickest.get(entry.getKey());
                    String why = question + ": point " + entry.getKey() + " reached but not by GraphHopper";
                    assertThat(limit.seconds()).as(why).isNull();
                    assertThat(best).as(why + ", nor without a limit").isNotNull();
                    assertThat(best[0]).as(why + ": its quickest metres").isGreaterThan(limit.lengthMeters());
                    assertThat(ours[1]).as(why + ": our seconds").isGreaterThanOrEqualTo(best[1] - tolerance(best[1]));
                    slower++;
                }
            }
        }
        // The comparison must have compared something: thousands of reached points, not two.
        assertThat(compared).isGreaterThan(2_000);
        System.out.printf(
                "%d points compared, %d reached by a slower way within a limit in metres%n", compared, slower);
    }

    /** Two points nearer each other (geodesic) than the sum of their ways to the road, give or take a metre. */
    private static boolean straightAcross(
            List<LatLng> points, PointsOnRoads fast, QueryGraphReference reference, int a, int b) {
        return org.yizhan.geo.Geodesy.distanceMeters(points.get(a), points.get(b))
                <= reference.legMeters(a) + reference.legMeters(b) + 1;
    }

    private static Map<Integer, double[]> reachUnlimited(QueryGraphReference reference, int from, boolean inbound) {
        Map<Integer, double[]> out = new HashMap<>();
        reference.reach(
                from,
                Limit.meters(1_000_000),
                inbound,
                (p, meters, seconds) -> out.merge(p, new double[] {meters, seconds}, (a, b) -> a[1] <= b[1] ? a : b));
        return out;
    }

    /**
     * The targeted search ({@link PointsOnRoads#way}, one per station along a route) stops early but
     * must find exactly what the whole tree finds: the same points reached, the same metres and
     * seconds, under limits in metres and in minutes, on foot and by bike.
     */
    @Test
    void aTargetedWayIsWhatTheWholeTreeFindsForThatPoint() {
        Random random = TestRandom.current();
        List<LatLng> points = randomPoints(random, 300);
        int reached = 0;
        for (Travel travel : Travel.values()) {
            PointsOnRoads snapped = new PointsOnRoads(network, travel, points);
            for (int round = 0; round < 60; round++) {
                int from = random.nextInt(points.size());
                Limit limit = random.nextBoolean()
                        ? Limit.minutes(2 + random.nextInt(20))
                        : Limit.meters(200 + random.nextInt(3_000));
                Map<Integer, double[]> tree = new HashMap<>();
                snapped.reach(from, limit, false, (p, meters, seconds) -> tree.put(p, new double[] {meters, seconds}));
                for (int to = 0; to < points.size(); to++) {
                    NetworkDistances.Route way = snapped.way(from, to, limit);
                    double[] want = tree.get(to);
                    String question = travel + " from " + from + " to " + to + " within " + limit.describe();
                    if (want == null) {
                        assertThat(way).as(question).isNull();
                        continue;
                    }
                    assertThat(way).as(question).isNotNull();
                    assertThat(way.meters()).as(question).isCloseTo(want[0], within(1e-6));
                    assertThat(way.seconds()).as(question).isCloseTo(want[1], within(1e-6));
                    reached++;
                }
            }
        }
        assertThat(reached).isGreaterThan(2_000);
        System.out.printf("%d targeted ways equal to the whole tree's%n", reached);
    }

    @Test
    void aPointFarFromAnyRoadIsOffTheNetworkAndNeverReached() {
        LatLng centre = city.corner(5, 2);
        LatLng faraway = new LatLng(centre.lat() + 0.2, centre.lng());
        PointsOnRoads points = new PointsOnRoads(network, Travel.WALK, List.of(centre, faraway));
        assertThat(points.onNetwork(0)).isTrue();
        assertThat(points.onNetwork(1)).isFalse();
        List<Integer> reached = new ArrayList<>();
        points.reach(0, Limit.meters(100_000), false, (p, m, s) -> reached.add(p));
        assertThat(reached).containsExactly(0);
        points.reach(1, Limit.meters(100_000), true, (p, m, s) -> reached.add(p));
        assertThat(reached).containsExactly(0);
    }

    private static boolean nearLimit(Limit limit, double[] metersSeconds) {
        return limit.seconds() != null
                ? Math.abs(metersSeconds[1] - limit.timeSeconds()) <= tolerance(metersSeconds[1])
                : Math.abs(metersSeconds[0] - limit.lengthMeters()) <= tolerance(metersSeconds[0]);
    }

    /** Anywhere in the city's box, so points fall on streets, footpaths, in compounds and in the river. */
    private static List<LatLng> randomPoints(Random random, int count) {
        GeneratedCity.Layout layout = city.layout();
        double width = layout.x(layout.n() - 1);
        double height = layout.y(layout.n() - 1);
        List<LatLng> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(city.at(random.nextDouble() * width, random.nextDouble() * height));
        }
        return out;
    }
}
