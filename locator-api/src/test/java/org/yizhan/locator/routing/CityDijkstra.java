package org.yizhan.locator.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.osm.GeneratedCity;
import org.yizhan.geo.osm.OsmNode;
import org.yizhan.geo.osm.OsmWay;

/**
 * An independent walking-distance oracle: a plain Dijkstra over the generated city's own ways,
 * with the walking rules written out here (no expressways, no rivers, nothing private, no
 * passing a private gate) and geodesic edge lengths. Shares no code with GraphHopper.
 */
final class CityDijkstra {

    private final Map<Long, LatLng> at = new HashMap<>();
    private final Map<Long, List<long[]>> edges = new HashMap<>();

    CityDijkstra(GeneratedCity city) {
        Map<Long, Boolean> gate = new HashMap<>();
        for (OsmNode n : city.nodes()) {
            at.put(n.id(), n.at());
            gate.put(n.id(), "private".equals(n.tags().get("access")));
        }
        for (OsmWay w : city.ways()) {
            String highway = w.tags().get("highway");
            if (highway == null
                    || highway.equals("motorway")
                    || "private".equals(w.tags().get("access"))) continue;
            for (int i = 0; i + 1 < w.nodes().size(); i++) {
                long a = w.nodes().get(i), b = w.nodes().get(i + 1);
                if (gate.get(a) || gate.get(b)) continue;
                edges.computeIfAbsent(a, k -> new ArrayList<>()).add(new long[] {b});
                edges.computeIfAbsent(b, k -> new ArrayList<>()).add(new long[] {a});
            }
        }
    }

    /** Shortest walking distance in metres between two OSM nodes; infinity if none. */
    double meters(long from, long to) {
        Map<Long, Double> best = new HashMap<>();
        PriorityQueue<Object[]> queue = new PriorityQueue<>((x, y) -> Double.compare((double) x[1], (double) y[1]));
        queue.add(new Object[] {from, 0.0});
        best.put(from, 0.0);
        while (!queue.isEmpty()) {
            Object[] head = queue.poll();
            long node = (long) head[0];
            double d = (double) head[1];
            if (d > best.get(node)) continue;
            if (node == to) return d;
            for (long[] e : edges.getOrDefault(node, List.of())) {
                double nd = d + Geodesy.distanceMeters(at.get(node), at.get(e[0]));
                if (nd < best.getOrDefault(e[0], Double.POSITIVE_INFINITY)) {
                    best.put(e[0], nd);
                    queue.add(new Object[] {e[0], nd});
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
