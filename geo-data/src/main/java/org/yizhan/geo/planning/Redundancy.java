package org.yizhan.geo.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which existing stations add least: candidates for relocation. */
public final class Redundancy {

    private Redundancy() {}

    /**
     * Every existing station with its unique coverage, least unique weight first (then least
     * covered weight, then station order), so relocation candidates head the list.
     */
    public static List<StationRedundancy> rank(CoverageProblem problem) {
        Csr cover = problem.existingCover();
        List<StationRedundancy> result = new ArrayList<>();
        for (int e = 0; e < cover.rows(); e++) {
            double covered = 0;
            double unique = 0;
            int uniquePoints = 0;
            for (int j = cover.start[e]; j < cover.start[e + 1]; j++) {
                int i = cover.items[j];
                covered += problem.weight(i);
                if (problem.existingCoverCount(i) == 1) {
                    unique += problem.weight(i);
                    uniquePoints++;
                }
            }
            result.add(
                    new StationRedundancy(e, problem.existing().get(e), covered, unique, cover.size(e), uniquePoints));
        }
        result.sort(Comparator.comparingDouble(StationRedundancy::uniqueWeight)
                .thenComparingDouble(StationRedundancy::coveredWeight)
                .thenComparingInt(StationRedundancy::stationIndex));
        return List.copyOf(result);
    }
}
