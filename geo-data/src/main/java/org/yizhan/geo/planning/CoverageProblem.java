package org.yizhan.geo.planning;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.LatLng;

/**
 * Existing stations, candidate sites and demand, with who covers what precomputed: demand point
 * {@code i} is covered by a site when their geodesic distance is at most the radius. Immutable
 * and safe to share; the algorithms in this package all start from one.
 *
 * <p>"Open" demand is demand that no existing station covers: the only demand a new site can
 * add to coverage.
 */
public final class CoverageProblem {

    /** The national target: a station within 1 km (about a 15-minute walk). */
    public static final double DEFAULT_RADIUS_METERS = 1_000;
    /** Beyond this a "walking radius" is surely a unit mistake, and the index's error bound would not hold. */
    public static final double MAX_RADIUS_METERS = 100_000;

    private final List<Site> existing;
    private final List<Site> candidates;
    private final List<DemandPoint> demand;
    private final double radiusMeters;
    private final double[] weight;
    private final double totalWeight;
    private final Csr candidateCover;
    private final Csr existingCover;
    private final int[] existingCount;
    private final Csr openCover;
    private final Csr openCoverers;
    private final Duration buildTime;

    private CoverageProblem(List<Site> existing, List<Site> candidates, List<DemandPoint> demand, double radiusMeters) {
        this(existing, candidates, demand, radiusMeters, null);
    }

    /** With {@code relation} null, cover is "within {@code radiusMeters}"; otherwise the relation decides. */
    private CoverageProblem(
            List<Site> existing,
            List<Site> candidates,
            List<DemandPoint> demand,
            double radiusMeters,
            @Nullable CoverageRelation relation) {
        long t0 = System.nanoTime();
        this.existing = List.copyOf(existing);
        this.candidates = List.copyOf(candidates);
        this.demand = List.copyOf(demand);
        int n = this.demand.size();
        weight = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            weight[i] = this.demand.get(i).weight();
            total += weight[i];
        }
        totalWeight = total;
        if (relation == null) {
            DiskIndex index =
                    new DiskIndex(this.demand.stream().map(DemandPoint::at).toList(), radiusMeters);
            candidateCover = coverOf(index, this.candidates);
            existingCover = coverOf(index, this.existing);
            this.radiusMeters = radiusMeters;
        } else {
            candidateCover = coverOf(relation, this.candidates, n);
            existingCover = coverOf(relation, this.existing, n);
            this.radiusMeters = Math.max(
                    straightReach(candidateCover, this.candidates), straightReach(existingCover, this.existing));
        }
        existingCount = new int[n];
        for (int i : existingCover.items) {
            existingCount[i]++;
        }
        openCover = candidateCover.filter(i -> existingCount[i] == 0);
        openCoverers = openCover.transpose(n);
        buildTime = Duration.ofNanos(System.nanoTime() - t0);
    }

    /** A problem with the default 1 km radius. */
    public static CoverageProblem of(List<Site> existing, List<Site> candidates, List<DemandPoint> demand) {
        return of(existing, candidates, demand, DEFAULT_RADIUS_METERS);
    }

    /** A problem with radius {@code radiusMeters} (0 &lt; radius ≤ {@value #MAX_RADIUS_METERS}). */
    public static CoverageProblem of(
            List<Site> existing, List<Site> candidates, List<DemandPoint> demand, double radiusMeters) {
        if (!(radiusMeters > 0 && radiusMeters <= MAX_RADIUS_METERS)) {
            throw new IllegalArgumentException(
                    "radius must be above 0 and at most " + (int) MAX_RADIUS_METERS + " m, got " + radiusMeters);
        }
        return new CoverageProblem(existing, candidates, demand, radiusMeters);
    }

    /**
     * A problem whose cover comes from {@code relation}, e.g. walking time on a road network,
     * so the same algorithms plan on any notion of reach. Demand no relation row mentions stays
     * in the problem, uncovered.
     */
    public static CoverageProblem of(
            List<Site> existing, List<Site> candidates, List<DemandPoint> demand, CoverageRelation relation) {
        return new CoverageProblem(existing, candidates, demand, Double.NaN, relation);
    }

    private static Csr coverOf(CoverageRelation relation, List<Site> sites, int demandCount) {
        int[] start = new int[sites.size() + 1];
        IntList items = new IntList(sites.size() * 64);
        for (int s = 0; s < sites.size(); s++) {
            int[] row = relation.demandCoveredBy(sites.get(s)).clone();
            java.util.Arrays.sort(row);
            int last = -1;
            for (int i : row) {
                if (i < 0 || i >= demandCount) {
                    throw new IllegalArgumentException(
                            "coverage relation gave demand index " + i + " of " + demandCount);
                }
                if (i != last) {
                    items.add(i);
                }
                last = i;
            }
            start[s + 1] = items.size();
        }
        return new Csr(start, items.toArray());
    }

    /**
     * The farthest straight-line distance between a site and demand it covers, with 1% to spare
     * for the flat-earth estimate: the swap search uses it to bound which sites can share demand.
     */
    private double straightReach(Csr cover, List<Site> sites) {
        double reach = 1;
        for (int s = 0; s < cover.rows(); s++) {
            LatLng at = sites.get(s).at();
            double cos = Math.cos(Math.toRadians(at.lat()));
            for (int j = cover.start[s]; j < cover.start[s + 1]; j++) {
                LatLng d = demand.get(cover.items[j]).at();
                double dy = (d.lat() - at.lat()) * 111_320;
                double dx = (d.lng() - at.lng()) * 111_320 * Math.min(cos, Math.cos(Math.toRadians(d.lat())));
                reach = Math.max(reach, Math.hypot(dx, dy) * 1.01 + 1);
            }
        }
        return reach;
    }

    private static Csr coverOf(DiskIndex index, List<Site> sites) {
        int[] start = new int[sites.size() + 1];
        IntList items = new IntList(sites.size() * 64);
        for (int s = 0; s < sites.size(); s++) {
            index.within(sites.get(s).at(), items);
            start[s + 1] = items.size();
        }
        return new Csr(start, items.toArray());
    }

    public List<Site> existing() {
        return existing;
    }

    public List<Site> candidates() {
        return candidates;
    }

    public List<DemandPoint> demand() {
        return demand;
    }

    /**
     * The radius; for a problem built from a {@link CoverageRelation}, an upper bound of the
     * straight-line distance from a site to any demand it covers.
     */
    public double radiusMeters() {
        return radiusMeters;
    }

    /** Sum of all demand weight. */
    public double totalWeight() {
        return totalWeight;
    }

    /** Indices of the demand within the radius of candidate {@code candidate}, ascending. */
    public int[] demandCoveredByCandidate(int candidate) {
        return candidateCover.row(candidate);
    }

    /** Indices of the demand within the radius of existing station {@code station}, ascending. */
    public int[] demandCoveredByExisting(int station) {
        return existingCover.row(station);
    }

    /** How many existing stations cover demand point {@code demandIndex}. */
    public int existingCoverCount(int demandIndex) {
        return existingCount[demandIndex];
    }

    /** Whether some existing station covers demand point {@code demandIndex}. */
    public boolean isCoveredByExisting(int demandIndex) {
        return existingCount[demandIndex] > 0;
    }

    /** Time spent building the index and the cover lists. */
    public Duration buildTime() {
        return buildTime;
    }

    double weight(int demandIndex) {
        return weight[demandIndex];
    }

    double[] weights() {
        return weight;
    }

    Csr existingCover() {
        return existingCover;
    }

    Csr candidateCover() {
        return candidateCover;
    }

    /** Candidate → open demand it covers. */
    Csr openCover() {
        return openCover;
    }

    /** Open demand → candidates covering it (rows of covered demand are empty). */
    Csr openCoverers() {
        return openCoverers;
    }
}
