import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Prints the issue-6 table from the raw measurements scripts/bench.sh collected.
 *
 * <p>results.tsv: {@code round conns scenario rps p50_ms p99_ms errors} (one line per measurement;
 * errors -1 means the load tool itself failed). meta.txt: {@code key=value} lines (import and
 * COPY times, heap, machine). Every figure in the table is the median of the rounds; every
 * ratio is computed per round and then the median taken, as the issue asks.
 *
 * <p>Run: java bench/BenchReport.java RESULTS_TSV META_TXT
 */
public class BenchReport {

    /** cpu: the service's CPU microseconds per request in the cell (NaN where not measured). */
    record Row(int round, int conns, String scenario, double rps, double p50, double p99, long errors, double cpu) {}

    static final Map<String, String> LABELS = new LinkedHashMap<>();
    static {
        LABELS.put("trivial", "trivial JSON /api/v1/amenities");
        LABELS.put("nearest", "nearest k=10");
        LABELS.put("nearest-key", "nearest k=10 with an API key");
        LABELS.put("nearest-microwave", "nearest k=10 microwave (common)");
        LABELS.put("nearest-summer", "nearest k=10 summer_supplies (1%)");
        LABELS.put("nearest-open", "nearest k=10 openNow");
        LABELS.put("pgbench-knn", "pgbench KNN k=10 (raw PostGIS)");
        LABELS.put("bbox", "bbox ~200 stations (service)");
        LABELS.put("ogcapi-items", "OGC API items ~200 (service)");
        LABELS.put("mapserver-bbox", "bbox ~200 (MapServer OGC API)");
        LABELS.put("pgbench-bbox", "pgbench bbox ~200 (raw PostGIS)");
        LABELS.put("country", "country zoom, clusters (service)");
        LABELS.put("country-pan", "2,000 country/province views (service)");
        LABELS.put("country-gzip", "country zoom, clusters, gzip as browsers ask (service)");
        LABELS.put("nearest-gzip", "nearest k=10, gzip as apps ask (service)");
        for (int z : new int[] {5, 10, 15}) {
            String what = z >= 12 ? "stations" : "clusters";
            LABELS.put("tile-z" + z, "MVT tile z" + z + " " + what + " (service)");
            LABELS.put("pgbench-tile-z" + z, "pgbench ST_AsMVT z" + z + " " + what);
            LABELS.put("mapserver-tile-z" + z, "MapServer MVT z" + z + " (all points)");
        }
    }

    public static void main(String[] args) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            rows.add(new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], num(f[3]),
                    num(f[4]), num(f[5]), Long.parseLong(f[6]),
                    f.length > 7 && !f[7].isBlank() ? Double.parseDouble(f[7]) : Double.NaN));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            int eq = line.indexOf('=');
            if (eq > 0) meta.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        Set<Integer> connSet = new LinkedHashSet<>();
        rows.stream().map(Row::conns).sorted().forEach(connSet::add);
        List<Integer> conns = new ArrayList<>(connSet);
        Set<String> scenarios = new LinkedHashSet<>(LABELS.keySet());
        rows.forEach(r -> scenarios.add(r.scenario()));

        System.out.println();
        System.out.println("Yizhan issue-6 benchmark  " + meta.getOrDefault("date", ""));
        System.out.println("machine: " + meta.getOrDefault("machine", "?"));
        System.out.println("load average: start " + meta.getOrDefault("load_start", "?") + " | end " + meta.getOrDefault("load_end", "?"));
        System.out.println("register: " + meta.getOrDefault("stations", "?") + " stations (" + meta.getOrDefault("active", "?")
                + " active); " + meta.getOrDefault("rounds", "?") + " rounds x " + meta.getOrDefault("round_seconds", "?")
                + " s per cell after " + meta.getOrDefault("warmup_seconds", "?") + " s warm-up; client: "
                + meta.getOrDefault("client", "?"));
        if (meta.containsKey("pgbench_cap")) System.out.println("pgbench clients are capped at " + meta.get("pgbench_cap") + " (max_connections of the shared cluster)");
        System.out.println();
        System.out.printf("%-36s %5s %10s %21s %9s %9s %7s %9s%n", "scenario (median of rounds)", "conns", "req/s",
                "req/s min..max (±%)", "p50 ms", "p99 ms", "errors", "CPU us/r");
        System.out.println("-".repeat(113));
        for (String s : scenarios) {
            for (int c : conns) {
                List<Row> cell = cell(rows, s, c);
                if (cell.isEmpty()) continue;
                long errors = cell.stream().mapToLong(Row::errors).anyMatch(e -> e < 0) ? -1 : cell.stream().mapToLong(Row::errors).sum();
                int actual = actualConns(s, c, meta);
                double rps = median(cell, Row::rps);
                // No request completed within the cell: latency is longer than the cell, not zero.
                String p50 = latency(median(cell, BenchReport::p50)), p99 = latency(median(cell, BenchReport::p99));
                double cpu = median(cell, Row::cpu);
                System.out.printf(Locale.ROOT, "%-36s %5s %10.1f %21s %9s %9s %7s %9s%n", LABELS.getOrDefault(s, s),
                        actual == c ? String.valueOf(c) : c + "*", rps, spread(cell.stream().mapToDouble(Row::rps).toArray()),
                        p50, p99, errors < 0 ? "FAILED" : String.valueOf(errors),
                        Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, "%.0f", cpu));
            }
        }
        if (meta.containsKey("pgbench_cap")) System.out.println("* pgbench ran " + meta.get("pgbench_cap") + " clients for this row");

        System.out.println("req/s min..max: the slowest and fastest round of the cell; ±%: half that range over the median");

        System.out.println();
        System.out.printf("%-52s %-24s %-10s %s%n", "goal (ratios: median over rounds of per-round ratio)", "measured (min..max)", "target", "met");
        System.out.println("-".repeat(96));
        List<Boolean> all = new ArrayList<>();
        for (int c : conns) ratio(all, rows, "nearest / pgbench KNN @" + c, "nearest", "pgbench-knn", c, 1.5);
        for (int c : conns) ratio(all, rows, "nearest / trivial @" + c, "nearest", "trivial", c, 0.8);
        List<Row> n32 = cell(rows, "nearest", 32);
        if (!n32.isEmpty()) {
            double p99 = median(n32, BenchReport::p99);
            line(all, "nearest p99 @32", String.format(Locale.ROOT, "%.2f ms", p99), "<= 20 ms", p99 <= 20);
        }
        if (!cell(rows, "nearest", 256).isEmpty() && !n32.isEmpty()) {
            double r = ratioMedian(rows, "nearest", 256, "nearest", 32);
            long errors = cell(rows, "nearest", 256).stream().mapToLong(Row::errors).sum();
            line(all, "nearest 256 / 32 throughput, errors @256", String.format(Locale.ROOT, "%.2fx, %d errors", r, errors),
                    ">= 0.9x, 0", r >= 0.9 && errors == 0);
        }
        // Issue 12: keys must not make nearest measurably slower.
        for (int c : conns) ratio(all, rows, "nearest with key / without @" + c, "nearest-key", "nearest", c, 0.9);
        // The service's CPU per request (info): steadier than throughput on a shared machine.
        for (int c : conns) cpuRatio(rows, "CPU per request, trivial / nearest @" + c + " (info)", "trivial", "nearest", c);
        for (int c : conns) cpuRatio(rows, "CPU per request, nearest / with key @" + c + " (info)", "nearest", "nearest-key", c);
        for (String v : List.of("nearest-summer", "nearest-open", "nearest-microwave")) {
            for (int c : conns) ratio(all, rows, v.substring(8) + " / plain nearest @" + c, v, "nearest", c, 0.8);
        }
        for (int c : conns) ratio(all, rows, "bbox service / MapServer @" + c, "bbox", "mapserver-bbox", c, 5);
        for (int c : conns) ratio(all, rows, "OGC API items service / MapServer @" + c, "ogcapi-items", "mapserver-bbox", c, 5);
        for (int c : conns) ratio(all, rows, "bbox service / pgbench bbox @" + c + " (info)", "bbox", "pgbench-bbox", c, Double.NaN);
        for (int c : conns) ratio(all, rows, "country zoom / trivial @" + c, "country", "trivial", c, 0.5);
        for (int c : conns) ratio(all, rows, "2,000 country views / trivial @" + c, "country-pan", "trivial", c, 0.5);
        // What browsers and apps ask for (info): gzip. Kept cluster answers are compressed once; nearest's
        // answer is compressed by Tomcat per response.
        for (int c : conns) ratio(all, rows, "country zoom gzip / trivial @" + c + " (info)", "country-gzip", "trivial", c, Double.NaN);
        for (int c : conns) ratio(all, rows, "nearest gzip / nearest @" + c + " (info)", "nearest-gzip", "nearest", c, Double.NaN);
        for (int c : conns) {
            List<Row> cz = cell(rows, "country", c);
            if (cz.isEmpty()) continue;
            double p50 = median(cz, BenchReport::p50), rps = median(cz, Row::rps);
            // Closed loop: mean latency = connections / throughput (Little's law). It catches what
            // p50 alone hides when the latency is bimodal (some requests fast, some seconds).
            double mean = rps > 0 ? c * 1000.0 / rps : Double.POSITIVE_INFINITY;
            String features = meta.getOrDefault("country_features", "?");
            boolean ok = p50 <= 50 && mean <= 50 && !features.equals("?") && Integer.parseInt(features) <= 2000;
            line(c == conns.get(0) ? all : null, "country zoom @" + c + " (p50 / mean ms, features)" + (c == conns.get(0) ? "" : " (info)"),
                    String.format(Locale.ROOT, "%s / %s, %s", latency(p50),
                            Double.isInfinite(mean) ? "> cell" : String.format(Locale.ROOT, "%.0f", mean), features), "<= 50 ms, <= 2000", ok);
        }
        // Vector tiles (issue 13): the service's tiles against raw PostGIS ST_AsMVT of the same tiles and
        // MapServer's MVT output (issue 14: >= 1x and >= 5x), with the mean tile size of each source.
        // MapServer has no clustering, so at z5 it is not measured.
        for (int z : new int[] {5, 10, 15}) {
            for (int c : conns) {
                ratio(all, rows, "tile z" + z + " service / pgbench ST_AsMVT @" + c, "tile-z" + z, "pgbench-tile-z" + z, c, 1);
                ratio(all, rows, "tile z" + z + " service / MapServer MVT @" + c, "tile-z" + z, "mapserver-tile-z" + z, c, 5);
            }
            if (meta.containsKey("tile_z" + z + "_bytes")) {
                System.out.printf("%-52s %-24s%n", "mean tile size z" + z + " service / ST_AsMVT / MapServer",
                        meta.get("tile_z" + z + "_bytes") + " / " + meta.getOrDefault("pgbench_tile_z" + z + "_bytes", "-")
                                + " / " + meta.getOrDefault("mapserver_tile_z" + z + "_bytes", "-") + " B");
            }
        }
        if (meta.containsKey("copy_s")) {
            double copy = Double.parseDouble(meta.get("copy_s"));
            for (String kind : List.of("csv", "xlsx")) {
                if (!meta.containsKey("import_" + kind + "_s")) continue;
                double imp = Double.parseDouble(meta.get("import_" + kind + "_s"));
                line(all, "import API " + kind + " / COPY speed (" + meta.getOrDefault("import_when", "this run") + ")",
                        String.format(Locale.ROOT, "%.2fx (%.1f s vs %.1f s)", copy / imp, imp, copy), ">= 0.5x", copy / imp >= 0.5);
                if (meta.containsKey("copy_station_s")) {
                    double station = Double.parseDouble(meta.get("copy_station_s"));
                    System.out.printf("%-52s %-24s%n", "  import " + kind + " / COPY into station itself (info)",
                            String.format(Locale.ROOT, "%.2fx (%.1f s vs %.1f s)", station / imp, imp, station));
                }
            }
            if (meta.containsKey("load_s")) {
                double load = Double.parseDouble(meta.get("load_s"));
                double cluster = Double.parseDouble(meta.getOrDefault("cluster_s", "0"));
                line(null, "  SQL loader (load-synthetic.sh) / COPY (info)",
                        String.format(Locale.ROOT, "%.2fx (%.1f s, + %.1f s CLUSTER)", copy / load, load, cluster), "", copy / load >= 0.5);
            }
        }
        if (meta.containsKey("along_route_ms")) {
            System.out.printf("%-52s %-24s%n", "along-route 30 km, 300 m (" + meta.getOrDefault("along_route_hits", "?") + " hits), ms",
                    meta.get("along_route_ms"));
        }
        if (meta.containsKey("heap_mb")) {
            System.out.printf("%-52s %-24s%n", "service heap used after full GC (1M stations)", meta.get("heap_mb") + " MB");
        }
        if (meta.containsKey("index_load_ms")) {
            System.out.printf("%-52s %-24s%n", "station index full load at start-up", meta.get("index_load_ms") + " ms");
        }
        if (meta.containsKey("index_restart_ms")) {
            System.out.printf(
                    "%-52s %-24s%n",
                    "station index at restart, from its file (+ catch-up)",
                    meta.get("index_restart_ms") + " ms (" + meta.getOrDefault("index_restart_caught_up_ms", "?")
                            + " ms in all)");
        }
        long met = all.stream().filter(b -> b).count();
        System.out.printf("%ngoals met: %d of %d checks%n", met, all.size());
    }

    /** A measurement the tool did not report (pgbench printing no tps) counts as nothing done. */
    static double num(String field) {
        return field.isBlank() ? 0 : Double.parseDouble(field);
    }

    /** A cell in which no request completed had latencies longer than the cell, not zero. */
    static double p50(Row r) {
        return r.rps() > 0 ? r.p50() : Double.POSITIVE_INFINITY;
    }

    static double p99(Row r) {
        return r.rps() > 0 ? r.p99() : Double.POSITIVE_INFINITY;
    }

    static String latency(double ms) {
        return Double.isInfinite(ms) ? "> cell" : String.format(Locale.ROOT, "%.2f", ms);
    }

    static int actualConns(String scenario, int c, Map<String, String> meta) {
        if (scenario.startsWith("pgbench") && meta.containsKey("pgbench_cap")) return Math.min(c, Integer.parseInt(meta.get("pgbench_cap")));
        return c;
    }

    static List<Row> cell(List<Row> rows, String scenario, int conns) {
        return rows.stream().filter(r -> r.scenario().equals(scenario) && r.conns() == conns && r.errors() >= 0).toList();
    }

    static double median(List<Row> rows, ToDoubleFunction<Row> f) {
        return median(rows.stream().mapToDouble(f).toArray());
    }

    static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Median over rounds of (a's throughput / b's throughput) in the same round. */
    static double ratioMedian(List<Row> rows, String a, int ca, String b, int cb) {
        return median(ratios(rows, a, ca, b, cb));
    }

    /** (a's throughput / b's throughput) per round. */
    static double[] ratios(List<Row> rows, String a, int ca, String b, int cb) {
        List<Double> ratios = new ArrayList<>();
        for (Row x : cell(rows, a, ca)) {
            for (Row y : cell(rows, b, cb)) {
                if (x.round() == y.round() && y.rps() > 0) ratios.add(x.rps() / y.rps());
            }
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** "min..max (±p%)" of the rounds: the noise around the median the table prints. */
    static String spread(double[] v) {
        if (v.length < 2) return "";
        double min = Arrays.stream(v).min().orElse(0), max = Arrays.stream(v).max().orElse(0), median = median(v);
        String pct = median > 0 ? String.format(Locale.ROOT, "%.0f%%", 50 * (max - min) / median) : "?";
        return String.format(Locale.ROOT, "%.0f..%.0f (±%s)", min, max, pct);
    }

    static void ratio(List<Boolean> all, List<Row> rows, String label, String a, String b, int c, double target) {
        if (cell(rows, a, c).isEmpty() || cell(rows, b, c).isEmpty()) return;
        double[] perRound = ratios(rows, a, c, b, c);
        double r = median(perRound);
        String measured = String.format(Locale.ROOT, "%.2fx", r);
        if (perRound.length > 1) {
            measured += String.format(Locale.ROOT, " (%.2f..%.2f)",
                    Arrays.stream(perRound).min().orElse(r), Arrays.stream(perRound).max().orElse(r));
        }
        if (Double.isNaN(target)) {
            line(null, label, measured, "", true);
        } else {
            line(all, label, measured, ">= " + target + "x", r >= target);
        }
    }

    /** Per round a's CPU per request over b's, then the median (info: what b costs relative to a). */
    static void cpuRatio(List<Row> rows, String label, String a, String b, int c) {
        List<Double> ratios = new ArrayList<>();
        for (Row ra : cell(rows, a, c)) {
            for (Row rb : cell(rows, b, c)) {
                if (ra.round() == rb.round() && ra.cpu() > 0 && rb.cpu() > 0) ratios.add(ra.cpu() / rb.cpu());
            }
        }
        if (ratios.isEmpty()) return;
        ratios.sort(null);
        int n = ratios.size();
        double r = n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
        line(null, label, String.format(Locale.ROOT, "%.2fx", r), "", true);
    }

    static void line(List<Boolean> all, String label, String measured, String target, boolean ok) {
        if (all != null) all.add(ok);
        System.out.printf("%-52s %-24s %-10s %s%n", label, measured, target, all == null ? "" : ok ? "yes" : "NO");
    }
}
