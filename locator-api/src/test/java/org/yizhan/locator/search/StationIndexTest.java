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
import java.util.function.Predicate;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.support.TestRandom;

/**
 * The in-memory index with its overlay of recent changes, without Spring or PostGIS: after each
 * batch of moves, closures, deletions, new stations and amenity edits (enough of them to make the
 * index fold its overlay into a new snapshot in the background), nearest answers equal a brute
 * force over what the register then holds, measured independently with GeographicLib.
 */
class StationIndexTest {

    private static final List<String> KEYS = StationRecord.AMENITIES;

    private final Random random = TestRandom.current();
    private final StationIndex index = new StationIndex(new AmenityBits(KEYS));
    /** What the register holds: every station by id, whatever its status. */
    private final Map<Long, StationRow> register = new HashMap<>();

    private long nextId = 1;

    @Test
    void nearestMatchesABruteForceThroughOverlayChangesAndCompaction() {
        for (int i = 0; i < 1_500; i++) put(station(nextId++, "active"));
        index.replaceAll(active());
        check();

        for (int batch = 0; batch < 12; batch++) {
            Set<Long> changed = new LinkedHashSet<>();
            for (int i = 0; i < 250; i++) changed.add(change());
            List<StationRow> current =
                    changed.stream().map(register::get).filter(r -> r != null).toList();
            index.apply(changed, current);
            check();
        }
    }

    @Test
    void aStationThatLeavesAndComesBackIsFoundOnceAtItsNewPlace() {
        StationRow a = station(nextId++, "active");
        put(a);
        index.replaceAll(active());
        StationRow closed = with(a, a.lat(), a.lng(), "closed", a.amenities(), a.version() + 1);
        put(closed);
        index.apply(List.of(a.id()), List.of(closed));
        assertThat(index.nearest(a.lat(), a.lng(), 5, null, List.of(), r -> true))
                .isEmpty();

        StationRow back = with(a, a.lat() + 0.01, a.lng(), "active", a.amenities(), a.version() + 2);
        put(back);
        index.apply(List.of(a.id()), List.of(back));
        List<NearestHit> hits = index.nearest(a.lat(), a.lng(), 5, null, List.of(), r -> true);
        assertThat(hits).extracting(h -> h.station().lat()).containsExactly(back.lat());
        assertThat(index.size()).isEqualTo(1);
    }

    /** One random change to the register; returns the id it touched. */
    private long change() {
        int kind = random.nextInt(6);
        if (kind == 0 || register.isEmpty()) {
            StationRow added = station(nextId++, "active");
            put(added);
            return added.id();
        }
        List<Long> ids = new ArrayList<>(register.keySet());
        StationRow old = register.get(ids.get(random.nextInt(ids.size())));
        switch (kind) {
            case 1 -> register.remove(old.id()); // deleted outright
            case 2 ->
                put(with(
                        old,
                        old.lat(),
                        old.lng(),
                        random.nextBoolean() ? "closed" : "suspended",
                        old.amenities(),
                        old.version() + 1));
            case 3 -> put(with(old, old.lat(), old.lng(), "active", old.amenities(), old.version() + 1));
            case 4 -> put(with(old, lat(), lng(), old.status(), old.amenities(), old.version() + 1));
            default -> put(with(old, old.lat(), old.lng(), old.status(), amenities(), old.version() + 1));
        }
        return old.id();
    }

    private void check() {
        List<StationRow> active = active();
        assertThat(index.size()).as("seed %d", TestRandom.SEED).isEqualTo(active.size());
        for (int q = 0; q < 20; q++) {
            double lat = lat(), lng = lng();
            int limit = 1 + random.nextInt(12);
            List<String> wanted = random.nextInt(3) == 0 ? List.of(KEYS.get(random.nextInt(KEYS.size()))) : List.of();
            Double radius = random.nextInt(4) == 0 ? 2_000.0 + random.nextInt(8_000) : null;

            // Without a filter the index reads no row until the answer; with one it reads each candidate.
            boolean filtered = random.nextBoolean();
            Predicate<StationRow> accept = filtered ? r -> r.id() % 3 != 0 : StationIndex.ANY;

            List<NearestHit> hits = index.nearest(lat, lng, limit, radius, wanted, accept);

            List<Map.Entry<StationRow, Double>> expected = new ArrayList<>();
            for (StationRow row : active) {
                if (!row.amenities().containsAll(wanted) || !accept.test(row)) continue;
                double meters = Geodesic.WGS84.Inverse(lat, lng, row.lat(), row.lng()).s12;
                if (radius == null || meters <= radius) expected.add(Map.entry(row, meters));
            }
            expected.sort(Comparator.<Map.Entry<StationRow, Double>>comparingDouble(Map.Entry::getValue)
                    .thenComparing(e -> e.getKey().code()));
            List<String> expectedCodes =
                    expected.stream().limit(limit).map(e -> e.getKey().code()).toList();
            assertThat(hits)
                    .as(
                            "seed %d, query %f,%f limit %d %s radius %s filtered %s",
                            TestRandom.SEED, lat, lng, limit, wanted, radius, filtered)
                    .extracting(h -> h.station().code())
                    .containsExactlyElementsOf(expectedCodes);
            for (NearestHit hit : hits)
                assertThat(hit.station()).isEqualTo(register.get(hit.station().id()));
        }
        // Box scans (vector tiles) through the grid equal a scan of everything, closed edges included:
        // boxes from a street tile to wider than the whole area, some with a station on an edge.
        for (int q = 0; q < 20; q++) {
            double size = 0.002 * Math.pow(2, random.nextInt(9));
            double minLat = lat() - size / 2, minLng = lng() - size / 2, maxLat = minLat + size, maxLng = minLng + size;
            if (random.nextBoolean() && !active.isEmpty()) {
                StationRow edge = active.get(random.nextInt(active.size()));
                minLat = edge.lat();
                maxLng = edge.lng();
            }
            double a = minLat, b = minLng, c = maxLat, d = maxLng;
            List<Long> expected = active.stream()
                    .filter(r -> r.lat() >= a && r.lat() <= c && r.lng() >= b && r.lng() <= d)
                    .map(StationRow::id)
                    .sorted()
                    .toList();
            List<Long> visited = new ArrayList<>();
            index.visit(minLng, minLat, maxLng, maxLat, row -> visited.add(row.id()));
            assertThat(visited.stream().sorted().toList())
                    .as("seed %d, box %f,%f,%f,%f", TestRandom.SEED, minLng, minLat, maxLng, maxLat)
                    .isEqualTo(expected);
        }
    }

    private List<StationRow> active() {
        return register.values().stream()
                .filter(r -> r.status().equals("active"))
                .toList();
    }

    private void put(StationRow row) {
        register.put(row.id(), row);
    }

    /** Around Wuhai, about 30 km across, so limits and radii cut through many stations. */
    private double lat() {
        return 39.5 + random.nextDouble() * 0.3;
    }

    private double lng() {
        return 106.65 + random.nextDouble() * 0.35;
    }

    private List<String> amenities() {
        List<String> out = new ArrayList<>();
        for (String key : KEYS) if (random.nextInt(5) == 0) out.add(key);
        return out;
    }

    /** A new station; one in eight shares another's place, so equal distances are ordered by code. */
    private StationRow station(long id, String status) {
        if (!register.isEmpty() && random.nextInt(8) == 0) {
            StationRow other = register.get(1 + (long) random.nextInt((int) (nextId - 1)));
            if (other != null) return row(id, other.lat(), other.lng(), status, amenities(), 0);
        }
        return row(id, lat(), lng(), status, amenities(), 0);
    }

    private static StationRow with(
            StationRow old, double lat, double lng, String status, List<String> amenities, long version) {
        return row(old.id(), lat, lng, status, amenities, version);
    }

    static StationRow row(long id, double lat, double lng, String status, List<String> amenities, long version) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new StationRow(
                id,
                StationCode.of("150302", (int) id).value(),
                "站 " + id,
                null,
                "地址",
                lat,
                lng,
                "150302",
                "self_built",
                "工会",
                "张",
                "0473-1234567",
                "24/7",
                true,
                List.copyOf(amenities),
                status,
                null,
                null,
                t,
                t,
                version,
                null,
                null);
    }
}
