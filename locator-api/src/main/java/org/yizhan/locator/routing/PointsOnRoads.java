package org.yizhan.locator.routing;

import com.carrotsearch.hppc.IntArrayList;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.GHPoint3D;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.LatLng;

/**
 * Points placed on the road network for one question: each is snapped to the nearest road its
 * mode may use and sits on that edge at a known fraction of its length, so a shortest-path tree
 * over the {@link CompactRoads} nodes reaches it from either end of its edge (or straight along
 * the edge from a point on the same one). A point farther than {@code max-snap-meters} from a
 * usable road is not on the network and nothing reaches it.
 *
 * <p>Distances include the straight stretch between each point and its road, walked at
 * {@link Travel#WALKING_METERS_PER_SECOND}: a station 80 m off the road is 80 m farther.
 *
 * <p>Not thread-safe: the search's work arrays are reused from one tree to the next.
 */
final class PointsOnRoads {

    private final CompactRoads roads;
    /** The point's edge, or -1 when it is off the network. */
    private final int[] edge;
    /** Where on its edge, from the base end (0) to the adj end (1). */
    private final double[] fraction;

    private final double[] leg;
    /** The points themselves, in degrees, for the straight walk between two points near each other. */
    private final double[] lats, lngs;
    /** Points along each edge as linked lists: first point per edge, next point per point. */
    private final int[] firstOnEdge;

    private final int[] next;
    private final Search search;

    PointsOnRoads(RoadNetwork network, Travel travel, List<LatLng> points) {
        roads = network.roads(travel);
        LocationIndex index = network.hopper().getLocationIndex();
        edge = new int[points.size()];
        fraction = new double[points.size()];
        leg = new double[points.size()];
        lats = new double[points.size()];
        lngs = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            lats[i] = points.get(i).lat();
            lngs[i] = points.get(i).lng();
        }
        firstOnEdge = new int[roads.edgeBase.length];
        Arrays.fill(firstOnEdge, -1);
        next = new int[points.size()];
        for (int i = points.size() - 1; i >= 0; i--) {
            LatLng p = points.get(i);
            Snap snap = index.findClosest(p.lat(), p.lng(), network.snapFilter(travel));
            edge[i] = -1;
            if (snap.isValid() && snap.getQueryDistance() <= network.maxSnapMeters()) {
                place(i, snap);
            }
        }
        search = new Search(roads.nodeCount);
    }

    private void place(int point, Snap snap) {
        EdgeIteratorState closest = snap.getClosestEdge();
        int e = closest.getEdge();
        double along =
                alongFromBase(closest.fetchWayGeometry(FetchMode.ALL), snap.getWayIndex(), snap.getSnappedPoint());
        boolean sameWay = closest.getBaseNode() == roads.edgeBase[e];
        edge[point] = e;
        fraction[point] = sameWay ? along : 1 - along;
        leg[point] = snap.getQueryDistance();
        next[point] = firstOnEdge[e];
        firstOnEdge[e] = point;
    }

    /** How far along the geometry the snapped point lies, as a fraction of the geometry's length. */
    private static double alongFromBase(PointList way, int wayIndex, GHPoint3D snapped) {
        DistanceCalcEarth earth = DistanceCalcEarth.DIST_EARTH;
        double before = 0;
        double total = 0;
        for (int k = 0; k + 1 < way.size(); k++) {
            double segment = earth.calcDist(way.getLat(k), way.getLon(k), way.getLat(k + 1), way.getLon(k + 1));
            if (k < wayIndex) before += segment;
            total += segment;
        }
        int at = Math.min(wayIndex, way.size() - 1);
        before += earth.calcDist(way.getLat(at), way.getLon(at), snapped.lat, snapped.lon);
        return total <= 0 ? 0 : Math.min(1, before / total);
    }

    boolean onNetwork(int point) {
        return edge[point] >= 0;
    }

    /** Metres from the point to the road it snapped to. */
    double legMeters(int point) {
        return leg[point];
    }

    /**
     * Visits the points that {@code from} reaches within {@code limit} (towards {@code from} when
     * {@code inbound}: the way a worker walks to a station), each once, with its total metres and
     * seconds by the quickest way. Under a limit in metres, a point whose quickest way is longer
     * than the limit still counts when a slower way within the limit reaches it (metres and seconds
     * are then of that way): "within 2 km" means a way of at most 2 km exists. Two points nearer
     * each other than the sum of their stretches to the road are a straight walk apart (among the
     * points the tree reaches).
     */
    void reach(int from, Limit limit, boolean inbound, SnappedVisitor visitor) {
        if (!grow(from, limit, inbound, -1)) return;
        int e = edge[from];
        double g = fraction[from];
        IntArrayList touched = search.touchedPoints;
        for (int p = firstOnEdge[e]; p >= 0; p = next[p]) {
            double f = fraction[p];
            boolean towardsAdj = inbound ? f < g : f > g;
            search.offerPoint(
                    p, roads.partMillis(e, Math.abs(f - g), towardsAdj), Math.abs(f - g) * roads.edgeMeters[e]);
        }
        for (int k = 0; k < search.settled.size(); k++) {
            int node = search.settled.get(k);
            for (int t = roads.touchStart[node]; t < roads.touchStart[node + 1]; t++) {
                int along = roads.touchEdge[t];
                boolean atBase = roads.edgeBase[along] == node;
                for (int p = firstOnEdge[along]; p >= 0; p = next[p]) {
                    double part = atBase ? fraction[p] : 1 - fraction[p];
                    // Outbound from the base end goes towards adj; inbound to the base end comes from adj.
                    boolean towardsAdj = atBase != inbound;
                    search.offerPoint(
                            p,
                            search.millis(node) + roads.partMillis(along, part, towardsAdj),
                            search.meters(node) + part * roads.edgeMeters[along]);
                }
            }
        }
        for (int k = 0; k < touched.size(); k++) {
            int p = touched.get(k);
            double millis = search.pointMillis(p);
            if (Double.isInfinite(millis)) continue;
            finish(from, p, millis, search.pointMeters(p), limit, visitor);
        }
    }

    /**
     * The way from point {@code from} to point {@code to} within {@code limit}: the same way, metres
     * and seconds as {@link #reach} (outbound) would visit {@code to} with, or null where it would
     * not visit it. The search stops once no unsettled node can lead to a quicker way, so its cost
     * grows with the way's length rather than with the limit: what one detour per station needs.
     */
    NetworkDistances.@Nullable Route way(int from, int to, Limit limit) {
        if (!onNetwork(to)) return null;
        if (!grow(from, limit, false, to)) return null;
        if (Double.isInfinite(search.targetMillis)) return null;
        NetworkDistances.Route[] out = new NetworkDistances.Route[1];
        finish(from, to, search.targetMillis, search.targetMeters, limit, (p, meters, seconds) -> {
            out[0] = new NetworkDistances.Route(meters, seconds);
        });
        return out[0];
    }

    /** Adds both points' stretches to their roads to a way between their roads, and visits it if the limit admits it. */
    private void finish(int from, int p, double millis, double roadMeters, Limit limit, SnappedVisitor visitor) {
        double meters = leg[from] + roadMeters + leg[p];
        double seconds = leg[from] / Travel.WALKING_METERS_PER_SECOND
                + millis / 1000.0
                + leg[p] / Travel.WALKING_METERS_PER_SECOND;
        // Two points nearer each other than their roads (a compound, the same spot): the worker
        // walks straight across, as on the stretches to the road, rather than out and back.
        // The latitude alone rules out most pairs cheaply, on a planning tree's hot path.
        double legs = leg[from] + leg[p];
        if (Math.abs(lats[p] - lats[from]) * METERS_PER_DEGREE_LAT <= legs) {
            double straight = straightMeters(from, p);
            if (straight <= legs && straight < meters) {
                meters = straight;
                seconds = straight / Travel.WALKING_METERS_PER_SECOND;
            }
        }
        if (limit.admits(meters, seconds)) {
            visitor.visit(p, meters, seconds);
        }
    }

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;
    /** Below the metres per degree of latitude on {@link #straightMeters}'s sphere (~111.2 km): a safe bound. */
    private static final double METERS_PER_DEGREE_LAT = 110_000;

    /** Metres between two points on a local plane: exact enough within the few hundred metres it decides. */
    private double straightMeters(int a, int b) {
        double dLat = Math.toRadians(lats[b] - lats[a]);
        double dLng = Math.toRadians(lngs[b] - lngs[a]) * Math.cos(Math.toRadians((lats[a] + lats[b]) / 2));
        return Math.hypot(dLat, dLng) * EARTH_RADIUS_METERS;
    }

    /**
     * Grows the tree of {@code from} within {@code limit} less the point's own way to its road;
     * false when the point is off the network or its own way is already over the limit. With a
     * {@code target} point (outbound only; -1 for none) it stops once the way to it is known.
     */
    private boolean grow(int from, Limit limit, boolean inbound, int target) {
        if (!onNetwork(from)) return false;
        double legSeconds = leg[from] / Travel.WALKING_METERS_PER_SECOND;
        double maxMillis = Double.POSITIVE_INFINITY;
        double maxMeters = Double.POSITIVE_INFINITY;
        if (limit.seconds() != null) {
            if (legSeconds > limit.timeSeconds()) return false;
            maxMillis = (limit.timeSeconds() - legSeconds) * 1000;
        } else {
            if (leg[from] > limit.lengthMeters()) return false;
            maxMeters = limit.lengthMeters() - leg[from];
        }
        int e = edge[from];
        double g = fraction[from];
        // From the point to its edge's two ends (outbound), or from the ends to it (inbound).
        search.start(maxMillis, maxMeters);
        search.offer(roads.edgeBase[e], roads.partMillis(e, g, inbound), g * roads.edgeMeters[e]);
        search.offer(roads.edgeAdj[e], roads.partMillis(e, 1 - g, !inbound), (1 - g) * roads.edgeMeters[e]);
        if (target >= 0) {
            search.aimAt(target);
            if (edge[target] == e) {
                // Straight along the shared edge, as reach offers it first.
                double f = fraction[target];
                search.arriveAtTarget(
                        roads.partMillis(e, Math.abs(f - g), f > g), Math.abs(f - g) * roads.edgeMeters[e]);
            }
        }
        search.run(roads, inbound);
        return true;
    }

    /**
     * The stretches of road within {@code limit} of {@code from} (towards it when {@code inbound}),
     * as parts of edges from one fraction of their length to another: what a catchment map draws.
     * Stretches reached from both ends of an edge may overlap.
     */
    void streets(int from, Limit limit, boolean inbound, StretchVisitor visitor) {
        if (!grow(from, limit, inbound, -1)) return;
        int e = edge[from];
        double g = fraction[from];
        // The point's own edge, both ways from the point as far as the limit allows.
        double towardsBase = search.reachable(e, g, inbound, 0, 0);
        double towardsAdj = search.reachable(e, 1 - g, !inbound, 0, 0);
        visitor.visit(e, g - towardsBase, g + towardsAdj);
        for (int k = 0; k < search.settled.size(); k++) {
            int node = search.settled.get(k);
            for (int t = roads.touchStart[node]; t < roads.touchStart[node + 1]; t++) {
                int along = roads.touchEdge[t];
                boolean atBase = roads.edgeBase[along] == node;
                double reach = search.reachable(along, 1, atBase != inbound, search.millis(node), search.meters(node));
                if (reach > 0) visitor.visit(along, atBase ? 0 : 1 - reach, atBase ? reach : 1);
            }
        }
    }

    /** Receives a reached stretch of {@code edge}, between two fractions of its length from its base end. */
    @FunctionalInterface
    interface StretchVisitor {
        void visit(int edge, double fromFraction, double toFraction);
    }

    /** Receives a reached point with the way there. */
    @FunctionalInterface
    interface SnappedVisitor {
        void visit(int point, double meters, double seconds);
    }

    /**
     * Dijkstra by travel time over {@link CompactRoads}, with work arrays reused between trees: a
     * node's or point's entry counts only when its stamp is the current tree's.
     */
    private final class Search {

        private final int[] nodeStamp;
        private final double[] nodeMillis;
        private final double[] nodeMeters;
        private final int[] pointStamp = new int[edge.length];
        private final double[] bestPointMillis = new double[edge.length];
        private final double[] bestPointMeters = new double[edge.length];
        final IntArrayList settled = new IntArrayList();
        final IntArrayList touchedPoints = new IntArrayList();
        private final MinHeap heap = new MinHeap();
        private int stamp;

        Search(int nodes) {
            nodeStamp = new int[nodes];
            nodeMillis = new double[nodes];
            nodeMeters = new double[nodes];
        }

        private double maxMillis;
        private double maxMeters;

        /** The point a targeted search stops at ({@link #way}), or -1; its edge's fraction. */
        private int targetEdge = -1;

        private double targetFraction;
        /** The quickest way to the target found so far, between the two roads; infinite while none. */
        double targetMillis = Double.POSITIVE_INFINITY;

        double targetMeters = Double.POSITIVE_INFINITY;

        void start(double maxMillis, double maxMeters) {
            this.maxMillis = maxMillis;
            this.maxMeters = maxMeters;
            targetEdge = -1;
            targetMillis = Double.POSITIVE_INFINITY;
            targetMeters = Double.POSITIVE_INFINITY;
            stamp++;
            settled.clear();
            touchedPoints.clear();
            heap.clear();
        }

        void offer(int node, double millis, double meters) {
            if (Double.isInfinite(millis)) return;
            if (nodeStamp[node] != stamp || millis < nodeMillis[node]) {
                nodeStamp[node] = stamp;
                nodeMillis[node] = millis;
                nodeMeters[node] = meters;
                heap.push(millis, node);
            }
        }

        void run(CompactRoads roads, boolean inbound) {
            while (!heap.isEmpty()) {
                double millis = heap.topKey();
                // Every node still to settle is at least this far: none can lead to a quicker way to the target.
                if (millis >= targetMillis) break;
                int node = heap.pop();
                if (millis > nodeMillis[node]) continue; // a stale entry: the node was reached sooner
                if (millis > maxMillis) break;
                if (nodeMeters[node] > maxMeters) continue;
                settled.add(node);
                if (targetEdge >= 0 && roads.edgeBase[targetEdge] != roads.edgeAdj[targetEdge]) {
                    // From an end of the target's edge along it, as reach offers points from settled nodes.
                    if (node == roads.edgeBase[targetEdge]) {
                        arriveAtTarget(
                                millis + roads.partMillis(targetEdge, targetFraction, true),
                                nodeMeters[node] + targetFraction * roads.edgeMeters[targetEdge]);
                    } else if (node == roads.edgeAdj[targetEdge]) {
                        arriveAtTarget(
                                millis + roads.partMillis(targetEdge, 1 - targetFraction, false),
                                nodeMeters[node] + (1 - targetFraction) * roads.edgeMeters[targetEdge]);
                    }
                }
                for (int t = roads.touchStart[node]; t < roads.touchStart[node + 1]; t++) {
                    int e = roads.touchEdge[t];
                    boolean atBase = roads.edgeBase[e] == node;
                    // Outbound leaves node along e; inbound arrives at node along e from its other end.
                    float step = atBase != inbound ? roads.millisForward[e] : roads.millisBackward[e];
                    if (Float.isInfinite(step)) continue;
                    offer(roads.across(e, node), millis + step, nodeMeters[node] + roads.edgeMeters[e]);
                }
            }
        }

        /**
         * How much of a stretch ({@code fraction} of {@code edge}, travelled towards adj or not)
         * fits in what is left of the limit after {@code usedMillis} and {@code usedMeters}, as a
         * fraction of the edge: 0 when nothing or the direction is closed, at most {@code fraction}.
         */
        double reachable(int edge, double fraction, boolean towardsAdj, double usedMillis, double usedMeters) {
            float millis = towardsAdj ? roads.millisForward[edge] : roads.millisBackward[edge];
            if (Float.isInfinite(millis) || fraction <= 0) return 0;
            double byTime = millis > 0 ? (maxMillis - usedMillis) / millis : Double.POSITIVE_INFINITY;
            float meters = roads.edgeMeters[edge];
            double byLength = meters > 0 ? (maxMeters - usedMeters) / meters : Double.POSITIVE_INFINITY;
            return Math.max(0, Math.min(fraction, Math.min(byTime, byLength)));
        }

        void aimAt(int point) {
            targetEdge = edge[point];
            targetFraction = fraction[point];
        }

        /** A way to the target; kept when quicker than the best so far (the first of equals, as in offerPoint). */
        void arriveAtTarget(double millis, double meters) {
            if (Double.isNaN(millis) || Double.isInfinite(millis)) return;
            if (millis < targetMillis) {
                targetMillis = millis;
                targetMeters = meters;
            }
        }

        double millis(int node) {
            return nodeMillis[node];
        }

        double meters(int node) {
            return nodeMeters[node];
        }

        void offerPoint(int point, double millis, double meters) {
            if (Double.isNaN(millis) || Double.isInfinite(millis)) return;
            if (pointStamp[point] != stamp) {
                pointStamp[point] = stamp;
                bestPointMillis[point] = millis;
                bestPointMeters[point] = meters;
                touchedPoints.add(point);
            } else if (millis < bestPointMillis[point]) {
                bestPointMillis[point] = millis;
                bestPointMeters[point] = meters;
            }
        }

        double pointMillis(int point) {
            return bestPointMillis[point];
        }

        double pointMeters(int point) {
            return bestPointMeters[point];
        }
    }
}
