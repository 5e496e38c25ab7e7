package org.yizhan.locator.routing;

import com.carrotsearch.hppc.IntArrayList;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.web.ApiException;

/**
 * One-to-many distances on the road network: from a worker to candidate stations (nearest by
 * the way there), and from every station to the demand it reaches (planning coverage). Each
 * is one shortest-path tree per source over {@link CompactRoads}, cut off at the limit.
 */
@Component
public class NetworkDistances {

    private final RoadNetwork network;

    public NetworkDistances(RoadNetwork network) {
        this.network = network;
    }

    /** The way there: route length and travel time, including the stretches to and from the road. */
    public record Route(double meters, double seconds) {}

    public boolean available() {
        return network.loaded();
    }

    /**
     * Routes from {@code origin} to each target; an entry is null when the target is off the
     * network or more than {@code maxMeters} away by road.
     *
     * @throws ApiException (422) when the origin itself is not near a road the mode may use
     */
    public @Nullable Route[] from(Travel travel, LatLng origin, List<LatLng> targets, double maxMeters) {
        List<LatLng> points = new ArrayList<>(targets.size() + 1);
        points.addAll(targets);
        points.add(origin);
        PointsOnRoads snapped = new PointsOnRoads(network, travel, points);
        int from = targets.size();
        if (!snapped.onNetwork(from)) {
            throw ApiException.of(
                            org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY,
                            travel == Travel.WALK ? "road.far.walk" : "road.far.ride",
                            Math.round(network.maxSnapMeters()))
                    .with("field", "lat");
        }
        Route[] routes = new Route[targets.size()];
        snapped.reach(from, Limit.meters(maxMeters), false, (i, meters, seconds) -> {
            if (i < targets.size()) {
                routes[i] = new Route(meters, seconds);
            }
        });
        return routes;
    }

    /**
     * For each pair, the way from {@code starts.get(i)} to {@code ends.get(i)} and back again, as
     * one total: a detour off a route to a station and back to the same spot. An entry is null when
     * either point is off the network or no way there and back within {@code maxMeters} in all exists.
     *
     * <p>Where every road of the mode takes as long one way as the other (walking), the way back is
     * the way there reversed: it is measured once and doubled. Otherwise (one-way streets for riders)
     * the way back is searched on its own, within what the way there left of {@code maxMeters}. Each
     * search stops as soon as it has the way ({@link PointsOnRoads#way}): its cost grows with the
     * way's length, so hundreds of stations a few hundred metres off a route cost little.
     *
     * @throws ApiException (422) when no start is near a road the mode may use: the route runs
     *     nowhere near a mapped road
     */
    public @Nullable Route[] thereAndBack(Travel travel, List<LatLng> starts, List<LatLng> ends, double maxMeters) {
        if (starts.size() != ends.size()) throw new IllegalArgumentException("one end per start");
        int n = starts.size();
        List<LatLng> points = new ArrayList<>(2 * n);
        points.addAll(starts);
        points.addAll(ends);
        PointsOnRoads snapped = new PointsOnRoads(network, travel, points);
        boolean anyStart = false;
        for (int i = 0; i < n && !anyStart; i++) anyStart = snapped.onNetwork(i);
        if (n > 0 && !anyStart) {
            throw ApiException.of(
                            org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                            travel == Travel.WALK ? "road.far.walk" : "road.far.ride",
                            Math.round(network.maxSnapMeters()))
                    .with("field", "coordinates");
        }
        boolean symmetric = network.roads(travel).symmetric;
        Route[] routes = new Route[n];
        for (int i = 0; i < n; i++) {
            if (symmetric) {
                Route there = snapped.way(i, n + i, Limit.meters(maxMeters / 2));
                if (there != null) routes[i] = new Route(2 * there.meters(), 2 * there.seconds());
            } else {
                Route there = snapped.way(i, n + i, Limit.meters(maxMeters));
                if (there == null) continue;
                Route back = snapped.way(n + i, i, Limit.meters(maxMeters - there.meters()));
                if (back != null)
                    routes[i] = new Route(there.meters() + back.meters(), there.seconds() + back.seconds());
            }
        }
        return routes;
    }

    /**
     * The streets from which a worker reaches {@code site} within {@code limit} (its catchment),
     * as lines; empty when the site is not near a road the mode may use.
     */
    public List<List<LatLng>> catchmentStreets(Travel travel, LatLng site, Limit limit) {
        PointsOnRoads placed = new PointsOnRoads(network, travel, List.of(site));
        List<List<LatLng>> lines = new ArrayList<>();
        BaseGraph graph = network.hopper().getBaseGraph();
        placed.streets(0, limit, true, (edge, from, to) -> {
            if (to - from > 1e-9) {
                PointList way =
                        graph.getEdgeIteratorState(edge, Integer.MIN_VALUE).fetchWayGeometry(FetchMode.ALL);
                lines.add(Stretches.cut(way, from, to));
            }
        });
        return lines;
    }

    /** Which demand each site reaches within {@code limit}, inbound (the worker goes to the site). */
    public Catchments catchments(Travel travel, List<LatLng> sites, List<LatLng> demand, Limit limit) {
        List<LatLng> points = new ArrayList<>(sites.size() + demand.size());
        points.addAll(demand);
        points.addAll(sites);
        return new Catchments(new PointsOnRoads(network, travel, points), demand.size(), sites.size(), limit);
    }

    /** The answer of {@link #catchments}: computed per site on demand, one tree each. */
    public static final class Catchments {

        private final PointsOnRoads snapped;
        private final int demandCount;
        private final int siteCount;
        private final Limit limit;

        Catchments(PointsOnRoads snapped, int demandCount, int siteCount, Limit limit) {
            this.snapped = snapped;
            this.demandCount = demandCount;
            this.siteCount = siteCount;
            this.limit = limit;
        }

        /** Indices of the demand within reach of site {@code site}, ascending order not guaranteed. */
        public int[] demandReachedFrom(int site) {
            if (site < 0 || site >= siteCount) throw new IndexOutOfBoundsException(site);
            IntArrayList out = new IntArrayList();
            snapped.reach(demandCount + site, limit, true, (i, meters, seconds) -> {
                if (i < demandCount) out.add(i);
            });
            return out.toArray();
        }

        public boolean demandOnNetwork(int demand) {
            return snapped.onNetwork(demand);
        }

        public boolean siteOnNetwork(int site) {
            return snapped.onNetwork(demandCount + site);
        }
    }
}
