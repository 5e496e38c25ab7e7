package org.yizhan.geo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;

class RedundancyTest {

    @Test
    void uniqueCoverageEqualsDirectGeodesicComputation() {
        CoverageProblem problem = PlanningFixtures.smallInstance(31).problem();
        boolean[][] m = BruteForce.matrix(problem);

        List<StationRedundancy> ranked = Redundancy.rank(problem);

        assertThat(ranked).hasSize(problem.existing().size());
        for (StationRedundancy r : ranked) {
            double covered = 0;
            double unique = 0;
            for (int i = 0; i < problem.demand().size(); i++) {
                if (!m[r.stationIndex()][i]) {
                    continue;
                }
                double w = problem.demand().get(i).weight();
                covered += w;
                int others = 0;
                for (int e = 0; e < problem.existing().size(); e++) {
                    others += e != r.stationIndex() && m[e][i] ? 1 : 0;
                }
                unique += others == 0 ? w : 0;
            }
            assertThat(r.coveredWeight()).isCloseTo(covered, within(1e-9));
            assertThat(r.uniqueWeight()).isCloseTo(unique, within(1e-9));
        }
        assertThat(ranked).isSortedAccordingTo((a, b) -> Double.compare(a.uniqueWeight(), b.uniqueWeight()));
    }

    @Test
    void aStationNextToAnotherComesFirst() {
        LatLng a = LatLng.of(39.65, 106.82);
        LatLng twin = LatLng.of(39.6501, 106.82);
        LatLng far = LatLng.of(39.70, 106.82);
        List<DemandPoint> demand =
                List.of(new DemandPoint(a, 5), new DemandPoint(LatLng.of(39.655, 106.82), 2), new DemandPoint(far, 1));
        CoverageProblem problem = CoverageProblem.of(
                List.of(new Site("a", a), new Site("twin", twin), new Site("far", far)), List.of(), demand);

        List<StationRedundancy> ranked = Redundancy.rank(problem);

        assertThat(ranked).extracting(r -> r.station().id()).containsExactly("a", "twin", "far");
        assertThat(ranked.get(0).uniqueWeight()).isZero();
        assertThat(ranked.get(0).coveredWeight()).isEqualTo(7);
        assertThat(ranked.get(2).uniqueWeight()).isEqualTo(1);
    }
}
