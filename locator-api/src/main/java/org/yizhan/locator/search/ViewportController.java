package org.yizhan.locator.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.station.CompactStation;
import org.yizhan.locator.station.StationJson;
import org.yizhan.locator.station.StationResponse;
import org.yizhan.locator.station.StationResponses;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.station.StationStatus;
import org.yizhan.locator.station.StationView;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;
import org.yizhan.locator.web.Language;
import org.yizhan.locator.web.PublicBaseUrl;

/** Stations in a viewport as a GeoJSON FeatureCollection, paged by keyset so paging is stable. */
@RestController
class ViewportController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5_000;

    private final ViewportSearch search;
    private final StationResponses responses;
    private final StationJson stationJson;
    private final AmenityVocabulary vocabulary;
    private final Clock clock;

    private final PublicBaseUrl publicBaseUrl;

    ViewportController(
            ViewportSearch search,
            StationResponses responses,
            StationJson stationJson,
            AmenityVocabulary vocabulary,
            Clock clock,
            PublicBaseUrl publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
        this.stationJson = stationJson;
        this.search = search;
        this.responses = responses;
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    @Operation(
            summary = "Stations in a bounding box (GeoJSON)",
            description = "RFC 7946 FeatureCollection; while more stations remain, links has rel=next. "
                    + "Coordinates are in crs (RFC 7946 assumes wgs84, the default).")
    @GetMapping(
            value = "/api/v1/stations",
            produces = {"application/geo+json", "application/json"})
    ResponseEntity<Map<String, Object>> stations(
            @RequestParam(required = false)
                    @Parameter(
                            description = "minLng,minLat,maxLng,maxLat in crs",
                            example = "106.78,39.62,106.86,39.70")
                    @Nullable
                    String bbox,
            @RequestParam(required = false) @Parameter(description = "1-5000, default 500") @Nullable Integer limit,
            @RequestParam(required = false) @Parameter(description = "Opaque; from the next link") @Nullable
                    String cursor,
            @RequestParam(required = false)
                    @Parameter(description = "Comma-separated statuses, default active")
                    @Nullable
                    String status,
            @RequestParam(required = false) @Nullable String amenities,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false)
                    @Parameter(description = StationView.DESCRIPTION + " (as properties)")
                    @Nullable
                    String view,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage,
            jakarta.servlet.http.HttpServletRequest request) {
        CoordinateSystem system = GeoParams.crs(crs);
        StationView shape = StationView.parse(view);
        Bbox box = Bbox.parse(bbox);
        int max = GeoParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        long after = ViewportSearch.decodeCursor(cursor);
        List<String> statuses = statuses(status);
        List<String> keys =
                amenities == null ? List.of() : vocabulary.validate("amenities", Arrays.asList(amenities.split(",")));
        Language language = Language.resolve(lang, acceptLanguage);
        Instant now = clock.instant();

        ViewportSearch.Page page = search.page(box.toWgs84(system), statuses, keys, after, max);
        List<Object> features = new ArrayList<>(page.rows().size());
        for (StationRow row : page.rows()) {
            if (shape == StationView.COMPACT) {
                CompactStation station = responses.toCompact(row, system, now, null);
                features.add(GeoJson.feature(row.code(), point(station.location()), station));
            } else {
                // Written field by field, as nearest's stations are (NearestJsonIT compares both with the record).
                features.add(stationJson.feature(row, language, system, now));
            }
        }
        Map<String, Object> body = GeoJson.featureCollection(features);
        body.put("numberReturned", features.size());
        List<Map<String, String>> links = new ArrayList<>();
        if (page.nextCursor() != null) {
            String next = publicBaseUrl.currentWith(request, "cursor", page.nextCursor());
            Map<String, String> link = new java.util.LinkedHashMap<>(); // one key order on every instance
            link.put("rel", "next");
            link.put("href", next);
            link.put("type", GEO_JSON.toString());
            links.add(link);
        }
        body.put("links", links);
        return ResponseEntity.ok().contentType(GEO_JSON).body(body);
    }

    private static Map<String, Object> point(StationResponse.Location location) {
        return GeoJson.point(location.lng(), location.lat());
    }

    private static List<String> statuses(@Nullable String status) {
        if (status == null || status.isBlank()) return List.of(StationStatus.ACTIVE.value());
        List<String> out = new ArrayList<>();
        // -1 keeps empty pieces: "status=," names no status, and is refused rather than searched as none.
        for (String s : status.split(",", -1)) {
            if (s.isBlank()) throw ApiException.invalid("status", "station.status.empty");
            out.add(StationStatus.parse(s)
                    .orElseThrow(() -> ApiException.invalid("status", "station.status.unknown", s.trim()))
                    .value());
        }
        return out;
    }
}
