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
    synchronized void replaceAll(List<StationRow> activeRows) {
        state = new State(new StationSnapshot(activeRows, bits), Map.of(), Set.of());
        version.incrementAndGet();
        log.info("Station index holds {} active stations", activeRows.size());
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
        List<StationRow> merged = new ArrayList<>(captured.base.size() + captured.upserts.size());
        for (StationRow row : captured.base.rows) if (!captured.hidesBase(row.id())) merged.add(row);
        merged.addAll(captured.upserts.values());
        StationSnapshot fresh = new StationSnapshot(merged, bits);
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
        State s = state;
        if (s == null) throw new IllegalStateException("index not loaded");
        long required = bits.of(amenities);
        SphereKdTree tree = s.base.all;
        for (String key : amenities) {
            SphereKdTree rare = s.base.byRareAmenity.get(bits.bit(key));
            if (rare != null && rare.size() < tree.size()) tree = rare;
        }
        double[] q = UnitVectors.of(lat, lng);
        double sphereLimit =
                radiusMeters == null ? Double.POSITIVE_INFINITY : radiusMeters / (1 - NearestSearch.SPHERE_ERROR);
        List<NearestHit> best = new ArrayList<>(limit + 1);
        Comparator<NearestHit> order = Comparator.comparingDouble(NearestHit::distanceMeters)
                .thenComparing(h -> h.station().code());

        StationSnapshot base = s.base;
        tree.nearest(
                q[0],
                q[1],
                q[2],
                slot -> (base.amenityBits[slot] & required) == required
                        && !s.hidesBase(base.ids[slot])
                        && accept.test(base.rows[slot]),
                (slot, chordSquared) -> {
                    double sphere = UnitVectors.sphereMeters(chordSquared);
                    if (sphere > sphereLimit) return false;
                    if (best.size() == limit
                            && best.get(limit - 1).distanceMeters() < sphere * (1 - NearestSearch.SPHERE_ERROR)) {
                        return false;
                    }
                    StationRow row = base.rows[slot];
                    offer(best, new NearestHit(row, ellipsoidMeters(lat, lng, row)), limit, order, radiusMeters);
                    return true;
                });
        for (StationRow row : s.upserts.values()) {
            if ((bits.of(row.amenities()) & required) != required || !accept.test(row)) continue;
            offer(best, new NearestHit(row, ellipsoidMeters(lat, lng, row)), limit, order, radiusMeters);
        }
        return best;
    }

    /** One cell of a zoomed-out view: how many stations, and where their centre of mass is. */
    record Cluster(double lat, double lng, int count) {}

    /**
     * Active stations in the box counted per grid cell ({@code columns} across the box, square
     * cells in degrees), for views too wide to draw every station. One pass over memory.
     */
    List<Cluster> clusters(
            double minLat, double minLng, double maxLat, double maxLng, int columns, long requiredAmenities) {
        State s = state;
        if (s == null) throw new IllegalStateException("index not loaded");
        Grid grid = new Grid(minLat, minLng, maxLat, maxLng, columns);
        StationSnapshot base = s.base;
        boolean overlay = !s.upserts.isEmpty() || !s.removed.isEmpty();
        for (int slot = 0; slot < base.lats.length; slot++) {
            if ((base.amenityBits[slot] & requiredAmenities) != requiredAmenities) continue;
            if (overlay && s.hidesBase(base.ids[slot])) continue;
            grid.add(base.lats[slot], base.lngs[slot]);
        }
        for (StationRow row : s.upserts.values()) {
            if ((bits.of(row.amenities()) & requiredAmenities) == requiredAmenities) grid.add(row.lat(), row.lng());
        }
        return grid.clusters();
    }

    /**
     * Square cells over a box in flat arrays: a country-wide scan of a million stations is one
     * pass over two double arrays, with no boxing or hashing per station.
     */
    private static final class Grid {
        private final double minLat, minLng, maxLat, maxLng, cell;
        private final int columns, rows;
        private final double[] sumLat, sumLng;
        private final int[] count;

        Grid(double minLat, double minLng, double maxLat, double maxLng, int columns) {
            this.minLat = minLat;
            this.minLng = minLng;
            this.maxLat = maxLat;
            this.maxLng = maxLng;
            // Square cells sized by the longer side, so neither side has more than `columns` cells.
            this.cell = Math.max(Math.max(maxLng - minLng, maxLat - minLat) / columns, 1e-6);
            this.columns = columns;
            this.rows = (int) Math.ceil((maxLat - minLat) / cell) + 1;
            int cells = Math.multiplyExact(this.rows, columns + 1);
            sumLat = new double[cells];
            sumLng = new double[cells];
            count = new int[cells];
        }

        void add(double lat, double lng) {
            if (lat < minLat || lat > maxLat || lng < minLng || lng > maxLng) return;
            int i = (int) ((lat - minLat) / cell) * (columns + 1) + (int) ((lng - minLng) / cell);
            sumLat[i] += lat;
            sumLng[i] += lng;
            count[i]++;
        }

        List<Cluster> clusters() {
            List<Cluster> out = new ArrayList<>();
            for (int i = 0; i < count.length; i++) {
                if (count[i] > 0) out.add(new Cluster(sumLat[i] / count[i], sumLng[i] / count[i], count[i]));
            }
            return out;
        }
    }

    /** Receives stations from {@link #visit}. */
    public interface Visitor {
        void station(StationRow row);
    }

    /**
     * Hands every active station whose longitude and latitude lie in the closed box to
     * {@code visitor}, once each, from the cells of a grid that the box overlaps, for vector tiles; the caller decides
     * edges exactly (tiles are half-open), this only narrows.
     */
    public void visit(double minLng, double minLat, double maxLng, double maxLat, Visitor visitor) {
        State s = state;
        if (s == null) throw new IllegalStateException("index not loaded");
        StationSnapshot base = s.base;
        boolean overlay = !s.upserts.isEmpty() || !s.removed.isEmpty();
        base.inBox(minLng, minLat, maxLng, maxLat, slot -> {
            if (!overlay || !s.hidesBase(base.ids[slot])) visitor.station(base.rows[slot]);
        });
        for (StationRow row : s.upserts.values()) {
            if (row.lat() >= minLat && row.lat() <= maxLat && row.lng() >= minLng && row.lng() <= maxLng)
                visitor.station(row);
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
        return Geodesic.WGS84.Inverse(lat, lng, row.lat(), row.lng(), GeodesicMask.DISTANCE).s12;
    }
}
