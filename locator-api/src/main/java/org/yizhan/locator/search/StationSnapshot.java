package org.yizhan.locator.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yizhan.locator.station.StationRow;

/**
 * An immutable in-memory copy of the active stations, sorted by id, with a k-d tree over all of
 * them and one per rare amenity. A rare-amenity query then walks only stations that have it,
 * as a partial index does in PostgreSQL, instead of skipping past 99 others for each hit.
 */
final class StationSnapshot {

    /** An amenity on fewer than this share of stations gets a tree of its own. */
    static final double RARE_SHARE = 0.25;

    final StationRow[] rows;
    final long[] ids;
    final long[] amenityBits;
    final double[] x, y, z;
    /** Plain coordinates in slot order, for scans (clusters) that would otherwise chase row objects. */
    final double[] lats, lngs;

    final SphereKdTree all;
    final Map<Integer, SphereKdTree> byRareAmenity;

    StationSnapshot(List<StationRow> activeRows, AmenityBits bits) {
        rows = activeRows.toArray(StationRow[]::new);
        Arrays.sort(rows, (a, b) -> Long.compare(a.id(), b.id()));
        int n = rows.length;
        ids = new long[n];
        amenityBits = new long[n];
        x = new double[n];
        y = new double[n];
        z = new double[n];
        lats = new double[n];
        lngs = new double[n];
        int[] counts = new int[AmenityBits.MAX];
        for (int i = 0; i < n; i++) {
            StationRow row = rows[i];
            ids[i] = row.id();
            amenityBits[i] = bits.of(row.amenities());
            for (int b = 0; b < AmenityBits.MAX; b++) if ((amenityBits[i] & (1L << b)) != 0) counts[b]++;
            lats[i] = row.lat();
            lngs[i] = row.lng();
            double[] v = UnitVectors.of(row.lat(), row.lng());
            x[i] = v[0];
            y[i] = v[1];
            z[i] = v[2];
        }
        int[] everyone = new int[n];
        for (int i = 0; i < n; i++) everyone[i] = i;
        all = new SphereKdTree(everyone, x, y, z);
        byRareAmenity = new HashMap<>();
        for (int b = 0; b < AmenityBits.MAX; b++) {
            if (counts[b] == 0 || counts[b] >= RARE_SHARE * n) continue;
            int[] having = new int[counts[b]];
            int k = 0;
            for (int i = 0; i < n; i++) if ((amenityBits[i] & (1L << b)) != 0) having[k++] = i;
            byRareAmenity.put(b, new SphereKdTree(having, x, y, z));
        }
    }

    int size() {
        return rows.length;
    }

    /** The slot of a station id, or -1. */
    int slotOf(long id) {
        int slot = Arrays.binarySearch(ids, id);
        return slot >= 0 ? slot : -1;
    }
}
