package org.yizhan.locator.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.station.StationStatus;

/**
 * Suspended stations in memory, beside the active ones of {@link StationIndex}: the OGC API shows
 * active and suspended stations by default, and reading the suspended few from PostGIS on every
 * page (a query for the page and one for numberMatched) halved its throughput. Kept in step by
 * {@link StationIndexSync} from the same changes, reloads and repairs as the index.
 *
 * <p>Suspension is temporary and rare (3.5% of the benchmark's register), so this is a
 * sorted array rather than a tree: a window's boxes pick their band of latitudes by binary search
 * (a city's band holds a few dozen of the ~35,000 rows at 1,000,000 stations), and every change
 * rebuilds the arrays (milliseconds). A window without boxes scans them all.
 */
@Component
public class SuspendedStations {

    private static final String SUSPENDED = StationStatus.SUSPENDED.value();
    private static final Comparator<StationRow> BY_ID = Comparator.comparingLong(StationRow::id);

    private final AmenityBits bits;
    /** Replaced whole on every change, never modified. Null until the first load. */
    private volatile @Nullable Rows rows;

    /**
     * The rows in id order, and their positions in latitude order: a window's boxes select a thin
     * band of latitudes by binary search, so a city's page looks at a few dozen rows, not all.
     */
    private record Rows(StationRow[] rows, int[] byLat, double[] sortedLats) {
        static Rows of(StationRow[] sorted) {
            int[] byLat = java.util.stream.IntStream.range(0, sorted.length)
                    .boxed()
                    .sorted(Comparator.comparingDouble(i -> sorted[i].lat()))
                    .mapToInt(Integer::intValue)
                    .toArray();
            double[] lats = new double[sorted.length];
            for (int i = 0; i < sorted.length; i++) lats[i] = sorted[byLat[i]].lat();
            return new Rows(sorted, byLat, lats);
        }

        /** Positions (id order) of the rows matching the window, ascending. */
        int[] matching(StationIndex.Window window, AmenityBits bits) {
            java.util.BitSet found = new java.util.BitSet(rows.length);
            if (window.boxes().isEmpty()) {
                for (int i = 0; i < rows.length; i++) if (StationIndex.matches(window, bits, rows[i])) found.set(i);
                return found.stream().toArray();
            }
            for (Bbox box : window.boxes()) {
                for (int k = firstAtLeast(sortedLats, box.minLat());
                        k < sortedLats.length && sortedLats[k] <= box.maxLat();
                        k++) {
                    int i = byLat[k];
                    if (!found.get(i) && StationIndex.matches(window, bits, rows[i])) found.set(i);
                }
            }
            return found.stream().toArray();
        }

        private static int firstAtLeast(double[] sorted, double value) {
            int lo = 0, hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < value) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    SuspendedStations(AmenityBits bits) {
        this.bits = bits;
    }

    public boolean ready() {
        return rows != null;
    }

    int size() {
        Rows r = rows;
        return r == null ? 0 : r.rows.length;
    }

    /** Replaces everything with the register's suspended stations. */
    synchronized void replaceAll(List<StationRow> suspended) {
        StationRow[] sorted =
                suspended.stream().filter(r -> SUSPENDED.equals(r.status())).toArray(StationRow[]::new);
        Arrays.sort(sorted, BY_ID);
        rows = Rows.of(sorted);
    }

    /** Applies the current rows of changed stations; ids with no row were deleted. */
    synchronized void apply(Collection<Long> changedIds, List<StationRow> currentRows) {
        Rows r = rows;
        if (r == null) return;
        Map<Long, StationRow> byId = new TreeMap<>();
        for (StationRow row : r.rows) byId.put(row.id(), row);
        for (long id : changedIds) byId.remove(id);
        for (StationRow row : currentRows) {
            byId.remove(row.id());
            if (SUSPENDED.equals(row.status())) byId.put(row.id(), row);
        }
        rows = Rows.of(byId.values().toArray(StationRow[]::new));
    }

    /** As {@link StationIndex#page}, for the suspended stations. */
    List<StationRow> page(StationIndex.Window window, long cursorId, int limit, boolean descending) {
        Rows r = loaded();
        int[] matching = r.matching(window, bits);
        List<StationRow> out = new ArrayList<>(Math.min(limit, matching.length));
        if (!descending) {
            for (int k = 0; k < matching.length && out.size() < limit; k++)
                if (r.rows[matching[k]].id() > cursorId) out.add(r.rows[matching[k]]);
            return out;
        }
        for (int k = matching.length - 1; k >= 0 && out.size() < limit; k--)
            if (r.rows[matching[k]].id() < cursorId) out.add(r.rows[matching[k]]);
        java.util.Collections.reverse(out);
        return out;
    }

    long count(StationIndex.Window window) {
        return loaded().matching(window, bits).length;
    }

    private Rows loaded() {
        Rows r = rows;
        if (r == null) throw new IllegalStateException("suspended stations not loaded yet");
        return r;
    }
}
