package org.yizhan.locator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.support.TestRandom;

/**
 * The suspended stations the OGC API pages from memory: after loads and batches of changes
 * (suspensions, reopenings, closures, moves, deletions), every page in both directions and every
 * count equal a brute force over what the register then holds.
 */
class SuspendedStationsTest {

    private static final List<String> KEYS = StationRecord.AMENITIES;
    private static final String[] STATUSES = {"active", "suspended", "closed"};

    private final Random random = TestRandom.current();
    private final SuspendedStations suspended = new SuspendedStations(new AmenityBits(KEYS));
    private final Map<Long, StationRow> register = new HashMap<>();

    @Test
    void pagesAndCountsMatchABruteForceThroughChanges() {
        for (long id = 1; id <= 3_000; id++) register.put(id, station(id));
        suspended.replaceAll(new ArrayList<>(register.values()));
        compare();
        for (int batch = 0; batch < 20; batch++) {
            List<Long> changed = new ArrayList<>();
            List<StationRow> current = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(60); i++) {
                long id = 1 + random.nextInt(3_200);
                changed.add(id);
                if (random.nextInt(8) == 0) {
                    register.remove(id);
                } else {
                    StationRow row = station(id);
                    register.put(id, row);
                    current.add(row);
                }
            }
            // Current rows of the changed ids: the last version of each, as the sync reads them.
            current.removeIf(r -> register.get(r.id()) != r);
            suspended.apply(changed, current);
            compare();
        }
    }

    private void compare() {
        List<StationRow> all = register.values().stream()
                .filter(r -> r.status().equals("suspended"))
                .sorted(Comparator.comparingLong(StationRow::id))
                .toList();
        assertThat(suspended.size()).as("seed %d", TestRandom.SEED).isEqualTo(all.size());
        for (int q = 0; q < 40; q++) {
            List<Bbox> boxes = new ArrayList<>();
            for (int b = random.nextInt(3); b > 0; b--) boxes.add(box());
            List<String> amenities =
                    random.nextInt(3) == 0 ? List.of(KEYS.get(random.nextInt(KEYS.size()))) : List.of();
            // Every test station is in 150302: "15" keeps all, "16" none.
            String prefix = random.nextInt(4) == 0 ? (random.nextBoolean() ? "15" : "16") : null;
            AmenityBits bits = new AmenityBits(KEYS);
            StationIndex.Window window = new StationIndex.Window(boxes, bits.of(amenities), prefix);
            List<StationRow> matching = all.stream()
                    .filter(r -> boxes.isEmpty() || boxes.stream().anyMatch(b -> inside(b, r)))
                    .filter(r -> r.amenities().containsAll(amenities))
                    .filter(r -> prefix == null || r.adcode().startsWith(prefix))
                    .toList();
            assertThat(suspended.count(window)).as("seed %d", TestRandom.SEED).isEqualTo(matching.size());
            long cursor = random.nextInt(3_300);
            int limit = 1 + random.nextInt(40);
            List<StationRow> after =
                    matching.stream().filter(r -> r.id() > cursor).limit(limit).toList();
            assertThat(suspended.page(window, cursor, limit, false))
                    .as("seed %d, after %d", TestRandom.SEED, cursor)
                    .isEqualTo(after);
            List<StationRow> below =
                    matching.stream().filter(r -> r.id() < cursor).toList();
            assertThat(suspended.page(window, cursor, limit, true))
                    .as("seed %d, before %d", TestRandom.SEED, cursor)
                    .isEqualTo(below.subList(Math.max(0, below.size() - limit), below.size()));
        }
    }

    private static boolean inside(Bbox b, StationRow r) {
        return r.lat() >= b.minLat() && r.lat() <= b.maxLat() && r.lng() >= b.minLng() && r.lng() <= b.maxLng();
    }

    private Bbox box() {
        if (random.nextInt(3) == 0 && !register.isEmpty()) {
            // A box whose corners are stations: the edges are inside (closed boxes, as the index compares).
            List<StationRow> rows = new ArrayList<>(register.values());
            StationRow a = rows.get(random.nextInt(rows.size()));
            StationRow b = rows.get(random.nextInt(rows.size()));
            return new Bbox(
                    Math.min(a.lng(), b.lng()),
                    Math.min(a.lat(), b.lat()),
                    Math.max(a.lng(), b.lng()),
                    Math.max(a.lat(), b.lat()));
        }
        double lat = 40.4 + random.nextDouble() * 0.3;
        double lng = 106.65 + random.nextDouble() * 0.35;
        return new Bbox(lng, lat, lng + random.nextDouble() * 0.15, lat + random.nextDouble() * 0.1);
    }

    private StationRow station(long id) {
        List<String> amenities = new ArrayList<>();
        for (String key : KEYS) if (random.nextInt(4) == 0) amenities.add(key);
        return StationIndexTest.row(
                id,
                40.4 + random.nextDouble() * 0.4,
                106.65 + random.nextDouble() * 0.5,
                STATUSES[random.nextInt(STATUSES.length)],
                amenities,
                random.nextInt(5));
    }
}
