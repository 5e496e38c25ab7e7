package org.yizhan.geo.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.planning.NearestLabels.LabelledSite;

/** Nearest labels against a brute force over every site, measured the same way on the ellipsoid. */
class NearestLabelsTest {

    private final long seed = Long.getLong("yizhan.test.seed", 20261127L);

    @Test
    void everyAnswerIsTheBruteForceNearest() {
        Random random = new Random(seed);
        for (double lat0 : new double[] {22.5, 39.6, 48.0}) {
            List<LabelledSite> sites = scatter(random, lat0, 300, 0.5);
            NearestLabels labels = new NearestLabels(sites, null);
            for (int i = 0; i < 2_000; i++) {
                LatLng p = new LatLng(lat0 - 0.7 + random.nextDouble() * 1.4, 100 - 0.7 + random.nextDouble() * 1.4);
                assertThat(distanceToLabel(sites, p, labels.nearest(p)))
                        .as("seed %d, %s", seed, p)
                        .isEqualTo(bruteForce(sites, p));
            }
        }
    }

    @Test
    void aWindowedIndexAnswersOnlyWhatTheWindowDecides() {
        Random random = new Random(seed + 1);
        List<LabelledSite> all = scatter(random, 39.6, 400, 1.0);
        Envelope window = new Envelope(99.7, 100.3, 39.3, 39.9);
        List<LabelledSite> inside = all.stream()
                .filter(s -> window.contains(s.at().lng(), s.at().lat()))
                .toList();
        NearestLabels labels = new NearestLabels(inside, window);
        int answered = 0, undecided = 0;
        for (int i = 0; i < 3_000; i++) {
            LatLng p = new LatLng(39.2 + random.nextDouble() * 0.8, 99.6 + random.nextDouble() * 0.8);
            String label = labels.nearest(p);
            if (label == null) {
                undecided++;
                continue;
            }
            answered++;
            assertThat(distanceToLabel(all, p, label))
                    .as("seed %d, %s", seed, p)
                    .isEqualTo(bruteForce(all, p));
        }
        assertThat(answered).as("most points inside the window are decided").isGreaterThan(1_000);
        assertThat(undecided)
                .as("points near or beyond the window's edge are left to a wider window")
                .isPositive();
    }

    @Test
    void noSitesGivesNoLabel() {
        assertThat(new NearestLabels(List.of(), null).nearest(new LatLng(39, 106)))
                .isNull();
    }

    private static List<LabelledSite> scatter(Random random, double lat0, int n, double spread) {
        List<LabelledSite> sites = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sites.add(new LabelledSite(
                    new LatLng(
                            lat0 - spread + random.nextDouble() * 2 * spread,
                            100 - spread + random.nextDouble() * 2 * spread),
                    "s" + i));
        }
        return sites;
    }

    private static double bruteForce(List<LabelledSite> sites, LatLng p) {
        return sites.stream()
                .mapToDouble(s -> Geodesy.distanceMeters(p, s.at()))
                .min()
                .orElseThrow();
    }

    /** The distance to the site carrying the label (labels are unique here). */
    private static double distanceToLabel(List<LabelledSite> sites, LatLng p, String label) {
        return sites.stream()
                .filter(s -> s.label().equals(label))
                .mapToDouble(s -> Geodesy.distanceMeters(p, s.at()))
                .findFirst()
                .orElseThrow();
    }
}
