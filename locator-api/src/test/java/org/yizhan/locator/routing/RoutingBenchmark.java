package org.yizhan.locator.routing;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.osm.GeneratedCity;
import org.yizhan.geo.osm.OsmXml;
import org.yizhan.geo.planning.Coverage;
import org.yizhan.geo.planning.CoverageProblem;
import org.yizhan.geo.planning.CoveringPlan;
import org.yizhan.geo.planning.DemandPoint;
import org.yizhan.geo.planning.MaximalCovering;
import org.yizhan.geo.planning.Site;

/**
 * Road-network speed: graph build and load time and heap for the test city and for a generated
 * city of about 300,000 street corners (a city of some 5 million people); then walking coverage
 * of 50,000 demand points by 5,000 stations at 15 minutes and a 10-site suggestion over 2,000
 * candidates. Run by scripts/bench-routing.sh; arguments: corners per side (default 550), seed.
 */
public final class RoutingBenchmark {

    private RoutingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 550;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path dir = Files.createTempDirectory("yizhan-road-bench");
        System.out.printf("seed %d, work dir %s%n", seed, dir);
        System.out.println(
                "| city | corners | OSM XML MB | import s | heap after import MB | graph on disk MB | reload s |");
        System.out.println("|---|---|---|---|---|---|---|");
        measure("test city", GeneratedCity.Layout.small(TestCity.ORIGIN), seed, dir.resolve("small"))
                .close();
        GeneratedCity.Layout big = new GeneratedCity.Layout(new LatLng(30.5, 114.2), n, 60, 250, 10);
        RoadNetwork network = measure("generated " + n + "x" + n, big, seed, dir.resolve("big"));
        coverage(network, big, seed);
        network.close();
    }

    private static RoadNetwork measure(String name, GeneratedCity.Layout layout, long seed, Path dir) throws Exception {
        Files.createDirectories(dir);
        GeneratedCity city = GeneratedCity.generate(layout, seed);
        Path osm = dir.resolve("city.osm");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(osm), 1 << 16)) {
            OsmXml.write(city, out);
        }
        RoutingProperties properties =
                new RoutingProperties(osm.toString(), dir.resolve("graph").toString(), 200);
        long before = usedHeap();
        long t0 = System.nanoTime();
        RoadNetwork built = new RoadNetwork(properties);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        long heap = usedHeap() - before;
        built.close();
        t0 = System.nanoTime();
        RoadNetwork loaded = new RoadNetwork(properties);
        double reloadSeconds = (System.nanoTime() - t0) / 1e9;
        long disk;
        try (var files = Files.walk(dir.resolve("graph"))) {
            disk = files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
        System.out.printf(
                "| %s | %,d | %.1f | %.1f | %d | %.1f | %.1f |%n",
                name,
                layout.n() * layout.n(),
                Files.size(osm) / 1e6,
                importSeconds,
                heap >> 20,
                disk / 1e6,
                reloadSeconds);
        return loaded;
    }

    private static void coverage(RoadNetwork network, GeneratedCity.Layout layout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        GeneratedCity city = GeneratedCity.generate(layout, seed);
        double width = layout.x(layout.n() - 1);
        double height = layout.y(layout.n() - 1);
        List<DemandPoint> demand = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            demand.add(new DemandPoint(
                    city.at(random.nextDouble() * width, random.nextDouble() * height), 1 + random.nextInt(5)));
        }
        List<Site> stations = sites("station", 5_000, city, width, height, random);
        List<Site> candidates = sites("candidate", 2_000, city, width, height, random);
        NetworkDistances distances = new NetworkDistances(network);
        System.out.println();
        // CPU seconds of this (the only working) thread beside wall-clock seconds: on a shared
        // machine the wall clock measures the neighbours too.
        System.out.println("| question | wall s | CPU s | result |");
        System.out.println("|---|---|---|---|");

        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        CoverageProblem existingOnly = problem(distances, stations, List.of(), demand);
        double share = Coverage.of(existingOnly).share();
        System.out.printf(
                "| coverage of 50,000 demand points by 5,000 stations, 15 min walk | %.1f | %.1f | %.1f%% covered |%n",
                (System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9, share * 100);

        // Half the stations, so there is something left to suggest sites for.
        t0 = System.nanoTime();
        c0 = cpuNanos();
        CoverageProblem withCandidates = problem(distances, stations.subList(0, 500), candidates, demand);
        double build = (System.nanoTime() - t0) / 1e9;
        CoveringPlan plan = MaximalCovering.solve(withCandidates, 10);
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "| 10 sites over 2,000 candidates (500 stations), 15 min walk | %.1f (catchments %.1f) | %.1f | %.1f%% -> %.1f%% |%n",
                total, build, (cpuNanos() - c0) / 1e9, plan.shareBefore() * 100, plan.shareAfter() * 100);
    }

    private static CoverageProblem problem(
            NetworkDistances distances, List<Site> existing, List<Site> candidates, List<DemandPoint> demand) {
        List<Site> sites = new ArrayList<>(existing);
        sites.addAll(candidates);
        Map<Site, Integer> index = new HashMap<>();
        for (int s = 0; s < sites.size(); s++) index.putIfAbsent(sites.get(s), s);
        NetworkDistances.Catchments catchments = distances.catchments(
                Travel.WALK,
                sites.stream().map(Site::at).toList(),
                demand.stream().map(DemandPoint::at).toList(),
                Limit.minutes(15));
        return CoverageProblem.of(existing, candidates, demand, site -> catchments.demandReachedFrom(index.get(site)));
    }

    private static List<Site> sites(
            String prefix, int count, GeneratedCity city, double width, double height, SplittableRandom random) {
        List<Site> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Site(prefix + "-" + i, city.at(random.nextDouble() * width, random.nextDouble() * height)));
        }
        return out;
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
