package org.yizhan.geo.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.yizhan.geo.LatLng;

/**
 * Seeded synthetic planning instances for tests and benchmarks: a square area, demand in Gaussian
 * clusters (hotspots: markets, depots, business districts) over a uniform background, candidates
 * uniform over the area, and existing stations near some hotspots, as unions tend to place the
 * first ones. Demand carries a quadrant group key (NW, NE, SW, SE) to exercise per-group coverage.
 * The same spec always gives the same instance.
 */
public final class InstanceGenerator {

    /** Wuhai (乌海市), Inner Mongolia. */
    public static final LatLng WUHAI = LatLng.of(39.65, 106.82);

    private static final double METERS_PER_DEG_LAT = 111_000;

    /**
     * What to generate.
     *
     * @param centre centre of the square
     * @param sizeMeters side of the square
     * @param demand number of demand points
     * @param clusters number of Gaussian hotspots
     * @param clusterSigmaMeters largest hotspot spread (each draws between a third of it and all of it)
     * @param backgroundShare share of demand points uniform over the area
     * @param candidates number of candidate sites
     * @param existing number of existing stations
     * @param seed random seed
     */
    public record Spec(
            LatLng centre,
            double sizeMeters,
            int demand,
            int clusters,
            double clusterSigmaMeters,
            double backgroundShare,
            int candidates,
            int existing,
            long seed) {

        /** 20 × 20 km around Wuhai, 12 hotspots up to 1.2 km wide, 25% background. */
        public static Spec wuhai(int demand, int candidates, int existing, long seed) {
            return new Spec(WUHAI, 20_000, demand, 12, 1_200, 0.25, candidates, existing, seed);
        }

        public Spec withSize(double meters) {
            return new Spec(
                    centre, meters, demand, clusters, clusterSigmaMeters, backgroundShare, candidates, existing, seed);
        }
    }

    /** A generated instance. */
    public record Instance(List<Site> existing, List<Site> candidates, List<DemandPoint> demand) {

        public Instance {
            existing = List.copyOf(existing);
            candidates = List.copyOf(candidates);
            demand = List.copyOf(demand);
        }

        public CoverageProblem problem() {
            return CoverageProblem.of(existing, candidates, demand);
        }

        public CoverageProblem problem(double radiusMeters) {
            return CoverageProblem.of(existing, candidates, demand, radiusMeters);
        }
    }

    private InstanceGenerator() {}

    public static Instance generate(Spec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        double half = spec.sizeMeters() / 2;
        double[][] hotspots = new double[Math.max(1, spec.clusters())][];
        for (int h = 0; h < hotspots.length; h++) {
            double sigma = spec.clusterSigmaMeters() * (1 + 2 * random.nextDouble()) / 3;
            hotspots[h] = new double[] {uniform(random, half * 0.8), uniform(random, half * 0.8), sigma};
        }
        List<DemandPoint> demand = new ArrayList<>(spec.demand());
        for (int i = 0; i < spec.demand(); i++) {
            double x;
            double y;
            double weight;
            if (random.nextDouble() < spec.backgroundShare()) {
                x = uniform(random, half);
                y = uniform(random, half);
                weight = 1;
            } else {
                double[] h = hotspots[random.nextInt(hotspots.length)];
                x = clamp(h[0] + random.nextGaussian() * h[2], half);
                y = clamp(h[1] + random.nextGaussian() * h[2], half);
                weight = 1 + random.nextInt(5);
            }
            String group = (y >= 0 ? "N" : "S") + (x >= 0 ? "E" : "W");
            demand.add(new DemandPoint(at(spec.centre(), x, y), weight, group));
        }
        List<Site> candidates = new ArrayList<>(spec.candidates());
        for (int c = 0; c < spec.candidates(); c++) {
            candidates.add(new Site("C" + c, at(spec.centre(), uniform(random, half), uniform(random, half))));
        }
        List<Site> existing = new ArrayList<>(spec.existing());
        for (int e = 0; e < spec.existing(); e++) {
            double[] h = hotspots[random.nextInt(hotspots.length)];
            double x = clamp(h[0] + random.nextGaussian() * 800, half);
            double y = clamp(h[1] + random.nextGaussian() * 800, half);
            existing.add(new Site("E" + e, at(spec.centre(), x, y)));
        }
        return new Instance(existing, candidates, demand);
    }

    private static double uniform(SplittableRandom random, double half) {
        return (2 * random.nextDouble() - 1) * half;
    }

    private static double clamp(double v, double half) {
        return Math.max(-half, Math.min(half, v));
    }

    /** East/north offsets in metres to a position; a local approximation is enough for synthetic data. */
    private static LatLng at(LatLng centre, double east, double north) {
        double lat = centre.lat() + north / METERS_PER_DEG_LAT;
        double lng = centre.lng() + east / (METERS_PER_DEG_LAT * Math.cos(Math.toRadians(centre.lat())));
        return LatLng.of(lat, lng);
    }
}
