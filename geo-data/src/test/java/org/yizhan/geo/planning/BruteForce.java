package org.yizhan.geo.planning;

import org.yizhan.geo.Geodesy;

/**
 * Reference answers by exhaustive search and direct geodesic distances, sharing no code with the
 * index or the algorithms under test. Only for tiny instances.
 */
final class BruteForce {

    private BruteForce() {}

    static boolean covers(Site site, DemandPoint d, double radius) {
        return Geodesy.distanceMeters(site.at(), d.at()) <= radius;
    }

    /** covers[s][i] for existing stations (rows 0..e-1) followed by candidates. */
    static boolean[][] matrix(CoverageProblem p) {
        int e = p.existing().size();
        boolean[][] m = new boolean[e + p.candidates().size()][p.demand().size()];
        for (int s = 0; s < m.length; s++) {
            Site site = s < e ? p.existing().get(s) : p.candidates().get(s - e);
            for (int i = 0; i < p.demand().size(); i++) {
                m[s][i] = covers(site, p.demand().get(i), p.radiusMeters());
            }
        }
        return m;
    }

    /** Weight covered by existing stations plus candidates in {@code subset} (bit mask). */
    static double coveredWeight(CoverageProblem p, boolean[][] m, long subset) {
        int e = p.existing().size();
        double sum = 0;
        for (int i = 0; i < p.demand().size(); i++) {
            boolean covered = false;
            for (int s = 0; s < m.length && !covered; s++) {
                boolean active = s < e || (subset >>> (s - e) & 1) == 1;
                covered = active && m[s][i];
            }
            if (covered) {
                sum += p.demand().get(i).weight();
            }
        }
        return sum;
    }

    /** Most weight covered with at most k candidates, over every subset of exactly min(k, m) of them. */
    static double maxCoveredWeight(CoverageProblem p, int k) {
        boolean[][] m = matrix(p);
        int n = p.candidates().size();
        int size = Math.min(k, n);
        double best = coveredWeight(p, m, 0);
        for (long subset = 0; subset < 1L << n; subset++) {
            if (Long.bitCount(subset) == size) {
                best = Math.max(best, coveredWeight(p, m, subset));
            }
        }
        return best;
    }

    /** Fewest candidates covering every open demand point that some candidate covers. */
    static int minSetCoverSize(CoverageProblem p) {
        boolean[][] m = matrix(p);
        int n = p.candidates().size();
        double target = coveredWeightCountingPoints(p, m, (1L << n) - 1);
        for (int size = 0; size <= n; size++) {
            for (long subset = 0; subset < 1L << n; subset++) {
                if (Long.bitCount(subset) == size && coveredWeightCountingPoints(p, m, subset) == target) {
                    return size;
                }
            }
        }
        throw new AssertionError("unreachable");
    }

    private static double coveredWeightCountingPoints(CoverageProblem p, boolean[][] m, long subset) {
        int e = p.existing().size();
        int points = 0;
        for (int i = 0; i < p.demand().size(); i++) {
            for (int s = 0; s < m.length; s++) {
                if ((s < e || (subset >>> (s - e) & 1) == 1) && m[s][i]) {
                    points++;
                    break;
                }
            }
        }
        return points;
    }
}
