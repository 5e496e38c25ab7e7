package org.yizhan.locator.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fixed grid that zoomed-out views are counted on. A cell is {@code 2^e} degrees square and
 * aligned to multiples of its size (the level {@code e} follows from the view and the columns
 * asked for), so a cluster stays where it was while the map pans, and an answer lists every
 * cell that meets the box, whole. Because the cells do not depend on the box, the coarse levels
 * ({@link #FINEST_SUMMED} and up) are summed once per snapshot ({@link Levels}); a country view
 * reads a few hundred precomputed cells instead of walking the tree.
 */
final class ClusterGrid {

    /** The finest level summed once per snapshot: 1/64° (about 1.7 km) cells, a region's view. */
    static final int FINEST_SUMMED = -6;

    /** The coarsest level: 64° cells; a world view of 8 columns needs no more. */
    static final int COARSEST = 6;

    /** The finest level at all: about 10 cm, below any real pair of stations. */
    static final int FINEST = -20;

    /** Keeps a packed cell's row and column positive, so keys sort row by row. */
    private static final long OFFSET = 1L << 30;

    /**
     * The cells that meet a closed box, at the finest level whose cells are at least the box's
     * longer side over {@code columns}: never more than {@code columns + 1} cells a side, and at
     * least half as many as asked. Two boxes with the same cells get the same answer.
     */
    record Cells(int level, int row0, int col0, int rows, int cols) {

        static Cells of(double minLat, double minLng, double maxLat, double maxLng, int columns) {
            int level = levelFor(Math.max(maxLng - minLng, maxLat - minLat) / columns);
            double cell = Math.scalb(1.0, level);
            int row0 = index(minLat, cell), col0 = index(minLng, cell);
            return new Cells(level, row0, col0, index(maxLat, cell) - row0 + 1, index(maxLng, cell) - col0 + 1);
        }
    }

    final int level;
    final double cell;
    /** The first row and column of the cells, and how many. */
    final int row0, col0, rows, cols;

    private final double[] sumLat, sumLng;
    private final int[] count;

    ClusterGrid(Cells cells) {
        this.level = cells.level();
        this.cell = Math.scalb(1.0, level);
        this.row0 = cells.row0();
        this.col0 = cells.col0();
        this.rows = cells.rows();
        this.cols = cells.cols();
        int n = Math.multiplyExact(rows, cols);
        sumLat = new double[n];
        sumLng = new double[n];
        count = new int[n];
    }

    /** The level of cells of at least {@code wanted} degrees (powers of two divide exactly). */
    static int levelFor(double wanted) {
        int e = Math.getExponent(Math.max(wanted, Double.MIN_NORMAL));
        if (Math.scalb(1.0, e) < wanted) e++;
        return Math.max(FINEST, Math.min(COARSEST, e));
    }

    /** The row (of a latitude) or column (of a longitude) on a grid of {@code cell} degrees. */
    static int index(double degrees, double cell) {
        return (int) Math.floor(degrees / cell);
    }

    /** Whether the cells are coarse enough to be read from the snapshot's {@link Levels}. */
    boolean summed() {
        return level >= FINEST_SUMMED;
    }

    /** South, west, north and east of the cells that meet the box (closed; the far edges belong to the next cells). */
    double south() {
        return row0 * cell;
    }

    double west() {
        return col0 * cell;
    }

    double north() {
        return Math.nextDown((row0 + rows) * cell);
    }

    double east() {
        return Math.nextDown((col0 + cols) * cell);
    }

    /** The answer's cell of a point in {@code south()..north()} and {@code west()..east()}. */
    int cellOf(double lat, double lng) {
        return (index(lat, cell) - row0) * cols + index(lng, cell) - col0;
    }

    /** Adds a station if it lies in the cells; {@code n = -1} takes one out again. */
    void add(double lat, double lng, int n) {
        int r = index(lat, cell) - row0, c = index(lng, cell) - col0;
        if (r < 0 || r >= rows || c < 0 || c >= cols) return;
        add(r * cols + c, n, n * lat, n * lng);
    }

    void add(int i, int n, double lats, double lngs) {
        sumLat[i] += lats;
        sumLng[i] += lngs;
        count[i] += n;
    }

    /** Adds this grid's cells from a snapshot's precomputed level. */
    void addSummed(Levels levels) {
        Levels.Level l = levels.level(level);
        for (int r = 0; r < rows; r++) {
            long first = key(row0 + r, col0), last = key(row0 + r, col0 + cols - 1);
            int at = Arrays.binarySearch(l.keys, first);
            for (int i = at >= 0 ? at : -at - 1; i < l.keys.length && l.keys[i] <= last; i++) {
                int c = colOf(l.keys[i]) - col0;
                add(r * cols + c, l.counts[i], l.sumLat[i], l.sumLng[i]);
            }
        }
    }

    /** One cluster per cell with stations, at their centre of mass. */
    List<StationIndex.Cluster> clusters() {
        List<StationIndex.Cluster> out = new ArrayList<>();
        for (int i = 0; i < count.length; i++) {
            if (count[i] > 0) out.add(new StationIndex.Cluster(sumLat[i] / count[i], sumLng[i] / count[i], count[i]));
        }
        return out;
    }

    private static long key(int row, int col) {
        return (row + OFFSET) << 32 | (col + OFFSET);
    }

    private static int rowOf(long key) {
        return (int) ((key >>> 32) - OFFSET);
    }

    private static int colOf(long key) {
        return (int) ((key & 0xffffffffL) - OFFSET);
    }

    /**
     * A snapshot's stations summed per cell at every level from {@link #FINEST_SUMMED} to
     * {@link #COARSEST}: sorted packed cells with their counts and coordinate sums. The finest level
     * is at most one entry per station; each coarser one at most a quarter of the one below.
     */
    static final class Levels {

        record Level(long[] keys, int[] counts, double[] sumLat, double[] sumLng) {}

        private final Level[] levels = new Level[COARSEST - FINEST_SUMMED + 1];

        Levels(double[] lats, double[] lngs) {
            double cell = Math.scalb(1.0, FINEST_SUMMED);
            long[] keys = new long[lats.length];
            for (int i = 0; i < lats.length; i++) keys[i] = key(index(lats[i], cell), index(lngs[i], cell));
            Level level = merge(keys, null, lats, lngs);
            levels[0] = level;
            for (int e = FINEST_SUMMED + 1; e <= COARSEST; e++) {
                long[] parents = new long[level.keys.length];
                for (int i = 0; i < parents.length; i++) {
                    parents[i] = key(rowOf(level.keys[i]) >> 1, colOf(level.keys[i]) >> 1);
                }
                level = merge(parents, level.counts, level.sumLat, level.sumLng);
                levels[e - FINEST_SUMMED] = level;
            }
        }

        Level level(int e) {
            return levels[e - FINEST_SUMMED];
        }

        /** Entries with equal keys summed, sorted by key; {@code counts == null} counts one each. */
        private static Level merge(long[] keys, int @Nullable [] counts, double[] lats, double[] lngs) {
            long[] sorted = keys.clone();
            Arrays.sort(sorted);
            int n = 0;
            for (int i = 0; i < sorted.length; i++) if (n == 0 || sorted[n - 1] != sorted[i]) sorted[n++] = sorted[i];
            long[] unique = Arrays.copyOf(sorted, n);
            int[] c = new int[n];
            double[] a = new double[n], b = new double[n];
            for (int i = 0; i < keys.length; i++) {
                int j = Arrays.binarySearch(unique, keys[i]);
                c[j] += counts == null ? 1 : counts[i];
                a[j] += lats[i];
                b[j] += lngs[i];
            }
            return new Level(unique, c, a, b);
        }
    }
}
