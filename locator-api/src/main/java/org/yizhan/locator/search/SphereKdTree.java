package org.yizhan.locator.search;

import java.util.concurrent.ForkJoinTask;
import java.util.function.IntPredicate;
import org.yizhan.locator.routing.MinHeap;

/**
 * A static k-d tree over points on the unit sphere (x, y, z), answering nearest-neighbour
 * queries incrementally: points come out in increasing chord distance, which orders them
 * exactly like great-circle distance. The caller stops the walk when it has what it needs, so
 * filters (amenities, open now) and exact re-ranking need no fixed candidate count.
 *
 * <p>Nodes live in flat arrays (no objects per node or point) so a million stations cost a few
 * tens of megabytes and the walk stays in cache.
 */
final class SphereKdTree {

    private static final int LEAF_SIZE = 16;
    /** Halves at least this large are built on another thread of the common pool. */
    private static final int PARALLEL_MIN = 1 << 15;

    /** Receives points in increasing distance; returns false to stop the walk. */
    interface Visitor {
        boolean visit(int slot, double chordSquared);
    }

    private int[] slots;
    /** True once {@link #renumbered()}: slot i is position i and {@code slots} is dropped. */
    private boolean identity;

    private final double[] xs, ys, zs;
    private int nodeCount;
    private int[] from = new int[0], to = new int[0], left = new int[0], right = new int[0];
    private double[] minX = new double[0], maxX = new double[0], minY = new double[0], maxY = new double[0];
    private double[] minZ = new double[0], maxZ = new double[0];
    private double[] minLat = new double[0], maxLat = new double[0], minLng = new double[0], maxLng = new double[0];
    /** Per node, the sums of its positions' latitudes and longitudes: a subtree's centre of mass without visiting it. */
    private double[] sumLat = new double[0], sumLng = new double[0];

    /** Builds the tree over the given slots; coordinates are indexed by slot (and copied). */
    SphereKdTree(int[] slotsToIndex, double[] x, double[] y, double[] z) {
        int n = slotsToIndex.length;
        slots = slotsToIndex.clone();
        xs = new double[n];
        ys = new double[n];
        zs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x[slots[i]];
            ys[i] = y[slots[i]];
            zs[i] = z[slots[i]];
        }
        build(n);
    }

    private SphereKdTree(double[] x, double[] y, double[] z) {
        int n = x.length;
        slots = new int[n];
        for (int i = 0; i < n; i++) slots[i] = i;
        xs = x;
        ys = y;
        zs = z;
        build(n);
    }

    /**
     * Builds the tree over all points by reordering {@code x, y, z} themselves, so no copy is
     * kept. {@link #order()} then says which original point each position holds; the caller
     * reorders its other columns the same way and calls {@link #renumbered()}, after which slot
     * i is position i and a walk of the tree reads memory in spatial order.
     */
    static SphereKdTree inPlace(double[] x, double[] y, double[] z) {
        return new SphereKdTree(x, y, z);
    }

    /** Position i holds original point {@code order()[i]} (before {@link #renumbered()}). */
    int[] order() {
        return slots;
    }

    /** The caller has reordered its columns into tree order: slots are now positions. */
    void renumbered() {
        identity = true;
        slots = new int[0];
    }

    private void build(int n) {
        // The shape depends on n alone, so the node arrays are allocated at their final size and
        // each half of a split knows where its nodes go: large halves can be built concurrently.
        int capacity = n == 0 ? 0 : nodes(n);
        from = new int[capacity];
        to = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        minX = new double[capacity];
        maxX = new double[capacity];
        minY = new double[capacity];
        maxY = new double[capacity];
        minZ = new double[capacity];
        maxZ = new double[capacity];
        if (n > 0) nodeCount = build(0, 0, n);
    }

    /** The number of nodes of a tree over n > 0 points: a leaf, or a node over two halves. */
    static int nodes(int n) {
        return n <= LEAF_SIZE ? 1 : 1 + nodes(n >>> 1) + nodes(n - (n >>> 1));
    }

    private int slot(int i) {
        return identity ? i : slots[i];
    }

    /**
     * Records each node's latitude and longitude range, for {@link #within}. Only for a tree
     * whose slots are positions ({@link #renumbered()}); {@code lat, lng} are in that order.
     */
    void boundLatLng(double[] lat, double[] lng) {
        if (!identity) throw new IllegalStateException("bounds need a renumbered tree");
        minLat = new double[nodeCount];
        maxLat = new double[nodeCount];
        minLng = new double[nodeCount];
        maxLng = new double[nodeCount];
        sumLat = new double[nodeCount];
        sumLng = new double[nodeCount];
        // Children come after their parent, so one backward pass sees children first.
        for (int node = nodeCount - 1; node >= 0; node--) {
            double a0 = Double.MAX_VALUE, a1 = -Double.MAX_VALUE, o0 = a0, o1 = a1, sa = 0, so = 0;
            if (left[node] < 0) {
                for (int i = from[node]; i < to[node]; i++) {
                    a0 = Math.min(a0, lat[i]);
                    a1 = Math.max(a1, lat[i]);
                    o0 = Math.min(o0, lng[i]);
                    o1 = Math.max(o1, lng[i]);
                    sa += lat[i];
                    so += lng[i];
                }
            } else {
                int l = left[node], r = right[node];
                a0 = Math.min(minLat[l], minLat[r]);
                a1 = Math.max(maxLat[l], maxLat[r]);
                o0 = Math.min(minLng[l], minLng[r]);
                o1 = Math.max(maxLng[l], maxLng[r]);
                sa = sumLat[l] + sumLat[r];
                so = sumLng[l] + sumLng[r];
            }
            minLat[node] = a0;
            maxLat[node] = a1;
            minLng[node] = o0;
            maxLng[node] = o1;
            sumLat[node] = sa;
            sumLng[node] = so;
        }
    }

    /** Receives positions from {@link #within}; returns false to stop. */
    interface PositionSink {
        boolean accept(int position);
    }

    /**
     * Hands every position whose latitude and longitude lie in the closed box to {@code sink}
     * (in tree order, not sorted), pruning subtrees by their ranges. Needs {@link #boundLatLng}.
     */
    void within(double[] lat, double[] lng, double south, double west, double north, double east, PositionSink sink) {
        if (nodeCount == 0) return;
        int[] stack = new int[128];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (misses(node, south, west, north, east)) continue;
            if (liesWithin(node, south, west, north, east)) {
                for (int i = from[node]; i < to[node]; i++) if (!sink.accept(i)) return;
            } else if (left[node] < 0) {
                for (int i = from[node]; i < to[node]; i++) {
                    if (lat[i] >= south && lat[i] <= north && lng[i] >= west && lng[i] <= east && !sink.accept(i))
                        return;
                }
            } else {
                if (top + 2 > stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                // Right first, so the left subtree is walked first (positions roughly ascending).
                stack[top++] = right[node];
                stack[top++] = left[node];
            }
        }
    }

    /** Says which cell of a grid a point falls in; the same cell for two corners means the whole box between. */
    interface Cells {
        int cell(double lat, double lng);
    }

    /** Receives counted groups from {@link #sumsWithin}: {@code count} positions whose coordinates add up to the sums. */
    interface SumSink {
        void add(int cell, int count, double sumLat, double sumLng);
    }

    /**
     * Counts the positions in the closed box per grid cell, as {@link #within} would hand them
     * out, but a subtree that lies in the box and in one cell is added whole from its stored sums
     * instead of point by point: a country-wide view of a million stations touches a few thousand
     * nodes. Needs {@link #boundLatLng}. {@code cells} must be monotonic in latitude and longitude
     * (a box's corners in one cell put the whole box there), as a grid of rows and columns is.
     */
    void sumsWithin(
            double[] lat,
            double[] lng,
            double south,
            double west,
            double north,
            double east,
            Cells cells,
            SumSink sink) {
        if (nodeCount == 0) return;
        int[] stack = new int[128];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (misses(node, south, west, north, east)) continue;
            boolean inside = liesWithin(node, south, west, north, east);
            int cell = inside ? cells.cell(minLat[node], minLng[node]) : -1;
            if (inside && cell == cells.cell(maxLat[node], maxLng[node])) {
                sink.add(cell, to[node] - from[node], sumLat[node], sumLng[node]);
            } else if (left[node] < 0) {
                for (int i = from[node]; i < to[node]; i++) {
                    if (lat[i] >= south && lat[i] <= north && lng[i] >= west && lng[i] <= east)
                        sink.add(cells.cell(lat[i], lng[i]), 1, lat[i], lng[i]);
                }
            } else {
                if (top + 2 > stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                stack[top++] = right[node];
                stack[top++] = left[node];
            }
        }
    }

    /**
     * About how many positions lie in the box (never fewer): subtrees no larger than
     * {@code grain} that meet the box count whole, so this touches a bounded number of nodes.
     */
    long estimateWithin(double south, double west, double north, double east, int grain) {
        if (nodeCount == 0) return 0;
        long count = 0;
        int[] stack = new int[128];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (misses(node, south, west, north, east)) continue;
            int size = to[node] - from[node];
            if (liesWithin(node, south, west, north, east) || size <= grain || left[node] < 0) {
                count += size;
            } else {
                if (top + 2 > stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                stack[top++] = right[node];
                stack[top++] = left[node];
            }
        }
        return count;
    }

    /** The node's latitude and longitude ranges do not meet the box. */
    private boolean misses(int node, double south, double west, double north, double east) {
        return minLat[node] > north || maxLat[node] < south || minLng[node] > east || maxLng[node] < west;
    }

    /** The node's latitude and longitude ranges lie wholly in the box. */
    private boolean liesWithin(int node, double south, double west, double north, double east) {
        return minLat[node] >= south && maxLat[node] <= north && minLng[node] >= west && maxLng[node] <= east;
    }

    int size() {
        return xs.length;
    }

    /**
     * Builds the subtree over positions [lo, hi) with its root at {@code node} and the rest of
     * its nodes after it in depth-first order (left subtree first); returns the next free node.
     */
    private int build(int node, int lo, int hi) {
        from[node] = lo;
        to[node] = hi;
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = x0, y1 = x1, z0 = x0, z1 = x1;
        for (int i = lo; i < hi; i++) {
            x0 = Math.min(x0, xs[i]);
            x1 = Math.max(x1, xs[i]);
            y0 = Math.min(y0, ys[i]);
            y1 = Math.max(y1, ys[i]);
            z0 = Math.min(z0, zs[i]);
            z1 = Math.max(z1, zs[i]);
        }
        minX[node] = x0;
        maxX[node] = x1;
        minY[node] = y0;
        maxY[node] = y1;
        minZ[node] = z0;
        maxZ[node] = z1;
        if (hi - lo <= LEAF_SIZE) {
            left[node] = -1;
            right[node] = -1;
            return node + 1;
        }
        double dx = x1 - x0, dy = y1 - y0, dz = z1 - z0;
        int axis = dx >= dy && dx >= dz ? 0 : dy >= dz ? 1 : 2;
        int mid = (lo + hi) >>> 1;
        select(lo, hi - 1, mid, axis);
        left[node] = node + 1;
        if (hi - lo < PARALLEL_MIN) {
            right[node] = build(node + 1, lo, mid);
            return build(right[node], mid, hi);
        }
        // The halves touch disjoint positions and nodes; join() publishes the other thread's writes.
        right[node] = node + 1 + nodes(mid - lo);
        ForkJoinTask<Integer> leftHalf =
                ForkJoinTask.adapt(() -> build(node + 1, lo, mid)).fork();
        int end = build(right[node], mid, hi);
        leftHalf.join();
        return end;
    }

    /** Quickselect: afterwards position k holds the k-th smallest along the axis, smaller ones before it. */
    private void select(int lo, int hi, int k, int axis) {
        while (hi > lo) {
            double pivot = coordinate((lo + hi) >>> 1, axis);
            int i = lo, j = hi;
            while (i <= j) {
                while (coordinate(i, axis) < pivot) i++;
                while (coordinate(j, axis) > pivot) j--;
                if (i <= j) swap(i++, j--);
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    private double coordinate(int i, int axis) {
        return axis == 0 ? xs[i] : axis == 1 ? ys[i] : zs[i];
    }

    private void swap(int i, int j) {
        int s = slots[i];
        slots[i] = slots[j];
        slots[j] = s;
        double t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
        t = ys[i];
        ys[i] = ys[j];
        ys[j] = t;
        t = zs[i];
        zs[i] = zs[j];
        zs[j] = t;
    }

    /**
     * Walks points accepted by {@code filter} in increasing distance from (qx, qy, qz), a unit
     * vector. Best-first search over one queue of nodes and points (Hjaltason and Samet), so the
     * next item is always the closest not yet visited.
     */
    void nearest(double qx, double qy, double qz, IntPredicate filter, Visitor visitor) {
        if (xs.length == 0) return;
        MinHeap queue = new MinHeap();
        queue.push(boxDistance(0, qx, qy, qz), ~0);
        while (!queue.isEmpty()) {
            double key = queue.topKey();
            int item = queue.pop();
            if (item >= 0) {
                if (!visitor.visit(slot(item), key)) return;
                continue;
            }
            int node = ~item;
            if (left[node] < 0) {
                for (int i = from[node]; i < to[node]; i++) {
                    if (!filter.test(slot(i))) continue;
                    double dx = xs[i] - qx, dy = ys[i] - qy, dz = zs[i] - qz;
                    queue.push(dx * dx + dy * dy + dz * dz, i);
                }
            } else {
                queue.push(boxDistance(left[node], qx, qy, qz), ~left[node]);
                queue.push(boxDistance(right[node], qx, qy, qz), ~right[node]);
            }
        }
    }

    /** Squared distance from the query to a node's bounding box: a lower bound for its points. */
    private double boxDistance(int node, double qx, double qy, double qz) {
        double dx = Math.max(0, Math.max(minX[node] - qx, qx - maxX[node]));
        double dy = Math.max(0, Math.max(minY[node] - qy, qy - maxY[node]));
        double dz = Math.max(0, Math.max(minZ[node] - qz, qz - maxZ[node]));
        return dx * dx + dy * dy + dz * dz;
    }
}
