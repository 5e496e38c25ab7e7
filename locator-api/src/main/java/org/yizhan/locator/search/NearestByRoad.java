package org.yizhan.locator.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.routing.NetworkDistances;
import org.yizhan.locator.routing.Travel;
import org.yizhan.locator.web.ApiException;

/**
 * Nearest stations by the way there: straight-line candidates re-ranked by route length on the
 * road network. A route is never shorter than the straight line, so once the k-th route is no
 * longer than the farthest candidate's straight-line distance, no station not yet fetched can
 * beat it; until then more candidates are fetched, up to {@link #MAX_CANDIDATES}. Stations more
 * than {@link #MAX_ROUTE_METERS} away by road, or off the network, are left out.
 */
@Component
class NearestByRoad {

    static final int MAX_CANDIDATES = 1_600;
    /** Routes are followed up to this multiple of the straight-line reach (plus a margin): detours of rivers and rails. */
    private static final double DETOUR = 3;

    private static final double DETOUR_MARGIN_METERS = 2_000;
    /** Nobody walks or rides farther than this to a rest station; it also bounds one search on a province graph. */
    static final double MAX_ROUTE_METERS = 50_000;

    private final NetworkDistances network;

    NearestByRoad(NetworkDistances network) {
        this.network = network;
    }

    /**
     * How long a way on the road network is followed to a station {@code reach} metres away in a
     * straight line: {@link #DETOUR} times that plus a margin, at most {@link #MAX_ROUTE_METERS}.
     * Along a route, {@code reach} is the buffer.
     */
    static double maxRouteMeters(double reach) {
        return Math.min(MAX_ROUTE_METERS, DETOUR * reach + DETOUR_MARGIN_METERS);
    }

    /**
     * The travel mode {@code by} names, or null when it is absent (straight line); a 400 for the
     * field {@code by} when it is neither walk nor ride or when the server has no road graph.
     */
    static @Nullable Travel travel(@Nullable String by, NetworkDistances network) {
        if (by == null || by.isBlank()) return null;
        Travel travel = Travel.parse("by", by);
        if (!network.available()) {
            throw ApiException.invalid("by", "nearest.noGraph");
        }
        return travel;
    }

    record RoadHit(NearestHit hit, NetworkDistances.Route route) {}

    /**
     * @param straight the {@code n} nearest stations by straight line, passing the request's filters
     * @param radius with a radius, the route length limit (routes are never shorter, so the straight-line filter is safe)
     */
    List<RoadHit> nearest(
            Travel travel, LatLng origin, int limit, @Nullable Double radius, IntFunction<List<NearestHit>> straight) {
        int fetch = Math.max(4 * limit, 40);
        while (true) {
            List<NearestHit> candidates = straight.apply(fetch);
            boolean exhausted = candidates.size() < fetch || fetch >= MAX_CANDIDATES;
            double reach = candidates.isEmpty()
                    ? 0
                    : candidates.get(candidates.size() - 1).distanceMeters();
            double maxRoute = radius != null ? Math.min(MAX_ROUTE_METERS, radius) : maxRouteMeters(reach);
            NetworkDistances.Route[] routes = network.from(
                    travel,
                    origin,
                    candidates.stream()
                            .map(h -> new LatLng(h.station().lat(), h.station().lng()))
                            .toList(),
                    maxRoute);
            List<RoadHit> hits = new ArrayList<>();
            for (int i = 0; i < routes.length; i++) {
                if (routes[i] != null) hits.add(new RoadHit(candidates.get(i), routes[i]));
            }
            hits.sort(Comparator.<RoadHit>comparingDouble(h -> h.route().meters())
                    .thenComparing(h -> h.hit().station().code()));
            boolean proven = hits.size() >= limit && hits.get(limit - 1).route().meters() <= reach;
            if (proven || exhausted) return hits.subList(0, Math.min(limit, hits.size()));
            fetch *= 4;
        }
    }
}
