package org.yizhan.locator.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.station.StationStatus;

/**
 * Active stations in memory for nearest queries: PostGIS stays the system of record, this is a
 * copy kept in step by {@link StationIndexSync}. A large immutable snapshot plus a small
 * overlay of recent changes; when the overlay grows, a new snapshot is built in the background.
 *
 * <p>Results are exact k-nearest on the WGS-84 ellipsoid, by the same argument as
 * {@link NearestSearch}: the tree hands out stations in sphere order, each is measured on the
 * ellipsoid, and the walk stops once no station still in the tree can beat the k-th.
 */
@Component
public class StationIndex {

    private static final Logger log = LoggerFactory.getLogger(StationIndex.class);
    private static final int OVERLAY_LIMIT = 2_000;

    /** The filter of a nearest query without one: no station's row needs reading to pass it. */
    static final Predicate<StationRow> ANY = row -> true;

    private record State(StationSnapshot base, Map<Long, StationRow> upserts, Set<Long> removed) {
        boolean hidesBase(long id) {
            return removed.contains(id) || upserts.containsKey(id);
        }
    }

    private final AmenityBits bits;
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "station-index-rebuild");
        t.setDaemon(true);
        return t;
    });
    private volatile @Nullable State state;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private boolean rebuilding;

    StationIndex(AmenityBits bits) {
        this.bits = bits;
    }

    public boolean ready() {
        return state != null;
    }

    int size() {
        State s = state;
        if (s == null) return 0;
        int hidden = 0;
        for (long id : s.upserts.keySet()) if (s.base.slotOf(id) >= 0) hidden++;
        for (long id : s.removed) if (s.base.slotOf(id) >= 0) hidden++;
        return s.base.size() - hidden + s.upserts.size();
    }

    /** Replaces everything, e.g. after start-up or a bulk load. */
    void replaceAll(List<StationRow> activeRows) {
        replaceAll(StationSnapshot.of(activeRows, bits));
    }

    /** Replaces everything with a snapshot read straight from the database ({@link StationLoader}). */
    synchronized void replaceAll(StationSnapshot snapshot) {
        state = new State(snapshot, Map.of(), Set.of());
        version.incrementAndGet();
        // The zoomed-out views' per-cell sums (~0.3 s at 10^6), made off the request path.
        rebuilder.execute(snapshot::clusterLevels);
        log.info(
                "Station index holds {} active stations in {} MB of arrays and records",
                snapshot.size(),
                snapshot.bytes() >> 20);
    }

    AmenityBits bits() {
        return bits;
    }

    /**
     * Applies the current rows of changed stations; ids with no row were deleted. Stations that
     * are no longer active leave the index.
     */
    synchronized void apply(Collection<Long> changedIds, List<StationRow> currentRows) {
        State s = state;
        if (s == null) return;
        Map<Long, StationRow> upserts = new HashMap<>(s.upserts);
        Set<Long> removed = new HashSet<>(s.removed);
        Set<Long> seen = new HashSet<>();
        for (StationRow row : currentRows) {
            seen.add(row.id());
            if (StationStatus.ACTIVE.value().equals(row.status())) {
                upserts.put(row.id(), row);
                removed.remove(row.id());
            } else {
                upserts.remove(row.id());
                removed.add(row.id());
            }
        }
        for (long id : changedIds) {
            if (!seen.contains(id)) {
                upserts.remove(id);
                removed.add(id);
            }
        }
        state = new State(s.base, Map.copyOf(upserts), Set.copyOf(removed));
        version.incrementAndGet();
        if (upserts.size() + removed.size() > OVERLAY_LIMIT && !rebuilding) {
            rebuilding = true;
            rebuilder.execute(this::compact);
        }
    }

    /** Folds the overlay into a new snapshot without stopping queries. */
    private void compact() {
        State captured = state;
        if (captured == null) return;
        StationSnapshot base = captured.base;
        StationSnapshot.Builder merged =
                new StationSnapshot.Builder(bits, base.dictionaries.copy(), base.size() + captured.upserts.size());
        for (int slot = 0; slot < base.size(); slot++) {
            if (!captured.hidesBase(base.ids[slot])) merged.add(base.row(slot));
        }
        for (StationRow row : captured.upserts.values()) merged.add(row);
        StationSnapshot fresh = merged.build();
        fresh.clusterLevels();
        synchronized (this) {
            State now = state;
            if (now == null) return;
            // Keep only the changes that arrived while the new snapshot was being built.
            Map<Long, StationRow> upserts = new HashMap<>(now.upserts);
            upserts.entrySet().removeIf(e -> captured.upserts.get(e.getKey()) == e.getValue());
            Set<Long> removed = new HashSet<>(now.removed);
            removed.removeAll(captured.removed);
            state = new State(fresh, Map.copyOf(upserts), Set.copyOf(removed));
            rebuilding = false;
        }
    }

    /**
     * The {@code limit} nearest stations having all {@code amenities} and passing {@code accept},
     * within {@code radiusMeters} if given, sorted by ellipsoid distance then code.
     */
    List<NearestHit> nearest(
            double lat,
            double lng,
            int limit,
            @Nullable Double radiusMeters,
            List<String> amenities,
            Predicate<StationRow> accept) {
        State s = loaded();
        if (limit <= 0) return new ArrayList<>();
        long required = bits.of(amenities);
        SphereKdTree tree = s.base.all;
        for (String key : amenities) {
            SphereKdTree rare = s.base.byRareAmenity.get(bits.bit(key));
            if (rare != null && rare.size() < tree.size()) tree = rare;
        }
        double[] q = UnitVectors.of(lat, lng);
        double sphereLimit =
                radiusMeters == null ? Double.POSITIVE_INFINITY : radiusMeters / (1 - NearestSearch.SPHERE_ERROR);
        StationSnapshot base = s.base;
        // Base stations are kept as slots: a row is decoded only for the stations answered, and for
        // the filter when there is one (decoding every candidate was a third of the search's time).
        NearestSlots found = new NearestSlots(base, limit);
        boolean filtered = accept != ANY;
        boolean overlay = !s.upserts.isEmpty() || !s.removed.isEmpty();
        tree.nearest(
                q[0],
                q[1],
                q[2],
                slot -> (base.amenityBits[slot] & required) == required && (!overlay || !s.hidesBase(base.ids[slot])),
                (slot, chordSquared) -> {
                    double sphere = UnitVectors.sphereMeters(chordSquared);
                    if (sphere > sphereLimit) return false;
                    if (found.full() && found.kthMeters() < sphere * (1 - NearestSearch.SPHERE_ERROR)) return false;
                    double meters = ellipsoidMeters(lat, lng, base.lats[slot], base.lngs[slot]);
                    if (radiusMeters != null && meters > radiusMeters) return true;
                    // Only a station at least as near as the k-th can enter (equal: by code).
                    if (found.full() && meters > found.kthMeters()) return true;
                    if (!filtered || accept.test(base.row(slot))) found.offer(slot, meters);
                    return true;
                });
        List<NearestHit> best = found.hits();
        if (!overlay) return best;
        Comparator<NearestHit> order = Comparator.comparingDouble(NearestHit::distanceMeters)
                .thenComparing(h -> h.station().code());
        for (StationRow row : s.upserts.values()) {
            if ((bits.of(row.amenities()) & required) != required || !accept.test(row)) continue;
            offer(best, new NearestHit(row, ellipsoidMeters(lat, lng, row)), limit, order, radiusMeters);
        }
        return best;
    }

    /**
     * The nearest base stations found so far as slots, sorted by distance and then code (a code is
     * read from the snapshot only to break a tie), at most {@code limit} of them.
     */
    private static final class NearestSlots {
        private final StationSnapshot base;
        private final int[] slots;
        private final double[] meters;
        private int size;

        NearestSlots(StationSnapshot base, int limit) {
            this.base = base;
            this.slots = new int[limit];
            this.meters = new double[limit];
        }

        boolean full() {
            return size == slots.length;
        }

        double kthMeters() {
            return meters[size - 1];
        }

        void offer(int slot, double distance) {
            int at = size;
            while (at > 0 && before(slot, distance, at - 1)) at--;
            if (at == slots.length) return;
            int moved = Math.min(size, slots.length - 1) - at;
            System.arraycopy(slots, at, slots, at + 1, moved);
            System.arraycopy(meters, at, meters, at + 1, moved);
            slots[at] = slot;
            meters[at] = distance;
            if (size < slots.length) size++;
        }

        /** Whether the station at {@code slot}, {@code distance} away, goes before the i-th kept. */
        private boolean before(int slot, double distance, int i) {
            if (distance != meters[i]) return distance < meters[i];
            return base.code(slot).compareTo(base.code(slots[i])) < 0;
        }

        List<NearestHit> hits() {
            List<NearestHit> hits = new ArrayList<>(slots.length + 1);
            for (int i = 0; i < size; i++) hits.add(new NearestHit(base.row(slots[i]), meters[i]));
            return hits;
        }
    }

    /** One cell of a zoomed-out view: how many stations, and where their centre of mass is. */
    record Cluster(double lat, double lng, int count) {}

    /**
     * Active stations counted per cell of the fixed {@link ClusterGrid} (about {@code columns}
     * cells across the box's longer side), every cell that meets the box counted whole. Coarse
     * levels without an amenity filter read the snapshot's precomputed sums; finer ones add whole
     * subtrees by their sums; a filter looks at each station.
     */
    List<Cluster> clusters(ClusterGrid.Cells cells, long requiredAmenities) {
        State s = loaded();
        ClusterGrid grid = new ClusterGrid(cells);
        StationSnapshot base = s.base;
        boolean overlay = !s.upserts.isEmpty() || !s.removed.isEmpty();
        if (requiredAmenities == 0) {
            // The base's sums, then the overlay's few changes: base stations it hides are taken
            // out again, its current rows added.
            if (grid.summed()) grid.addSummed(base.clusterLevels());
            else
                base.all.sumsWithin(
                        base.lats,
                        base.lngs,
                        grid.south(),
                        grid.west(),
                        grid.north(),
                        grid.east(),
                        grid::cellOf,
                        grid::add);
            if (overlay) {
                for (long id : s.upserts.keySet()) subtract(grid, base, base.slotOf(id));
                for (long id : s.removed) subtract(grid, base, base.slotOf(id));
            }
        } else {
            base.all.within(base.lats, base.lngs, grid.south(), grid.west(), grid.north(), grid.east(), slot -> {
                if ((base.amenityBits[slot] & requiredAmenities) != requiredAmenities) return true;
                if (overlay && s.hidesBase(base.ids[slot])) return true;
                grid.add(base.lats[slot], base.lngs[slot], 1);
                return true;
            });
        }
        for (StationRow row : s.upserts.values()) {
            if ((bits.of(row.amenities()) & requiredAmenities) == requiredAmenities) grid.add(row.lat(), row.lng(), 1);
        }
        return grid.clusters();
    }

    /** Takes a base station (if {@code slot} is one) out of the grid again. */
    private static void subtract(ClusterGrid grid, StationSnapshot base, int slot) {
        if (slot >= 0) grid.add(base.lats[slot], base.lngs[slot], -1);
    }

    /** Receives stations from {@link #visit}. */
    public interface Visitor {
        void station(StationRow row);
    }

    /**
     * Hands every active station whose longitude and latitude lie in the closed box to
     * {@code visitor}, once each. One pass over memory, for vector tiles; the caller decides
     * edges exactly (tiles are half-open), this only narrows.
     */
    public void visit(double minLng, double minLat, double maxLng, double maxLat, Visitor visitor) {
        State s = loaded();
        StationSnapshot base = s.base;
        walk(s, minLng, minLat, maxLng, maxLat, slot -> visitor.station(base.row(slot)), visitor::station);
    }

    /** Receives coordinates from {@link #visitPoints}. */
    public interface PointVisitor {
        void point(double lat, double lng);
    }

    /**
     * Like {@link #visit}, but hands over only each station's coordinates: nothing is decoded, so
     * counting a million stations into clusters reads two arrays.
     */
    public void visitPoints(double minLng, double minLat, double maxLng, double maxLat, PointVisitor visitor) {
        State s = loaded();
        StationSnapshot base = s.base;
        walk(
                s,
                minLng,
                minLat,
                maxLng,
                maxLat,
                slot -> visitor.point(base.lats[slot], base.lngs[slot]),
                row -> visitor.point(row.lat(), row.lng()));
    }

    /** The state of a loaded index; searches before the first load are a programming error. */
    private State loaded() {
        State s = state;
        if (s == null) throw new IllegalStateException("index not loaded");
        return s;
    }

    /**
     * The box walk of {@link #visit} and {@link #visitPoints}: the base's slots in the box that the
     * overlay does not hide, then the overlay's own stations in the box.
     */
    private static void walk(
            State s,
            double minLng,
            double minLat,
            double maxLng,
            double maxLat,
            IntConsumer baseSlot,
            Consumer<StationRow> upserted) {
        StationSnapshot base = s.base;
        boolean overlay = !s.upserts.isEmpty() || !s.removed.isEmpty();
        base.all.within(base.lats, base.lngs, minLat, minLng, maxLat, maxLng, slot -> {
            if (!overlay || !s.hidesBase(base.ids[slot])) baseSlot.accept(slot);
            return true;
        });
        for (StationRow row : s.upserts.values()) {
            if (row.lat() >= minLat && row.lat() <= maxLat && row.lng() >= minLng && row.lng() <= maxLng)
                upserted.accept(row);
        }
    }

    /**
     * What a viewport matches in memory: active stations in any of {@code boxes} (closed, WGS-84;
     * none = anywhere), having all {@code requiredAmenities}, with an adcode starting with
     * {@code adcodePrefix} if given.
     */
    record Window(
            List<Bbox> boxes,
            long requiredAmenities,
            @Nullable String adcodePrefix) {}

    /**
     * Up to {@code limit} matching stations with ids above {@code afterId}, ascending; or, when
     * {@code descending}, those with ids just below {@code afterId}, also returned ascending. The
     * same rows as the keyset query on PostGIS would give for the same register.
     */
    List<StationRow> page(Window window, long afterId, int limit, boolean descending) {
        State s = loaded();
        StationSnapshot base = s.base;
        IdHeap heap = new IdHeap(limit, descending);
        Matcher match = new Matcher(s, window);
        if (scanById(base, window, limit)) {
            // A wide window: walk ids in order from the cursor and stop at the page's end.
            int rank = descending ? base.rankAbove(afterId - 1) - 1 : base.rankAbove(afterId);
            int step = descending ? -1 : 1;
            int found = 0;
            for (int r = rank; r >= 0 && r < base.idOrder.length && found < limit; r += step) {
                int slot = base.idOrder[r];
                if (match.slot(slot)) {
                    heap.offer(base.ids[slot], slot);
                    found++;
                }
            }
        } else {
            for (int b = 0; b < window.boxes().size(); b++) {
                Bbox box = window.boxes().get(b);
                int earlier = b;
                base.all.within(base.lats, base.lngs, box.minLat(), box.minLng(), box.maxLat(), box.maxLng(), slot -> {
                    long id = base.ids[slot];
                    if (descending ? id >= afterId : id <= afterId) return true;
                    if (!heap.wants(id) || !match.slot(slot)) return true;
                    if (inAnyOf(window.boxes(), earlier, base.lats[slot], base.lngs[slot])) return true;
                    heap.offer(id, slot);
                    return true;
                });
            }
        }
        List<StationRow> overlay = new ArrayList<>();
        for (StationRow row : s.upserts.values()) {
            if (descending ? row.id() >= afterId : row.id() <= afterId) continue;
            if (match.row(row)) overlay.add(row);
        }
        overlay.sort(Comparator.comparingLong(StationRow::id));
        long[] ids = heap.sortedIds();
        int[] slots = heap.sortedSlots();
        // Merge the two id-ordered lists and keep the `limit` nearest the cursor.
        List<StationRow> merged = new ArrayList<>(Math.min(limit, ids.length + overlay.size()));
        int i = 0, j = 0;
        if (!descending) {
            while (merged.size() < limit && (i < ids.length || j < overlay.size())) {
                if (j == overlay.size()
                        || (i < ids.length && ids[i] < overlay.get(j).id())) merged.add(base.row(slots[i++]));
                else merged.add(overlay.get(j++));
            }
            return merged;
        }
        i = ids.length - 1;
        j = overlay.size() - 1;
        while (merged.size() < limit && (i >= 0 || j >= 0)) {
            if (j < 0 || (i >= 0 && ids[i] > overlay.get(j).id())) merged.add(base.row(slots[i--]));
            else merged.add(overlay.get(j--));
        }
        java.util.Collections.reverse(merged);
        return merged;
    }

    /** How many stations match the window (numberMatched). */
    long count(Window window) {
        State s = loaded();
        StationSnapshot base = s.base;
        Matcher match = new Matcher(s, window);
        long[] count = {0};
        if (window.boxes().isEmpty()) {
            for (int slot = 0; slot < base.size(); slot++) if (match.slot(slot)) count[0]++;
        } else {
            for (int b = 0; b < window.boxes().size(); b++) {
                Bbox box = window.boxes().get(b);
                int earlier = b;
                base.all.within(base.lats, base.lngs, box.minLat(), box.minLng(), box.maxLat(), box.maxLng(), slot -> {
                    if (match.slot(slot) && !inAnyOf(window.boxes(), earlier, base.lats[slot], base.lngs[slot]))
                        count[0]++;
                    return true;
                });
            }
        }
        for (StationRow row : s.upserts.values()) if (match.row(row)) count[0]++;
        return count[0];
    }

    /**
     * Whether walking ids in order beats walking the tree: the walk by id reads about
     * limit * n / matches stations, the tree about as many as the window holds.
     */
    private static boolean scanById(StationSnapshot base, Window window, int limit) {
        if (window.boxes().isEmpty()) return true;
        int n = base.size();
        long inside = 0;
        for (Bbox box : window.boxes()) {
            inside += base.all.estimateWithin(
                    box.minLat(), box.minLng(), box.maxLat(), box.maxLng(), Math.max(64, n / 1024));
        }
        return (double) inside * inside > 4.0 * (limit + 1) * n;
    }

    /** Whether a point lies in one of the window's boxes (a window without boxes is everywhere). */
    static boolean inWindowBoxes(Window window, double lat, double lng) {
        return window.boxes().isEmpty()
                || inAnyOf(window.boxes(), window.boxes().size(), lat, lng);
    }

    /** Whether the point lies in one of the first {@code count} boxes (a station is counted once). */
    private static boolean inAnyOf(List<Bbox> boxes, int count, double lat, double lng) {
        for (int i = 0; i < count; i++) {
            Bbox b = boxes.get(i);
            if (lat >= b.minLat() && lat <= b.maxLat() && lng >= b.minLng() && lng <= b.maxLng()) return true;
        }
        return false;
    }

    /** The window's tests for one state: box, amenities, adcode, and not hidden by the overlay. */
    private static final class Matcher {
        private final State s;
        private final Window window;
        private final boolean overlay;
        /** Per adcode dictionary entry: 1 = matches the prefix, -1 = does not, 0 = not yet known. */
        private final byte[] adcodeMatches;

        Matcher(State s, Window window) {
            this.s = s;
            this.window = window;
            this.overlay = !s.upserts.isEmpty() || !s.removed.isEmpty();
            this.adcodeMatches = new byte[window.adcodePrefix() == null ? 0 : s.base.dictionaries.adcode.size()];
        }

        boolean slot(int slot) {
            StationSnapshot base = s.base;
            if ((base.amenityBits[slot] & window.requiredAmenities()) != window.requiredAmenities()) return false;
            if (!window.boxes().isEmpty()
                    && !inAnyOf(window.boxes(), window.boxes().size(), base.lats[slot], base.lngs[slot])) return false;
            String prefix = window.adcodePrefix();
            if (prefix != null) {
                int code = base.adcodeCode(slot);
                if (code >= 0 && code < adcodeMatches.length) {
                    if (adcodeMatches[code] == 0)
                        adcodeMatches[code] =
                                (byte) (base.dictionaries.adcode.get(code).startsWith(prefix) ? 1 : -1);
                    if (adcodeMatches[code] < 0) return false;
                } else if (!base.row(slot).adcode().startsWith(prefix)) {
                    return false;
                }
            }
            return !overlay || !s.hidesBase(base.ids[slot]);
        }

        boolean row(StationRow row) {
            return matches(window, s.base.bits, row);
        }
    }

    /** Whether a station held as a row (the overlay's, or a suspended one) matches the window. */
    static boolean matches(Window window, AmenityBits bits, StationRow row) {
        if (!inWindowBoxes(window, row.lat(), row.lng())) return false;
        long required = window.requiredAmenities();
        if (required != 0 && (bits.of(row.amenities()) & required) != required) return false;
        String prefix = window.adcodePrefix();
        return prefix == null || row.adcode().startsWith(prefix);
    }

    /**
     * The {@code capacity} ids nearest a cursor seen so far (smallest, or largest when
     * descending), with their slots: a bounded binary heap whose top is the worst kept.
     */
    private static final class IdHeap {
        private final int capacity;
        private final boolean descending;
        private final long[] ids;
        private final int[] slots;
        private int size;

        IdHeap(int capacity, boolean descending) {
            this.capacity = capacity;
            this.descending = descending;
            this.ids = new long[Math.max(1, Math.min(capacity, 1 << 16))];
            this.slots = new int[ids.length];
        }

        /** Whether {@code id} would be kept now. */
        boolean wants(long id) {
            return size < capacity || worse(ids[0], id);
        }

        /** a is worse (further from the cursor) than b. */
        private boolean worse(long a, long b) {
            return descending ? a < b : a > b;
        }

        void offer(long id, int slot) {
            if (size < capacity) {
                if (size == ids.length) throw new IllegalStateException("page too large");
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (!worse(id, ids[parent])) break;
                    ids[i] = ids[parent];
                    slots[i] = slots[parent];
                    i = parent;
                }
                ids[i] = id;
                slots[i] = slot;
                return;
            }
            if (!worse(ids[0], id)) return;
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) break;
                if (child + 1 < size && worse(ids[child + 1], ids[child])) child++;
                if (!worse(ids[child], id)) break;
                ids[i] = ids[child];
                slots[i] = slots[child];
                i = child;
            }
            ids[i] = id;
            slots[i] = slot;
        }

        private int[] order() {
            long[] keys = java.util.Arrays.copyOf(ids, size);
            int[] at = new int[size];
            for (int i = 0; i < size; i++) at[i] = i;
            StationSnapshot.sort(keys, at);
            return at;
        }

        long[] sortedIds() {
            int[] at = order();
            long[] out = new long[size];
            for (int i = 0; i < size; i++) out[i] = ids[at[i]];
            return out;
        }

        int[] sortedSlots() {
            int[] at = order();
            int[] out = new int[size];
            for (int i = 0; i < size; i++) out[i] = slots[at[i]];
            return out;
        }
    }

    /** Changes each time the indexed stations change; a tile cached under an older value is stale. */
    public long version() {
        return version.get();
    }

    long amenityBits(List<String> keys) {
        return bits.of(keys);
    }

    private static void offer(
            List<NearestHit> best, NearestHit hit, int limit, Comparator<NearestHit> order, @Nullable Double radius) {
        if (radius != null && hit.distanceMeters() > radius) return;
        int at = 0;
        while (at < best.size() && order.compare(best.get(at), hit) <= 0) at++;
        if (at >= limit) return;
        best.add(at, hit);
        if (best.size() > limit) best.remove(limit);
    }

    private static double ellipsoidMeters(double lat, double lng, StationRow row) {
        return ellipsoidMeters(lat, lng, row.lat(), row.lng());
    }

    private static double ellipsoidMeters(double lat, double lng, double toLat, double toLng) {
        return Geodesic.WGS84.Inverse(lat, lng, toLat, toLng, GeodesicMask.DISTANCE).s12;
    }
}
