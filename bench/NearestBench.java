import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small closed-loop HTTP load client for the nearest API. Query points are sampled from the
 * station CSV the register was loaded from (a station's position moved up to ~2 km), so they
 * follow the same distribution as the data. Each scenario is compared with a trivial in-memory
 * JSON endpoint of the same service, measured in the same run, so the ratios are meaningful
 * on any machine.
 *
 * Run: java bench/NearestBench.java BASE_URL STATIONS_CSV [seconds=10] [connections=8]
 */
public class NearestBench {

    record Point(double lat, double lng) {}

    /** A scenario URL starting so carries an API key: "key:<key> <url>". */
    private static final String KEYED = "key:";

    record Result(String name, double perSecond, double p50Ms, double p99Ms, long errors) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<Point> points = samplePoints(Path.of(args[1]), 20_000, new Random(7));
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        // An API key (issue 12): the same nearest query with X-API-Key, to show keys cost nearest nothing.
        String apiKey = args.length > 4 && !args[4].isBlank() ? args[4] : null;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Function<Point, String> nearest = p -> String.format(Locale.ROOT, "%s/api/v1/stations/nearest?lat=%.6f&lng=%.6f&limit=10", base, p.lat(), p.lng());
        List<Object[]> scenarios = List.of(
                new Object[] {"trivial JSON (baseline)", (Function<Point, String>) p -> base + "/api/v1/amenities"},
                new Object[] {"nearest k=10", nearest},
                new Object[] {"nearest k=10 with API key", nearest.andThen(u -> apiKey == null ? u : KEYED + apiKey + " " + u)},
                new Object[] {"nearest k=10 (again, no key)", nearest},
                new Object[] {"nearest k=10 microwave", nearest.andThen(u -> u + "&amenities=microwave")},
                new Object[] {"nearest k=10 ebike (10%)", nearest.andThen(u -> u + "&amenities=ebike_charging")},
                new Object[] {"nearest k=10 summer (1%)", nearest.andThen(u -> u + "&amenities=summer_supplies")},
                new Object[] {"nearest k=10 openNow", nearest.andThen(u -> u + "&openNow=true")});

        System.out.printf("warm-up %d s ...%n", seconds);
        for (Object[] s : scenarios) run(client, (String) s[0], cast(s[1]), points, Math.max(2, seconds / 3), connections);
        List<Result> results = new ArrayList<>();
        for (Object[] s : scenarios) results.add(run(client, (String) s[0], cast(s[1]), points, seconds, connections));

        double baseline = results.get(0).perSecond();
        System.out.printf("%n%d connections, %d s per scenario, %d sample points%n", connections, seconds, points.size());
        System.out.printf("%-28s %10s %9s %9s %8s %7s%n", "scenario", "req/s", "p50 ms", "p99 ms", "vs base", "errors");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-28s %10.0f %9.2f %9.2f %8.2f %7d%n",
                    r.name(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.perSecond() / baseline, r.errors());
        }
    }

    @SuppressWarnings("unchecked")
    private static Function<Point, String> cast(Object o) {
        return (Function<Point, String>) o;
    }

    private static Result run(HttpClient client, String name, Function<Point, String> url, List<Point> points,
                              int seconds, int connections) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int seed = c;
            futures.add(pool.submit(() -> {
                Random random = new Random(seed);
                long[] buffer = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < buffer.length) {
                    Point p = points.get(random.nextInt(points.size()));
                    String target = url.apply(p);
                    HttpRequest.Builder builder;
                    if (target.startsWith(KEYED)) {
                        String[] keyAndUrl = target.substring(KEYED.length()).split(" ", 2);
                        builder = HttpRequest.newBuilder(URI.create(keyAndUrl[1])).header("X-API-Key", keyAndUrl[0]);
                    } else {
                        builder = HttpRequest.newBuilder(URI.create(target));
                    }
                    HttpRequest request = builder.GET().build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    buffer[n++] = System.nanoTime() - t0;
                    if (response.statusCode() != 200) errors.incrementAndGet();
                }
                return Arrays.copyOf(buffer, n);
            }));
        }
        for (var f : futures) latencies.add(f.get());
        pool.shutdown();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, all.length / (double) seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, errors.get());
    }

    private static List<Point> samplePoints(Path csv, int count, Random random) throws IOException {
        List<Point> stations = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv)) {
            List<String> header = Arrays.asList(in.readLine().split(","));
            int lat = header.indexOf("lat"), lng = header.indexOf("lng");
            String line;
            // Reservoir sampling: the CSV may have a million rows.
            long seen = 0;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f.length <= Math.max(lat, lng)) continue;
                Point p;
                try {
                    p = new Point(Double.parseDouble(f[lat]), Double.parseDouble(f[lng]));
                } catch (NumberFormatException quotedComma) {
                    continue;
                }
                seen++;
                if (stations.size() < count) stations.add(p);
                else {
                    long j = (long) (random.nextDouble() * seen);
                    if (j < count) stations.set((int) j, p);
                }
            }
        }
        List<Point> out = new ArrayList<>(stations.size());
        for (Point s : stations) {
            out.add(new Point(s.lat() + (random.nextDouble() - 0.5) * 0.036, s.lng() + (random.nextDouble() - 0.5) * 0.046));
        }
        return out;
    }
}
