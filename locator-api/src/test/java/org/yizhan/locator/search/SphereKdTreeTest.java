package org.yizhan.locator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.TestRandom;

/**
 * A tree large enough to be built on several threads (its halves numbered ahead) hands out
 * points in exactly the order a brute force ranks them, and its boxes hold exactly the points a
 * scan finds; its node count is the one the shape predicts.
 */
class SphereKdTreeTest {

    private final Random random = TestRandom.current();

    @Test
    void aTreeBuiltInParallelWalksPointsInBruteForceOrder() {
        int n = 150_000 + random.nextInt(1_000);
        double[] lat = new double[n], lng = new double[n], x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            // Clustered like stations: most in one region, some anywhere on the sphere.
            lat[i] = random.nextInt(4) == 0
                    ? Math.toDegrees(Math.asin(2 * random.nextDouble() - 1))
                    : 20 + 25 * random.nextDouble();
            lng[i] = random.nextInt(4) == 0 ? 360 * random.nextDouble() - 180 : 90 + 35 * random.nextDouble();
            double[] v = UnitVectors.of(lat[i], lng[i]);
            x[i] = v[0];
            y[i] = v[1];
            z[i] = v[2];
        }
        double[] px = x.clone(), py = y.clone(), pz = z.clone();
        SphereKdTree tree = SphereKdTree.inPlace(x, y, z);
        int[] order = tree.order();
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertThat(sorted)
                .as("positions hold every point once")
                .isEqualTo(java.util.stream.IntStream.range(0, n).toArray());
        double[] tLat = new double[n], tLng = new double[n];
        for (int i = 0; i < n; i++) {
            tLat[i] = lat[order[i]];
            tLng[i] = lng[order[i]];
        }
        tree.renumbered();
        tree.boundLatLng(tLat, tLng);

        for (int q = 0; q < 20; q++) {
            double[] at = UnitVectors.of(90 * random.nextDouble() - 45, 360 * random.nextDouble() - 180);
            int k = 50;
            List<Integer> walked = new ArrayList<>();
            tree.nearest(at[0], at[1], at[2], slot -> true, (slot, chord) -> {
                walked.add(order[slot]);
                return walked.size() < k;
            });
            List<Integer> brute = new ArrayList<>();
            for (int i = 0; i < n; i++) brute.add(i);
            brute.sort(Comparator.comparingDouble(i -> squared(px[i] - at[0], py[i] - at[1], pz[i] - at[2])));
            assertThat(walked).isEqualTo(brute.subList(0, k));
        }

        for (int q = 0; q < 20; q++) {
            double south = 60 * random.nextDouble() - 10, west = 180 * random.nextDouble() - 90;
            double north = south + 5 * random.nextDouble(), east = west + 8 * random.nextDouble();
            List<Integer> found = new ArrayList<>();
            tree.within(tLat, tLng, south, west, north, east, position -> found.add(order[position]));
            List<Integer> scanned = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (lat[i] >= south && lat[i] <= north && lng[i] >= west && lng[i] <= east) scanned.add(i);
            }
            found.sort(null);
            assertThat(found).isEqualTo(scanned);
            assertThat(tree.estimateWithin(south, west, north, east, 64)).isGreaterThanOrEqualTo(scanned.size());
        }
    }

    @Test
    void theNodeCountFollowsFromThePointCount() {
        assertThat(SphereKdTree.nodes(1)).isEqualTo(1);
        assertThat(SphereKdTree.nodes(16)).isEqualTo(1);
        assertThat(SphereKdTree.nodes(17)).isEqualTo(3);
        assertThat(SphereKdTree.nodes(33)).isEqualTo(5); // 16 + 17: a leaf, and a node over 8 + 9
        assertThat(SphereKdTree.nodes(64)).isEqualTo(7);
    }

    private static double squared(double dx, double dy, double dz) {
        return dx * dx + dy * dy + dz * dz;
    }
}
