package org.yizhan.locator.routing;

import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yizhan.geo.LatLng;

/**
 * Points placed on the road network for one question: each is snapped to the nearest road its
 * mode may use, and all of them become nodes of one query graph, so a single shortest-path tree
 * from any of them reaches the others. A point farther than {@code max-snap-meters} from a
 * usable road is not on the network: it has no node and nothing reaches it.
 *
 * <p>Distances include the straight stretch between each point and its road, walked at
 * {@link Travel#WALKING_METERS_PER_SECOND}: a station 80 m off the road is 80 m farther.
 */
final class QueryGraphReference {

    private final QueryGraph graph;
    private final RoadNetwork network;
    private final Travel travel;
    private final int[] node;
    private final double[] leg;
    /** Points at each node as linked lists: first point per node, next point per point. */
    private final int[] first;

    private final int[] next;

    QueryGraphReference(RoadNetwork network, Travel travel, List<LatLng> points) {
        this.network = network;
        this.travel = travel;
        LocationIndex index = network.hopper().getLocationIndex();
        node = new int[points.size()];
        leg = new double[points.size()];
        List<Snap> snaps = new ArrayList<>();
        List<Integer> snapped = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            LatLng p = points.get(i);
            Snap snap = index.findClosest(p.lat(), p.lng(), network.snapFilter(travel));
            node[i] = -1;
            if (snap.isValid() && snap.getQueryDistance() <= network.maxSnapMeters()) {
                snaps.add(snap);
                snapped.add(i);
                leg[i] = snap.getQueryDistance();
            }
        }
        graph = QueryGraph.create(network.hopper().getBaseGraph(), snaps);
        first = new int[graph.getNodes()];
        Arrays.fill(first, -1);
        next = new int[points.size()];
        for (int k = snaps.size() - 1; k >= 0; k--) {
            int i = snapped.get(k);
            node[i] = snaps.get(k).getClosestNode();
            next[i] = first[node[i]];
            first[node[i]] = i;
        }
    }

    boolean onNetwork(int point) {
        return node[point] >= 0;
    }

    /** Metres from the point to the road it snapped to. */
    double legMeters(int point) {
        return leg[point];
    }

    /**
     * Visits the points that {@code from} reaches within {@code limit} (towards {@code from} when
     * {@code inbound}: the way a worker walks to a station), giving each its total metres and seconds.
     */
    void reach(int from, Limit limit, boolean inbound, Visitor visitor) {
        if (!onNetwork(from)) {
            return;
        }
        double legSeconds = leg[from] / Travel.WALKING_METERS_PER_SECOND;
        ShortestPathTree tree = new ShortestPathTree(
                graph, graph.wrapWeighting(network.weighting(travel)), inbound, TraversalMode.NODE_BASED);
        if (limit.seconds() != null) {
            if (legSeconds > limit.timeSeconds()) return;
            tree.setTimeLimit((limit.timeSeconds() - legSeconds) * 1000);
        } else {
            if (leg[from] > limit.lengthMeters()) return;
            tree.setDistanceLimit(limit.lengthMeters() - leg[from]);
        }
        tree.search(node[from], label -> {
            for (int i = first[label.node]; i >= 0; i = next[i]) {
                double meters = leg[from] + label.distance + leg[i];
                double seconds = legSeconds + label.time / 1000.0 + leg[i] / Travel.WALKING_METERS_PER_SECOND;
                if (limit.admits(meters, seconds)) {
                    visitor.visit(i, meters, seconds);
                }
            }
        });
    }

    /** Receives a reached point with the way there. */
    @FunctionalInterface
    interface Visitor {
        void visit(int point, double meters, double seconds);
    }
}
