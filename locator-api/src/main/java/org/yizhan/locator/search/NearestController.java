package org.yizhan.locator.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.routing.NetworkDistances;
import org.yizhan.locator.routing.Travel;
import org.yizhan.locator.station.CompactStation;
import org.yizhan.locator.station.OpeningHoursCache;
import org.yizhan.locator.station.StationJson;
import org.yizhan.locator.station.StationResponse;
import org.yizhan.locator.station.StationResponses;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.station.StationView;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;
import org.yizhan.locator.web.Language;

@RestController
class NearestController {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    static final double MAX_RADIUS_METERS = 1_000_000;

    private final NearestSearch search;
    private final StationIndex index;
    private final OpeningHoursCache hours;
    private final NearestQueryListener demand;
    private final StationResponses responses;
    private final AmenityVocabulary vocabulary;
    private final Clock clock;
    private final NearestByRoad byRoad;
    private final NetworkDistances network;
    private final StationJson stationJson;

    NearestController(
            NearestSearch search,
            StationIndex index,
            OpeningHoursCache hours,
            StationResponses responses,
            AmenityVocabulary vocabulary,
            NearestQueryListener demand,
            Clock clock,
            NearestByRoad byRoad,
            NetworkDistances network,
            StationJson stationJson) {
        this.stationJson = stationJson;
        this.byRoad = byRoad;
        this.network = network;
        this.search = search;
        this.demand = demand;
        this.index = index;
        this.hours = hours;
        this.responses = responses;
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    record NearestResponse(
            @io.swagger.v3.oas.annotations.media.Schema(description = "Query point, in crs")
            StationResponse.Location origin,

            String crs,

            @io.swagger.v3.oas.annotations.media.ArraySchema(
                    schema =
                            @io.swagger.v3.oas.annotations.media.Schema(
                                    oneOf = {StationResponse.class, CompactStation.class},
                                    description = "Station, or CompactStation with view=compact"))
            List<?> stations) {}

    @Operation(
            summary = "Nearest active stations",
            description =
                    "Sorted by geodesic distance on the WGS-84 ellipsoid. Filters: radius, amenities (all of), open now. "
                            + "With by=walk or by=ride (only when the server has a road graph), sorted by the length of the way there "
                            + "on the road network instead, with routeMeters and routeSeconds; radius then limits the route length.")
    @GetMapping("/api/v1/stations/nearest")
    NearestResponse nearest(
            @RequestParam(required = false) @Parameter(description = "Latitude in crs", example = "39.6553") @Nullable
                    Double lat,
            @RequestParam(required = false) @Parameter(description = "Longitude in crs", example = "106.8254") @Nullable
                    Double lng,
            @RequestParam(required = false) @Parameter(description = "1-100, default 10") @Nullable Integer limit,
            @RequestParam(required = false) @Parameter(description = "Metres, up to 1,000,000") @Nullable Double radius,
            @RequestParam(required = false)
                    @Parameter(
                            description = "Comma-separated keys; stations must have all",
                            example = "microwave,drinking_water")
                    @Nullable
                    String amenities,
            @RequestParam(required = false, defaultValue = "false") boolean openNow,
            @RequestParam(required = false, defaultValue = "false") @Parameter(description = "Only 24-hour stations")
                    boolean alwaysOpen,
            @RequestParam(required = false)
                    @Parameter(description = "Evaluate openNow at this instant (ISO-8601) instead of now")
                    @Nullable
                    String at,
            @RequestParam(required = false) @Parameter(description = "wgs84 (default), gcj02 or bd09") @Nullable
                    String crs,
            @RequestParam(required = false)
                    @Parameter(
                            description = "walk or ride: rank by the way there on the road network",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"walk", "ride"}))
                    @Nullable
                    String by,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Parameter(description = StationView.DESCRIPTION) @Nullable String view,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        CoordinateSystem system = GeoParams.crs(crs);
        StationView shape = StationView.parse(view);
        LatLng origin = GeoParams.point(lat, lng);
        int max = GeoParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        if (radius != null) GeoParams.requireFinite("radius", radius, 1, MAX_RADIUS_METERS);
        List<String> keys =
                amenities == null ? List.of() : vocabulary.validate("amenities", Arrays.asList(amenities.split(",")));
        Instant now = instant(at);
        Language language = Language.resolve(lang, acceptLanguage);

        Travel travel = NearestByRoad.travel(by, network);

        LatLng wgs84 = system.toWgs84(origin);
        IntFunction<List<NearestHit>> straight = n -> index.ready()
                ? index.nearest(wgs84.lat(), wgs84.lng(), n, radius, keys, accept(openNow, alwaysOpen, now))
                : search.nearest(new NearestSearch.Query(wgs84, n, radius, keys, openNow, alwaysOpen, now));
        if (travel != null) {
            List<NearestByRoad.RoadHit> found = byRoad.nearest(travel, wgs84, max, radius, straight);
            demand.record(wgs84, found.isEmpty() ? null : found.get(0).hit().distanceMeters());
            return new NearestResponse(
                    new StationResponse.Location(origin.lat(), origin.lng()),
                    system.id(),
                    found.stream()
                            .map(h -> responses
                                    .toResponse(
                                            h.hit().station(),
                                            language,
                                            system,
                                            now,
                                            h.hit().distanceMeters())
                                    .withRoute(h.route().meters(), h.route().seconds()))
                            .toList());
        }
        List<NearestHit> hits = straight.apply(max);
        demand.record(wgs84, hits.isEmpty() ? null : hits.get(0).distanceMeters());
        return new NearestResponse(
                new StationResponse.Location(origin.lat(), origin.lng()),
                system.id(),
                shape == StationView.COMPACT
                        ? hits.stream()
                                .map(h -> responses.toCompact(h.station(), system, now, h.distanceMeters()))
                                .toList()
                        : hits.stream()
                                .map(h -> stationJson.found(h.station(), language, system, now, h.distanceMeters()))
                                .toList());
    }

    /** The filters for one request; each distinct opening-hours value is evaluated once. */
    private Predicate<StationRow> accept(boolean openNow, boolean alwaysOpen, Instant now) {
        if (alwaysOpen) return StationRow::alwaysOpen;
        if (!openNow) return StationIndex.ANY;
        Map<String, Boolean> memo = new HashMap<>();
        return row -> row.alwaysOpen()
                || memo.computeIfAbsent(
                        row.openingHours(),
                        hours -> this.hours.stateAt(hours, now).open());
    }

    private Instant instant(@Nullable String at) {
        if (at == null || at.isBlank()) return clock.instant();
        try {
            return java.time.OffsetDateTime.parse(at.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("at", "nearest.at");
        }
    }
}
