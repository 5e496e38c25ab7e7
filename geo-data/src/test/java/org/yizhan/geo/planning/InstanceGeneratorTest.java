package org.yizhan.geo.planning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yizhan.geo.Geodesy;

class InstanceGeneratorTest {

    @Test
    void sameSeedGivesSameInstanceAndOtherSeedsDiffer() {
        InstanceGenerator.Spec spec = InstanceGenerator.Spec.wuhai(2_000, 200, 10, 42);

        assertThat(InstanceGenerator.generate(spec)).isEqualTo(InstanceGenerator.generate(spec));
        assertThat(InstanceGenerator.generate(InstanceGenerator.Spec.wuhai(2_000, 200, 10, 43)))
                .isNotEqualTo(InstanceGenerator.generate(spec));
    }

    @Test
    void generatesTheRequestedCountsInsideTheSquare() {
        InstanceGenerator.Instance instance =
                InstanceGenerator.generate(InstanceGenerator.Spec.wuhai(3_000, 300, 20, 1));

        assertThat(instance.demand()).hasSize(3_000);
        assertThat(instance.candidates()).hasSize(300);
        assertThat(instance.existing()).hasSize(20);
        // Half the diagonal of 20 km, plus slack for the local approximation.
        assertThat(instance.demand())
                .allSatisfy(d -> assertThat(Geodesy.distanceMeters(InstanceGenerator.WUHAI, d.at()))
                        .isLessThan(14_200));
        assertThat(instance.demand()).extracting(DemandPoint::group).containsOnly("NE", "NW", "SE", "SW");
    }

    @Test
    void demandIsClustered() {
        InstanceGenerator.Instance instance = InstanceGenerator.generate(InstanceGenerator.Spec.wuhai(5_000, 0, 0, 3));
        CoverageProblem problem = CoverageProblem.of(
                instance.demand().stream()
                        .map(d -> new Site("", d.at()))
                        .limit(200)
                        .toList(),
                java.util.List.of(),
                instance.demand());

        // Uniform demand would put ~π·1²/400 ≈ 0.8% of points within 1 km of a random point;
        // around demand points in hotspots it is far more.
        double meanShare = 0;
        for (int s = 0; s < 200; s++) {
            meanShare += problem.demandCoveredByExisting(s).length / 5_000.0 / 200;
        }
        assertThat(meanShare).isGreaterThan(0.02);
    }
}
