package org.yizhan.locator.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.route.EncodedPolyline;
import org.yizhan.geo.route.InvalidRouteException;
import org.yizhan.geo.route.RouteLine;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.routing.NetworkDistances;
import org.yizhan.locator.routing.Travel;
import org.yizhan.locator.station.OpeningHoursCache;
import org.yizhan.locator.station.StationResponses;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.station.StationView;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;
import org.yizhan.locator.web.Language;

/** Stations along a rider's route, in the order the rider passes them. */
@RestController
class AlongRouteController {

    static final double DEFAULT_BUFFER = 300;
    static final double MAX_BUFFER = 1_000;
    static final int MAX_VERTICES = 10_000;
    static final double MAX_ROUTE_METERS = 500_000;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    /** Twice nearest's longest way there: no detour a rider takes is longer. */
    static final double MAX_DETOUR = 2 * NearestByRoad.MAX_ROUTE_METERS;

    private final AlongRouteSearch search;
    private final AlongRouteDetours detours;
    private final NetworkDistances network;
    private final StationResponses responses;
    private final AmenityVocabulary vocabulary;
    private final OpeningHoursCache hours;
    private final Clock clock;

    AlongRouteController(
            AlongRouteSearch search,
            AlongRouteDetours detours,
            NetworkDistances network,
            StationResponses responses,
            AmenityVocabulary vocabulary,
            OpeningHoursCache hours,
            Clock clock) {
        this.search = search;
        this.detours = detours;
        this.network = network;
        this.responses = responses;
        this.vocabulary = vocabulary;
        this.hours = hours;
        this.clock = clock;
    }

    @Schema(
            description =
                    "A GeoJSON LineString ({\"type\":\"LineString\",\"coordinates\":[[lng,lat],...]}) or an encoded "
                            + "polyline ({\"polyline\":\"...\"}, Google's algorithm, precision 5, lat before lng), in crs. At most 10,000 "
                            + "vertices and 500 km; it may not cross itself (send such a route in parts).")
    record RouteBody(
            @Schema(allowableValues = "LineString") @Nullable
            String type,

            @Nullable List<@Nullable List<@Nullable Double>> coordinates,
            @Nullable String polyline) {}

    record AlongRouteStation(
            @Schema(description = "Metres along the route from its start to the station's nearest point on it")
            double alongMetres,

            @Schema(
                    description =
                            "Extra distance to call in, there and back from the station's nearest point on the route, "
                                    + "measured as detourBy says: twice offRouteMetres in a straight line, or the way there "
                                    + "and back on the road network with by=walk|ride")
            double detourMetres,

            @Schema(
                    description =
                            "Travel time of the detour by road, seconds (with by=walk|ride; absent in a straight line)")
            @Nullable
            Double detourSeconds,

            @Schema(description = "Metres from the route to the station (geodesic)")
            double offRouteMetres,

            @Schema(
                    oneOf = {
                        org.yizhan.locator.station.StationResponse.class,
                        org.yizhan.locator.station.CompactStation.class
                    })
            Object station) {}

    record AlongRouteResponse(
            String crs,
            double routeMetres,
            double bufferMetres,

            @Schema(
                    description = "How detourMetres is measured: straight (line), or walk or ride on the road network",
                    allowableValues = {"straight", "walk", "ride"})
            String detourBy,

            @Schema(
                    description =
                            "Stations that match: within the buffer, passing the filters, measurable by road with "
                                    + "by=walk|ride, and within maxDetour")
            int numberMatched,

            @Schema(description = "More stations matched than limit returned")
            boolean more,

            List<AlongRouteStation> stations) {}

    @Operation(
            summary = "Active stations along a route",
            description =
                    "Stations within `buffer` metres of the route (on the WGS-84 ellipsoid, vertices joined by geodesics), "
                            + "ordered by alongMetres, or by detourMetres with order=detour. detourMetres is twice the straight-line "
                            + "distance off the route; with by=walk or by=ride (only when the server has a road graph) it is the way "
                            + "from the station's nearest point on the route to the station and back on the road network, with "
                            + "detourSeconds. By road, stations off the network or with a detour over 2 × (3 × buffer + 2 km) are left "
                            + "out, as nearest by=walk leaves them out, and at most 1,600 stations in the buffer are measured (more: "
                            + "422). maxDetour keeps the stations whose detour is at most that many metres. Filters as for nearest. "
                            + "A route that crosses itself, has fewer than two distinct points, more than 10,000 vertices or non-finite "
                            + "coordinates is refused with a 4xx problem.")
    @PostMapping("/api/v1/stations/along-route")
    AlongRouteResponse alongRoute(
            @RequestBody(required = false) @Nullable RouteBody body,
            @RequestParam(required = false) @Parameter(description = "Metres, 1-1000, default 300") @Nullable
                    Double buffer,
            @RequestParam(required = false)
                    @Parameter(description = "1-1000, default 100: the first stations along the route")
                    @Nullable
                    Integer limit,
            @RequestParam(required = false)
                    @Parameter(description = "Comma-separated keys; stations must have all")
                    @Nullable
                    String amenities,
            @RequestParam(required = false, defaultValue = "false") boolean openNow,
            @RequestParam(required = false, defaultValue = "false") @Parameter(description = "Only 24-hour stations")
                    boolean alwaysOpen,
            @RequestParam(required = false)
                    @Parameter(description = "wgs84 (default), gcj02 or bd09: of the route and every returned location")
                    @Nullable
                    String crs,
            @RequestParam(required = false)
                    @Parameter(
                            description =
                                    "walk or ride: measure each detour on the road network of that mode; absent: straight line",
                            schema = @Schema(allowableValues = {"walk", "ride"}))
                    @Nullable
                    String by,
            @RequestParam(required = false)
                    @Parameter(
                            description =
                                    "along (default): as the rider passes the stations; detour: cheapest detour first",
                            schema = @Schema(allowableValues = {"along", "detour"}))
                    @Nullable
                    String order,
            @RequestParam(required = false)
                    @Parameter(description = "Metres, 0-100,000: only stations whose detourMetres is at most this")
                    @Nullable
                    Double maxDetour,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Parameter(description = StationView.DESCRIPTION) @Nullable String view,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        CoordinateSystem system = GeoParams.crs(crs);
        StationView shape = StationView.parse(view);
        double metres = buffer == null ? DEFAULT_BUFFER : buffer;
        GeoParams.requireFinite("buffer", metres, 1, MAX_BUFFER);
        int max = GeoParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Travel travel = NearestByRoad.travel(by, network);
        AlongRouteDetours.Order ordering = AlongRouteDetours.Order.parse(order);
        if (maxDetour != null) GeoParams.requireFinite("maxDetour", maxDetour, 0, MAX_DETOUR);
        List<String> keys =
                amenities == null ? List.of() : vocabulary.validate("amenities", Arrays.asList(amenities.split(",")));
        Language language = Language.resolve(lang, acceptLanguage);
        Instant now = clock.instant();

        List<LatLng> vertices = vertices(body, system);
        RouteLine route;
        try {
            route = RouteLine.of(vertices);
        } catch (InvalidRouteException e) {
            throw ApiException.invalid(
                    "coordinates", e.reason().key(), e.values().toArray());
        }
        if (route.lengthMeters() > MAX_ROUTE_METERS) {
            throw ApiException.invalid("coordinates", "route.tooLong");
        }
        if (RouteLine.selfIntersects(vertices)) {
            throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "route.crossesItself")
                    .with("field", "coordinates");
        }
        List<AlongRouteSearch.Hit> hits =
                search.search(vertices, route, metres, keys, alwaysOpen, accept(openNow, now));
        List<AlongRouteDetours.Measured> matched = detours.measure(hits, travel, metres, maxDetour, ordering);
        List<AlongRouteStation> stations = new ArrayList<>(Math.min(max, matched.size()));
        for (AlongRouteDetours.Measured found : matched.subList(0, Math.min(max, matched.size()))) {
            AlongRouteSearch.Hit hit = found.hit();
            StationRow row = hit.station();
            Object station = shape == StationView.COMPACT
                    ? responses.toCompact(row, system, now, null)
                    : responses.toResponse(row, language, system, now, null);
            stations.add(new AlongRouteStation(
                    round(hit.position().alongMeters()),
                    found.detourMeters(),
                    found.detourSeconds(),
                    round(hit.position().offMeters()),
                    station));
        }
        return new AlongRouteResponse(
                system.id(),
                round(route.lengthMeters()),
                metres,
                travel == null ? "straight" : travel.key(),
                matched.size(),
                matched.size() > max,
                stations);
    }

    /** The route's vertices in WGS-84, from whichever form the body uses. */
    private static List<LatLng> vertices(@Nullable RouteBody body, CoordinateSystem system) {
        if (body == null || (body.coordinates() == null && body.polyline() == null)) {
            throw ApiException.invalid("route", "route.missing");
        }
        if (body.coordinates() != null && body.polyline() != null) {
            throw ApiException.invalid("route", "route.both");
        }
        List<double[]> latLngs = new ArrayList<>();
        if (body.polyline() != null) {
            try {
                latLngs.addAll(EncodedPolyline.decode(body.polyline(), MAX_VERTICES));
            } catch (InvalidRouteException e) {
                throw ApiException.invalid(
                        "polyline", e.reason().key(), e.values().toArray());
            }
        } else {
            if (!"LineString".equals(body.type())) {
                throw ApiException.invalid("type", "route.type");
            }
            List<@Nullable List<@Nullable Double>> coordinates = java.util.Objects.requireNonNull(body.coordinates());
            if (coordinates.size() > MAX_VERTICES) {
                throw ApiException.invalid("coordinates", "route.vertices", MAX_VERTICES);
            }
            for (int i = 0; i < coordinates.size(); i++) {
                List<@Nullable Double> position = coordinates.get(i);
                if (position == null || position.size() < 2 || position.get(0) == null || position.get(1) == null) {
                    throw ApiException.invalid("coordinates", "route.position.shape", i);
                }
                latLngs.add(new double[] {position.get(1), position.get(0)});
            }
        }
        if (latLngs.size() > MAX_VERTICES) {
            throw ApiException.invalid("coordinates", "route.vertices", MAX_VERTICES);
        }
        List<LatLng> out = new ArrayList<>(latLngs.size());
        for (int i = 0; i < latLngs.size(); i++) {
            double lat = latLngs.get(i)[0], lng = latLngs.get(i)[1];
            if (!Double.isFinite(lat) || !Double.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
                throw ApiException.invalid("coordinates", "route.position.range", i, lng, lat);
            }
            out.add(system.toWgs84(new LatLng(lat, lng)));
        }
        return out;
    }

    private Predicate<StationRow> accept(boolean openNow, Instant now) {
        if (!openNow) return row -> true;
        Map<String, Boolean> memo = new HashMap<>();
        return row -> row.alwaysOpen()
                || memo.computeIfAbsent(
                        row.openingHours(), h -> hours.stateAt(h, now).open());
    }

    private static double round(double metres) {
        return AlongRouteDetours.round(metres);
    }
}
