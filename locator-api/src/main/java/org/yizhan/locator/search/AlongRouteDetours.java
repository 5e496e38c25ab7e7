package org.yizhan.locator.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.routing.NetworkDistances;
import org.yizhan.locator.routing.Travel;
import org.yizhan.locator.web.ApiException;

/**
 * What calling in at a station costs a rider on a route: the detour from the route's nearest
 * point to the station and back to that point. In a straight line it is twice the distance off
 * the route; with a travel mode it is the way there and back on that mode's road network, so a
 * station 300 m across a river costs the walk to the bridge and back. Then the {@code maxDetour}
 * filter and the order asked for.
 *
 * <p>By road, stations are measured as nearest by=walk measures them and left out where nearest
 * leaves them out: off the network (farther than the snap distance from a usable road, or their
 * route point is), or with a detour longer than twice {@link NearestByRoad#maxRouteMeters} of the buffer (there and back).
 */
@Component
class AlongRouteDetours {

    /** Stations measured by road in one call at most, as nearest follows at most this many candidates. */
    static final int MAX_BY_ROAD = NearestByRoad.MAX_CANDIDATES;

    /** The order of the answer: as the rider passes the stations, or cheapest detour first. */
    enum Order {
        ALONG,
        DETOUR;

        /** {@code along} (also when absent) or {@code detour}; anything else is a 400 for {@code order}. */
        static Order parse(@Nullable String value) {
            if (value == null || value.isBlank()) return ALONG;
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "along" -> ALONG;
                case "detour" -> DETOUR;
                default -> throw ApiException.invalid("order", "route.order");
            };
        }
    }

    /**
     * A station with its detour, metres rounded to 0.1 m and seconds to whole seconds as nearest
     * rounds its ways; seconds only by road.
     */
    record Measured(
            AlongRouteSearch.Hit hit,
            double detourMeters,
            @Nullable Double detourSeconds) {}

    private final NetworkDistances network;

    AlongRouteDetours(NetworkDistances network) {
        this.network = network;
    }

    /**
     * The stations of {@code hits} (in order along the route) that have a detour, at most
     * {@code maxDetour} when given, in {@code order}.
     *
     * @param travel the road network's mode, or null for the straight line
     * @param buffer the search's buffer: how far off the route a station may be, which bounds the way there
     */
    List<Measured> measure(
            List<AlongRouteSearch.Hit> hits,
            @Nullable Travel travel,
            double buffer,
            @Nullable Double maxDetour,
            Order order) {
        List<Measured> measured = new ArrayList<>(hits.size());
        if (travel == null) {
            for (AlongRouteSearch.Hit hit : hits) {
                measured.add(new Measured(hit, round(2 * hit.position().offMeters()), null));
            }
        } else {
            if (hits.size() > MAX_BY_ROAD) {
                throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "route.tooManyByRoad", MAX_BY_ROAD)
                        .with("field", "buffer");
            }
            double limit = 2 * NearestByRoad.maxRouteMeters(buffer);
            // Rounded to 0.1 m a detour is within maxDetour up to 0.05 m beyond it.
            if (maxDetour != null) limit = Math.min(limit, maxDetour + 0.05);
            List<LatLng> leaving = new ArrayList<>(hits.size());
            List<LatLng> stations = new ArrayList<>(hits.size());
            for (AlongRouteSearch.Hit hit : hits) {
                leaving.add(hit.position().nearest());
                stations.add(new LatLng(hit.station().lat(), hit.station().lng()));
            }
            var ways = network.thereAndBack(travel, leaving, stations, limit);
            for (int i = 0; i < ways.length; i++) {
                NetworkDistances.Route way = ways[i];
                if (way != null) {
                    measured.add(new Measured(hits.get(i), round(way.meters()), (double) Math.round(way.seconds())));
                }
            }
        }
        if (maxDetour != null) {
            double max = maxDetour;
            measured.removeIf(m -> m.detourMeters() > max);
        }
        if (order == Order.DETOUR) {
            measured.sort(Comparator.comparingDouble(Measured::detourMeters)
                    .thenComparingDouble(m -> m.hit().position().alongMeters())
                    .thenComparing(m -> m.hit().station().code()));
        }
        return measured;
    }

    static double round(double metres) {
        return Math.round(metres * 10) / 10.0;
    }
}
