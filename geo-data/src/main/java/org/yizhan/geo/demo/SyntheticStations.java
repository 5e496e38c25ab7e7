package org.yizhan.geo.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.yizhan.geo.division.Division;
import org.yizhan.geo.division.Divisions;
import org.yizhan.geo.station.StationCsv;
import org.yizhan.geo.station.StationRecord;

/**
 * Seeded synthetic stations for benchmarks and load tests, with codes already assigned.
 *
 * <p>85% cluster around the ~300 city centres of {@code synthetic-centres.tsv} (approximate
 * WGS-84 city centres typed by hand, weight ≈ urban population in 10^5; a city gets stations in
 * proportion to its weight, Gaussian scatter of 2-10 km growing with it) and carry one of the
 * city's districts as adcode; 15% fall uniformly in coarse boxes over populated mainland land and
 * take a county of the nearest centre. Amenity rarity is tuned for index benchmarks:
 * {@code ebike_charging} on ~10%, {@code summer_supplies} on ~1%; 24/7 on ~15%.
 *
 * <p>Usage: {@code SyntheticStations [count=1000000] [output=synthetic-stations.csv]}.
 */
public final class SyntheticStations {

    private static final double[] AMENITY_P = {
        0.95, 0.60, 0.50, 0.30, 0.85, 0.95, 0.90, 0.10, 0.70, 0.45, 0.40, 0.20, 0.40, 0.60, 0.01
    };
    private static final String[] HOURS = {
        "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00",
        "07:00-21:00",
        "Mo-Su 06:30-20:30",
        "Mo-Fr 09:00-17:00",
        "Mo-Su 08:00-20:00",
        "Mo-Su 06:00-22:00"
    };
    private static final String[] KINDS = {"爱心驿站", "暖心驿站", "职工驿站", "户外劳动者服务站点", "骑士驿站", "安康驿站"};
    private static final String[] ROADS = {"人民路", "解放路", "中山路", "建设路", "新华路", "和平路", "文化路", "胜利街", "长江路", "黄河路"};
    private static final String[] SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗".split("");
    private static final String[] GIVEN = "伟、芳、娜、敏、静、丽、强、磊、军、洋、勇、艳、杰、涛、明、超、霞、平、刚、建华".split("、");
    /** Coarse land boxes {latMin, latMax, lngMin, lngMax, weight} clear of the sea. */
    private static final double[][] LAND = {
        {34, 38, 113, 118, 5},
        {38, 40.5, 113, 117.5, 2},
        {35.5, 36.8, 118, 121, 1.5},
        {41.5, 47, 122, 128, 4},
        {28, 32, 111, 120, 6},
        {25, 29, 116.5, 119.5, 2},
        {22.5, 26, 108, 116, 4},
        {28.5, 31.5, 103.5, 107.5, 4},
        {24, 27.5, 101, 107, 3},
        {34, 38, 105, 111, 2},
        {38, 41.5, 106, 112, 1},
        {40, 45, 80, 90, 1},
        {29, 31.5, 88, 95, 0.5}
    };

    private record Centre(
            double lat, double lng, double weight, double sigmaKm, Division[] districts, Division[] counties) {}

    private SyntheticStations() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path out = Path.of(args.length > 1 ? args[1] : "synthetic-stations.csv");
        long start = System.nanoTime();
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                StationCsv.Writer csv = StationCsv.writer(w);
                Stream<StationRecord> stations = generate(42, count)) {
            stations.forEach(csv::write);
        }
        System.out.printf("wrote %,d stations to %s in %.1f s%n", count, out, (System.nanoTime() - start) / 1e9);
    }

    /**
     * {@code count} stations from {@code seed}; the same seed always gives the same sequence. The
     * stream is lazy (one record at a time) and must be consumed in order.
     */
    public static Stream<StationRecord> generate(long seed, int count) {
        Iterator<StationRecord> it = new Generator(seed, count);
        return StreamSupport.stream(
                Spliterators.spliterator(it, count, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** ISO 7064 MOD 11-2 check character over the 11 digits of adcode + 5-digit sequence. */
    static char checkChar(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * ((1 << (digits.length() - i)) % 11);
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** Station code {@code AAAAAA-SSSSS-C}, same format as the server's station codes. */
    static String code(String adcode, int seq) {
        String seqDigits = String.format("%05d", seq);
        return adcode + "-" + seqDigits + "-" + checkChar(adcode + seqDigits);
    }

    private static final class Generator implements Iterator<StationRecord> {
        private static final List<Centre> CENTRES = loadCentres();
        private static final double[] CENTRE_CUMULATIVE =
                cumulative(CENTRES.stream().mapToDouble(c -> c.weight).toArray());
        private static final double[] LAND_CUMULATIVE = cumulative(Arrays.stream(LAND)
                .mapToDouble(b -> b[4] * (b[1] - b[0]) * (b[3] - b[2]))
                .toArray());

        private final SplittableRandom rnd;
        private final Map<String, int[]> sequences = new HashMap<>();
        private int remaining;

        Generator(long seed, int count) {
            this.rnd = new SplittableRandom(seed);
            this.remaining = count;
        }

        @Override
        public boolean hasNext() {
            return remaining > 0;
        }

        @Override
        public StationRecord next() {
            if (remaining-- <= 0) {
                throw new java.util.NoSuchElementException();
            }
            double lat;
            double lng;
            Division county;
            if (rnd.nextDouble() < 0.85) {
                Centre c = CENTRES.get(pick(CENTRE_CUMULATIVE));
                lat = c.lat + rnd.nextGaussian() * c.sigmaKm / 111.32;
                lng = c.lng + rnd.nextGaussian() * c.sigmaKm / (111.32 * Math.cos(Math.toRadians(c.lat)));
                county = c.districts[rnd.nextInt(c.districts.length)];
            } else {
                double[] box = LAND[pick(LAND_CUMULATIVE)];
                lat = box[0] + rnd.nextDouble() * (box[1] - box[0]);
                lng = box[2] + rnd.nextDouble() * (box[3] - box[2]);
                Division[] counties = nearest(lat, lng).counties;
                county = counties[rnd.nextInt(counties.length)];
            }
            int seq = ++sequences.computeIfAbsent(county.code(), k -> new int[1])[0];
            List<String> amenities = new ArrayList<>(AMENITY_P.length);
            for (int i = 0; i < AMENITY_P.length; i++) {
                if (rnd.nextDouble() < AMENITY_P[i]) {
                    amenities.add(StationRecord.AMENITIES.get(i));
                }
            }
            double s = rnd.nextDouble();
            String status = s < 0.95 ? "active" : s < 0.985 ? "suspended" : "closed";
            boolean selfBuilt = rnd.nextDouble() < 0.3;
            return new StationRecord(
                    code(county.code(), seq),
                    county.name() + "第" + seq + "号" + KINDS[rnd.nextInt(KINDS.length)],
                    null,
                    county.name() + ROADS[rnd.nextInt(ROADS.length)] + (1 + rnd.nextInt(400)) + "号",
                    round6(lat),
                    round6(lng),
                    county.code(),
                    selfBuilt ? "self_built" : "co_built",
                    selfBuilt ? county.name() + "总工会" : county.name() + "社区党群服务中心",
                    SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)],
                    "1390000" + (1000 + rnd.nextInt(9000)),
                    rnd.nextDouble() < 0.15 ? "24/7" : HOURS[rnd.nextInt(HOURS.length)],
                    amenities,
                    status,
                    15 + rnd.nextInt(31) / 2.0);
        }

        private int pick(double[] cumulative) {
            int i = Arrays.binarySearch(cumulative, rnd.nextDouble());
            return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
        }

        private static Centre nearest(double lat, double lng) {
            Centre best = CENTRES.get(0);
            double bestD = Double.MAX_VALUE;
            double k = Math.cos(Math.toRadians(lat));
            for (Centre c : CENTRES) {
                double dLat = c.lat - lat;
                double dLng = (c.lng - lng) * k;
                double d = dLat * dLat + dLng * dLng;
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            return best;
        }
    }

    /** Normalised running sums of the weights, for picking by binary search. */
    private static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            total += w[i];
            c[i] = total;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= total;
        }
        return c;
    }

    private static List<Centre> loadCentres() {
        Divisions divisions = Divisions.standard();
        List<Centre> centres = new ArrayList<>();
        try (InputStream in = SyntheticStations.class.getResourceAsStream("synthetic-centres.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine(); // header: code, name, lat, lng, weight
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t");
                Division d = divisions.find(f[0]).orElseThrow(() -> new IllegalStateException("unknown " + f[0]));
                // Statistical development zones (suffix 70-79) are not GB/T 2260 areas: leave them out. A
                // city's districts (suffix 01-20) host the urban cluster; a county-level city is its own.
                List<Division> counties = d.level() == Division.Level.COUNTY
                        ? List.of(d)
                        : divisions.countiesWithPrefix(f[0].substring(0, 4)).stream()
                                .filter(c -> suffix(c) < 70 || suffix(c) > 79)
                                .toList();
                List<Division> districts =
                        counties.stream().filter(c -> suffix(c) <= 20).toList();
                double weight = Double.parseDouble(f[4]);
                // Scatter grows with the square root of size: ~3 km for a small city, ~10 km for Shanghai.
                centres.add(new Centre(
                        Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]),
                        weight,
                        2 + 0.6 * Math.sqrt(weight),
                        (districts.isEmpty() ? counties : districts).toArray(Division[]::new),
                        counties.toArray(Division[]::new)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return centres;
    }

    private static int suffix(Division d) {
        return Integer.parseInt(d.code().substring(4));
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
