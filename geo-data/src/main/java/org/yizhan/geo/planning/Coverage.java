package org.yizhan.geo.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How much demand lies within the radius of a station: the planner's first number. */
public final class Coverage {

    private Coverage() {}

    /** Coverage by the existing stations. */
    public static CoverageReport of(CoverageProblem problem) {
        return of(problem, new int[0]);
    }

    /** Coverage by the existing stations plus the candidates {@code added} (indices into the candidates). */
    public static CoverageReport of(CoverageProblem problem, int... added) {
        int n = problem.demand().size();
        boolean[] covered = new boolean[n];
        for (int i = 0; i < n; i++) {
            covered[i] = problem.isCoveredByExisting(i);
        }
        Csr cover = problem.candidateCover();
        for (int c : added) {
            for (int j = cover.start[c]; j < cover.start[c + 1]; j++) {
                covered[cover.items[j]] = true;
            }
        }
        double coveredWeight = 0;
        List<Integer> uncovered = new ArrayList<>();
        Map<String, double[]> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            DemandPoint d = problem.demand().get(i);
            if (covered[i]) {
                coveredWeight += d.weight();
            } else {
                uncovered.add(i);
            }
            if (d.group() != null) {
                // {total weight, covered weight, points, covered points}
                double[] g = groups.computeIfAbsent(d.group(), key -> new double[4]);
                g[0] += d.weight();
                g[2]++;
                if (covered[i]) {
                    g[1] += d.weight();
                    g[3]++;
                }
            }
        }
        Map<String, GroupCoverage> byGroup = new LinkedHashMap<>();
        groups.forEach((key, g) -> byGroup.put(key, new GroupCoverage(key, g[0], g[1], (int) g[2], (int) g[3])));
        return new CoverageReport(problem.totalWeight(), coveredWeight, byGroup, uncovered);
    }

    /** Weight covered by existing stations. */
    static double coveredByExisting(CoverageProblem problem) {
        double sum = 0;
        for (int i = 0; i < problem.demand().size(); i++) {
            if (problem.isCoveredByExisting(i)) {
                sum += problem.weight(i);
            }
        }
        return sum;
    }

    /** Covered share of a total; 1 when there is no demand at all, since nothing is left uncovered. */
    static double share(double covered, double total) {
        return total > 0 ? covered / total : 1.0;
    }
}
