package org.yizhan.locator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.support.TestRandom;

/**
 * The compact snapshot (columns, byte records, dictionaries, the tree in slot order) against
 * independent computations over the same random stations: every station decodes to the row it
 * was built from, and viewport pages, counts, box walks and cluster totals equal a brute force
 * over a plain list, also through overlay changes and compaction.
 */
class CompactSnapshotTest {

    private static final List<String> KEYS = StationRecord.AMENITIES;
    private static final String[] ADCODES = {"110101", "110102", "150302", "150303", "440305", "650102"};

    private final Random random = TestRandom.current();
    private final AmenityBits bits = new AmenityBits(KEYS);

    @Test
    void everyStationDecodesToTheRowItWasBuiltFrom() {
        List<StationRow> rows = new ArrayList<>();
        for (long id = 1; id <= 3_000; id++) rows.add(randomRow(random, id * 7 + random.nextInt(7), "active"));
        StationSnapshot snapshot = StationSnapshot.of(rows, bits);
        assertThat(snapshot.size()).isEqualTo(rows.size());
        for (StationRow row : rows) {
            int slot = snapshot.slotOf(row.id());
            assertThat(slot).as("seed %d", TestRandom.SEED).isNotNegative();
            assertThat(snapshot.row(slot)).as("seed %d", TestRandom.SEED).isEqualTo(row);
            assertThat(snapshot.code(slot)).isEqualTo(row.code());
            assertThat(snapshot.lats[slot]).isEqualTo(row.lat());
            assertThat(snapshot.alwaysOpen(slot)).isEqualTo(row.alwaysOpen());
            assertThat(snapshot.amenityBits[slot]).isEqualTo(bits.of(row.amenities()));
        }
        assertThat(snapshot.slotOf(0)).isEqualTo(-1);
        assertThat(snapshot.slotOf(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void aFullDictionaryStoresTheRestInline() {
        TextDictionary dictionary = new TextDictionary();
        for (int i = 0; i < TextDictionary.CAPACITY; i++)
            assertThat(dictionary.code("v" + i)).isEqualTo(i);
        assertThat(dictionary.code("v17")).isEqualTo(17);
        assertThat(dictionary.code("one more")).isEqualTo(-1);

        StationSnapshot.Dictionaries full = new StationSnapshot.Dictionaries();
        for (int i = 0; i < TextDictionary.CAPACITY; i++) full.hostOrganisation.code("org " + i);
        StationSnapshot.Builder builder = new StationSnapshot.Builder(bits, full, 4);
        StationRow row = randomRow(random, 5, "active");
        builder.add(row);
        StationSnapshot snapshot = builder.build();
        assertThat(snapshot.row(snapshot.slotOf(5))).isEqualTo(row);
    }

    @Test
    void withinVisitsExactlyTheStationsInTheBox() {
        List<StationRow> rows = worldwide(4_000);
        StationSnapshot snapshot = StationSnapshot.of(rows, bits);
        for (int q = 0; q < 200; q++) {
            Bbox box = randomBox(rows);
            Set<Long> seen = new LinkedHashSet<>();
            snapshot.all.within(
                    snapshot.lats, snapshot.lngs, box.minLat(), box.minLng(), box.maxLat(), box.maxLng(), slot -> {
                        assertThat(seen.add(snapshot.ids[slot])).isTrue();
                        return true;
                    });
            Set<Long> expected = new LinkedHashSet<>();
            for (StationRow r : rows) if (inside(box, r)) expected.add(r.id());
            assertThat(seen).as("seed %d, box %s", TestRandom.SEED, box).containsExactlyInAnyOrderElementsOf(expected);
            long estimate = snapshot.all.estimateWithin(box.minLat(), box.minLng(), box.maxLat(), box.maxLng(), 64);
            assertThat(estimate).isGreaterThanOrEqualTo(expected.size());
        }
    }

    @Test
    void viewportPagesAndCountsMatchABruteForceThroughChanges() {
        StationIndex index = new StationIndex(bits);
        Map<Long, StationRow> register = new HashMap<>();
        for (StationRow r : worldwide(3_000)) register.put(r.id(), r);
        index.replaceAll(active(register));
        long nextId = 100_000;
        for (int batch = 0; batch < 8; batch++) {
            checkViewports(index, register);
            // Enough changes over the batches to fold the overlay into a new snapshot.
            Set<Long> changed = new LinkedHashSet<>();
            for (int i = 0; i < 400; i++) {
                List<Long> ids = new ArrayList<>(register.keySet());
                long id = random.nextInt(4) == 0 ? nextId++ : ids.get(random.nextInt(ids.size()));
                switch (random.nextInt(3)) {
                    case 0 -> register.remove(id);
                    case 1 -> register.put(id, randomRow(random, id, random.nextBoolean() ? "active" : "closed"));
                    default -> register.put(id, randomRow(random, id, "active"));
                }
                changed.add(id);
            }
            List<StationRow> current =
                    changed.stream().map(register::get).filter(r -> r != null).toList();
            index.apply(changed, current);
        }
        checkViewports(index, register);
    }

    private void checkViewports(StationIndex index, Map<Long, StationRow> register) {
        List<StationRow> active = active(register);
        assertThat(index.size()).isEqualTo(active.size());
        for (int q = 0; q < 40; q++) {
            List<Bbox> boxes = switch (random.nextInt(4)) {
                case 0 -> List.of();
                // Across the antimeridian: two boxes, as the OGC API splits them.
                case 1 -> List.of(new Bbox(170, -30, 180, 30), new Bbox(-180, -30, -170, 30));
                default -> List.of(randomBox(active));
            };
            List<String> wanted = random.nextInt(3) == 0 ? List.of(KEYS.get(random.nextInt(KEYS.size()))) : List.of();
            String prefix = random.nextInt(4) == 0 ? ADCODES[random.nextInt(ADCODES.length)].substring(0, 4) : null;
            StationIndex.Window window = new StationIndex.Window(boxes, bits.of(wanted), prefix);
            List<StationRow> expected = active.stream()
                    .filter(r -> boxes.isEmpty() || boxes.stream().anyMatch(b -> inside(b, r)))
                    .filter(r -> r.amenities().containsAll(wanted))
                    .filter(r -> prefix == null || r.adcode().startsWith(prefix))
                    .sorted(Comparator.comparingLong(StationRow::id))
                    .toList();
            String as = "seed " + TestRandom.SEED + ", boxes " + boxes + ", amenities " + wanted + ", adcode " + prefix;
            assertThat(index.count(window)).as(as).isEqualTo(expected.size());

            int limit = random.nextInt(10) == 0 ? 1 + random.nextInt(5) : 50 + random.nextInt(600);
            List<StationRow> walked = new ArrayList<>();
            long after = 0;
            while (true) {
                List<StationRow> page = index.page(window, after, limit, false);
                assertThat(page.size()).as(as).isLessThanOrEqualTo(limit);
                walked.addAll(page);
                if (page.size() < limit) break;
                after = page.get(page.size() - 1).id();
            }
            assertThat(walked).as(as).containsExactlyElementsOf(expected);

            // The page before a cursor: the `limit` matches just below it, ascending.
            long before = random.nextBoolean() ? Long.MAX_VALUE : 1 + random.nextInt(120_000);
            List<StationRow> below =
                    expected.stream().filter(r -> r.id() < before).toList();
            assertThat(index.page(window, before, limit, true))
                    .as(as + ", before " + before)
                    .containsExactlyElementsOf(below.subList(Math.max(0, below.size() - limit), below.size()));
        }
        // Clusters: every cell of the fixed grid that meets the box, counted whole, with its centre
        // of mass, against a brute-force grid (cells of 2^e degrees, e the smallest with cells at
        // least the longer side / columns, rows and columns counted from 0°). Few columns read the
        // precomputed levels, many walk the tree; an amenity filter looks at each station.
        Bbox box = randomBox(active);
        for (int columns : new int[] {8, 16, 64, 256}) {
            List<String> wanted = random.nextInt(4) == 0 ? List.of(KEYS.get(random.nextInt(KEYS.size()))) : List.of();
            int level = 0;
            while (level > ClusterGrid.FINEST
                    && Math.scalb(1.0, level - 1)
                            >= Math.max(box.maxLng() - box.minLng(), box.maxLat() - box.minLat()) / columns) level--;
            while (Math.scalb(1.0, level)
                    < Math.max(box.maxLng() - box.minLng(), box.maxLat() - box.minLat()) / columns) level++;
            double cell = Math.scalb(1.0, Math.max(ClusterGrid.FINEST, Math.min(ClusterGrid.COARSEST, level)));
            long south = (long) Math.floor(box.minLat() / cell), north = (long) Math.floor(box.maxLat() / cell);
            long west = (long) Math.floor(box.minLng() / cell), east = (long) Math.floor(box.maxLng() / cell);
            Map<List<Long>, double[]> cells = new HashMap<>();
            for (StationRow r : active) {
                long row = (long) Math.floor(r.lat() / cell), col = (long) Math.floor(r.lng() / cell);
                if (row < south || row > north || col < west || col > east) continue;
                if (!r.amenities().containsAll(wanted)) continue;
                double[] c = cells.computeIfAbsent(List.of(row, col), k -> new double[3]);
                c[0]++;
                c[1] += r.lat();
                c[2] += r.lng();
            }
            List<double[]> expectedClusters = cells.values().stream()
                    .map(c -> new double[] {c[0], c[1] / c[0], c[2] / c[0]})
                    .sorted(Comparator.comparingLong((double[] c) -> micro(c[1]))
                            .thenComparingLong(c -> micro(c[2])))
                    .toList();
            List<StationIndex.Cluster> actualClusters = index
                    .clusters(
                            ClusterGrid.Cells.of(box.minLat(), box.minLng(), box.maxLat(), box.maxLng(), columns),
                            bits.of(wanted))
                    .stream()
                    .sorted(Comparator.comparingLong((StationIndex.Cluster c) -> micro(c.lat()))
                            .thenComparingLong(c -> micro(c.lng())))
                    .toList();
            String boxAs = String.format("seed %d, box %s, %d columns, %s", TestRandom.SEED, box, columns, wanted);
            assertThat(actualClusters).as(boxAs).hasSize(expectedClusters.size());
            assertThat(north - south + 1).as(boxAs).isLessThanOrEqualTo(columns + 1);
            for (int i = 0; i < actualClusters.size(); i++) {
                StationIndex.Cluster actual = actualClusters.get(i);
                double[] expected = expectedClusters.get(i);
                String as = boxAs + ", cluster " + actual;
                assertThat((double) actual.count()).as(as).isEqualTo(expected[0]);
                assertThat(actual.lat()).as(as).isCloseTo(expected[1], org.assertj.core.data.Offset.offset(1e-9));
                assertThat(actual.lng()).as(as).isCloseTo(expected[2], org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        long inBox = active.stream().filter(r -> inside(box, r)).count();
        long[] points = {0};
        index.visitPoints(box.minLng(), box.minLat(), box.maxLng(), box.maxLat(), (lat, lng) -> points[0]++);
        assertThat(points[0]).isEqualTo(inBox);
    }

    private static List<StationRow> active(Map<Long, StationRow> register) {
        return register.values().stream()
                .filter(r -> r.status().equals("active"))
                .toList();
    }

    /**
     * Microdegrees, to sort clusters: centres summed in another order differ in the last bits, and
     * cells along the poles share a latitude (-90.00000000000001 against -90.0 reordered them).
     */
    private static long micro(double degrees) {
        return Math.round(degrees * 1e6);
    }

    private static boolean inside(Bbox b, StationRow r) {
        return r.lat() >= b.minLat() && r.lat() <= b.maxLat() && r.lng() >= b.minLng() && r.lng() <= b.maxLng();
    }

    /** Clustered around a few cities plus some anywhere, including both sides of the antimeridian. */
    private List<StationRow> worldwide(int n) {
        List<StationRow> rows = new ArrayList<>();
        for (long id = 1; id <= n; id++) rows.add(randomRow(random, id * 3, "active"));
        return rows;
    }

    private Bbox randomBox(List<StationRow> stations) {
        if (random.nextInt(5) == 0) return new Bbox(-180, -90, 180, 90);
        if (random.nextInt(3) == 0) {
            // Edges exactly on stations' coordinates: a closed box keeps those stations.
            StationRow a = stations.get(random.nextInt(stations.size())),
                    b = stations.get(random.nextInt(stations.size()));
            return new Bbox(
                    Math.min(a.lng(), b.lng()),
                    Math.min(a.lat(), b.lat()),
                    Math.max(a.lng(), b.lng()),
                    Math.max(a.lat(), b.lat()));
        }
        double lng = -180 + random.nextDouble() * 360, lat = -90 + random.nextDouble() * 180;
        double w = random.nextDouble() * (random.nextBoolean() ? 5 : 120), h = random.nextDouble() * 60;
        return new Bbox(lng, lat, Math.min(180, lng + w), Math.min(90, lat + h));
    }

    /** A station with every field exercised: nulls, non-vocabulary amenities, long text, far-off instants. */
    static StationRow randomRow(Random random, long id, String status) {
        double lat, lng;
        int where = random.nextInt(4);
        if (where == 0) {
            lat = -90 + random.nextDouble() * 180;
            lng = -180 + random.nextDouble() * 360;
        } else if (where == 1) {
            lat = -30 + random.nextDouble() * 60;
            lng = random.nextBoolean() ? 175 + random.nextDouble() * 5 : -180 + random.nextDouble() * 5;
        } else {
            lat = 39.5 + random.nextDouble() * 0.5;
            lng = 116 + random.nextDouble() * 0.5;
        }
        if (random.nextInt(50) == 0) lat = random.nextBoolean() ? 90 : -90;
        List<String> amenities = new ArrayList<>();
        for (String key : KEYS) if (random.nextInt(4) == 0) amenities.add(key);
        if (random.nextInt(10) == 0) java.util.Collections.shuffle(amenities, random);
        if (random.nextInt(20) == 0) amenities.add("not_in_the_vocabulary");
        String hours = random.nextBoolean() ? "24/7" : "Mo-Fr 0" + random.nextInt(10) + ":00-18:00";
        Instant created =
                Instant.ofEpochSecond(random.nextInt(2_000_000_000) - 100_000_000L, random.nextInt(1_000_000_000));
        return new StationRow(
                id,
                "code-" + id,
                random.nextBoolean() ? "驿站 " + id : "Station " + id + " ".repeat(random.nextInt(3)),
                random.nextBoolean() ? null : "Rest stop " + id,
                random.nextInt(30) == 0 ? "长".repeat(3_000) : "地址 " + random.nextInt(100),
                lat,
                lng,
                ADCODES[random.nextInt(ADCODES.length)],
                random.nextBoolean() ? "self_built" : "shared",
                "工会 " + random.nextInt(20),
                random.nextBoolean() ? "" : "张" + random.nextInt(10),
                "0473-" + random.nextInt(10_000_000),
                hours,
                hours.equals("24/7"),
                List.copyOf(amenities),
                status,
                nullable(random.nextInt(5) == 0 ? "reason " + random.nextInt(3) : null),
                random.nextBoolean() ? null : random.nextDouble() * 100,
                created,
                created.plusSeconds(random.nextInt(1_000_000)),
                random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(5),
                random.nextBoolean() ? null : created.plusNanos(random.nextLong(1_000_000_000_000L)),
                random.nextBoolean()
                        ? null
                        : Instant.parse("1970-01-01T00:00:00Z").minusNanos(random.nextInt(5)));
    }

    static @Nullable String nullable(@Nullable String s) {
        return s;
    }
}
