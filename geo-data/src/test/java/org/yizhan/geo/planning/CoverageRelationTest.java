package org.yizhan.geo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.geo.Geodesy;

/** A problem built from a coverage relation behaves exactly like one built from a radius when the relation is "within the radius". */
class CoverageRelationTest {

    private static CoverageRelation withinGeodesic(List<DemandPoint> demand, double radius) {
        return site -> IntStream.range(0, demand.size())
                .filter(i -> Geodesy.distanceMeters(site.at(), demand.get(i).at()) <= radius)
                .boxed()
                .sorted(java.util.Comparator.reverseOrder()) // any order will do
                .mapToInt(Integer::intValue)
                .toArray();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aGeodesicRelationGivesTheSameCoverListsAndPlansAsTheRadius(long seed) {
        InstanceGenerator.Instance instance = PlanningFixtures.smallInstance(seed);
        CoverageProblem byRadius =
                CoverageProblem.of(instance.existing(), instance.candidates(), instance.demand(), 1_000);
        CoverageProblem byRelation = CoverageProblem.of(
                instance.existing(),
                instance.candidates(),
                instance.demand(),
                withinGeodesic(instance.demand(), 1_000));
        for (int c = 0; c < instance.candidates().size(); c++) {
            assertThat(byRelation.demandCoveredByCandidate(c))
                    .as("seed %d candidate %d", seed, c)
                    .containsExactly(byRadius.demandCoveredByCandidate(c));
        }
        for (int e = 0; e < instance.existing().size(); e++) {
            assertThat(byRelation.demandCoveredByExisting(e)).containsExactly(byRadius.demandCoveredByExisting(e));
        }
        // The straight-line reach bound is measured from the relation: never below a covered pair, and not loose.
        double farthest = 0;
        for (int c = 0; c < instance.candidates().size(); c++) {
            for (int i : byRelation.demandCoveredByCandidate(c)) {
                farthest = Math.max(
                        farthest,
                        Geodesy.distanceMeters(
                                instance.candidates().get(c).at(),
                                instance.demand().get(i).at()));
            }
        }
        assertThat(byRelation.radiusMeters()).isBetween(farthest, 1_000 * 1.02 + 1);
        assertThat(MaximalCovering.solve(byRelation, 5).weightAfter())
                .isEqualTo(MaximalCovering.solve(byRadius, 5).weightAfter());
        assertThat(Coverage.of(byRelation).coveredWeight())
                .isEqualTo(Coverage.of(byRadius).coveredWeight());
    }

    @Test
    void demandNoSiteReachesStaysInTheProblemUncovered() {
        InstanceGenerator.Instance instance = PlanningFixtures.tinyInstance(4);
        Map<Site, int[]> rows = new HashMap<>();
        CoverageProblem problem = CoverageProblem.of(
                instance.existing(),
                instance.candidates(),
                instance.demand(),
                site -> rows.getOrDefault(site, new int[0]));
        assertThat(problem.demand()).hasSize(instance.demand().size());
        assertThat(Coverage.of(problem).uncoveredDemand())
                .hasSize(instance.demand().size());
        assertThat(SetCover.solve(problem).uncoverableDemand())
                .hasSize(instance.demand().size());
    }

    @Test
    void anIndexOutsideTheDemandIsRejected() {
        InstanceGenerator.Instance instance = PlanningFixtures.tinyInstance(5);
        assertThatThrownBy(
                        () -> CoverageProblem.of(instance.existing(), instance.candidates(), instance.demand(), site ->
                                new int[] {instance.demand().size()}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("demand index");
    }
}
