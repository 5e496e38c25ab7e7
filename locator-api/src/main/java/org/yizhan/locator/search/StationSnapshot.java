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

    /**
     * A grid over the stations' extent for box scans (vector tiles): the slots of each cell, cell
     * by cell, in slot order within a cell. A street-zoom tile then reads a cell or four instead of
     * every station (a full scan of a million stations cost ~15 ms a tile).
     */
    private final double gridLat0, gridLng0, cellDegrees;

    private final int gridRows, gridColumns;
    private final int[] cellStart, slotsByCell;

    /** About this many stations a cell on average at most, and at most this many cells. */
    private static final int MAX_CELLS = 1 << 20;

    private static final double FINEST_CELL_DEGREES = 0.02;

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
        double minLat = 90, maxLat = -90, minLng = 180, maxLng = -180;
        for (int i = 0; i < n; i++) {
            minLat = Math.min(minLat, lats[i]);
            maxLat = Math.max(maxLat, lats[i]);
            minLng = Math.min(minLng, lngs[i]);
            maxLng = Math.max(maxLng, lngs[i]);
        }
        if (n == 0) minLat = maxLat = minLng = maxLng = 0;
        double height = maxLat - minLat, width = maxLng - minLng;
        double cell = Math.max(FINEST_CELL_DEGREES, Math.sqrt(Math.max(height * width, 0) / MAX_CELLS));
        while ((Math.floor(height / cell) + 1) * (Math.floor(width / cell) + 1) > MAX_CELLS) cell *= 1.25;
        gridLat0 = minLat;
        gridLng0 = minLng;
        cellDegrees = cell;
        gridRows = (int) Math.floor(height / cell) + 1;
        gridColumns = (int) Math.floor(width / cell) + 1;
        cellStart = new int[gridRows * gridColumns + 1];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            cellOf[i] = row(lats[i]) * gridColumns + column(lngs[i]);
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < gridRows * gridColumns; c++) cellStart[c + 1] += cellStart[c];
        slotsByCell = new int[n];
        int[] next = Arrays.copyOf(cellStart, cellStart.length - 1);
        for (int i = 0; i < n; i++) slotsByCell[next[cellOf[i]]++] = i;
    }

    private int row(double lat) {
        return Math.max(0, Math.min(gridRows - 1, (int) Math.floor((lat - gridLat0) / cellDegrees)));
    }

    private int column(double lng) {
        return Math.max(0, Math.min(gridColumns - 1, (int) Math.floor((lng - gridLng0) / cellDegrees)));
    }

    /** Every slot whose station lies in the box (edges included), cell by cell. */
    void inBox(double minLng, double minLat, double maxLng, double maxLat, java.util.function.IntConsumer slot) {
        if (rows.length == 0 || minLat > maxLat || minLng > maxLng) return;
        int r0 = row(minLat), r1 = row(maxLat), c0 = column(minLng), c1 = column(maxLng);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cellIndex = r * gridColumns + c;
                for (int k = cellStart[cellIndex]; k < cellStart[cellIndex + 1]; k++) {
                    int i = slotsByCell[k];
                    double lat = lats[i], lng = lngs[i];
                    if (lat >= minLat && lat <= maxLat && lng >= minLng && lng <= maxLng) slot.accept(i);
                }
            }
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
