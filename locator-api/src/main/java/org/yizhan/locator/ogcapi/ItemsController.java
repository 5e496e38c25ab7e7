package org.yizhan.locator.ogcapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.station.StationCodes;
import org.yizhan.locator.station.StationReader;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.Language;

/** Stations as OGC API features: pages of the collection and single stations by code. */
@RestController
class ItemsController {

    private static final MediaType GEO_JSON = MediaType.parseMediaType(OgcLinks.GEO_JSON);

    private final StationItems items;
    private final StationFeatures features;
    private final StationReader reader;
    private final AmenityVocabulary vocabulary;
    private final Clock clock;

    ItemsController(
            StationItems items,
            StationFeatures features,
            StationReader reader,
            AmenityVocabulary vocabulary,
            Clock clock) {
        this.items = items;
        this.features = features;
        this.reader = reader;
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    @Operation(
            summary = "Stations of the collection (OGC API – Features items)",
            description =
                    "GeoJSON (or f=html) FeatureCollection, keyset-paged through links rel=next/prev; numberMatched unless "
                            + "openNow is given. Coordinates in crs (default CRS84 longitude/latitude); bbox in bbox-crs. "
                            + "Unknown parameters are refused with 400.")
    @GetMapping("/ogcapi/collections/{collectionId}/items")
    ResponseEntity<?> items(
            @PathVariable String collectionId,
            @RequestParam(required = false)
                    @Parameter(description = "minLng,minLat,maxLng,maxLat in bbox-crs")
                    @Nullable
                    String bbox,
            @RequestParam(name = "bbox-crs", required = false) @Parameter(description = "CRS URI of bbox") @Nullable
                    String bboxCrs,
            @RequestParam(required = false) @Parameter(description = "CRS URI of the returned coordinates") @Nullable
                    String crs,
            @RequestParam(required = false) @Parameter(description = "1-10000, default 100") @Nullable String limit,
            @RequestParam(required = false) @Parameter(description = "Opaque; from a next or prev link") @Nullable
                    String cursor,
            @RequestParam(required = false)
                    @Parameter(description = "Accepted and checked; stations have no time of validity")
                    @Nullable
                    String datetime,
            @RequestParam(required = false)
                    @Parameter(description = "Comma-separated amenity keys, all required")
                    @Nullable
                    String amenities,
            @RequestParam(required = false) @Parameter(description = "active, suspended or both (default)") @Nullable
                    String status,
            @RequestParam(required = false) @Parameter(description = "Division code prefix: 15, 1503, 150302") @Nullable
                    String adcode,
            @RequestParam(required = false) @Parameter(description = "true or false") @Nullable String openNow,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Parameter(description = "json or html") @Nullable String f,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage,
            HttpServletRequest http) {
        LandingController.requireStations(collectionId);
        ItemsRequest request = ItemsRequest.parse(http.getParameterMap(), vocabulary);
        OgcFormat format = OgcFormat.resolve(f, accept);
        Language language = Language.resolve(lang, acceptLanguage);
        Instant now = clock.instant();
        StationItems.Page page = items.page(request, now);

        String path = OgcLinks.base() + "/collections/" + StationCollection.ID + "/items";
        Map<String, String> here = new LinkedHashMap<>(request.echo());
        here.put("limit", String.valueOf(request.limit()));
        if (!request.cursor().equals(ItemsRequest.Cursor.START))
            here.put("cursor", request.cursor().encode());
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcLinks.link("self", OgcLinks.GEO_JSON, "This page", OgcLinks.withQuery(path, here)));
        links.add(OgcLinks.link(
                "alternate", OgcLinks.HTML, "This page as HTML", OgcLinks.withQuery(path, with(here, "f", "html"))));
        if (page.next() != null) {
            links.add(OgcLinks.link(
                    "next",
                    format == OgcFormat.HTML ? OgcLinks.HTML : OgcLinks.GEO_JSON,
                    "Next page",
                    OgcLinks.withQuery(
                            path, formatted(with(here, "cursor", page.next().encode()), format))));
        }
        if (page.prev() != null) {
            links.add(OgcLinks.link(
                    "prev",
                    format == OgcFormat.HTML ? OgcLinks.HTML : OgcLinks.GEO_JSON,
                    "Previous page",
                    OgcLinks.withQuery(
                            path, formatted(with(here, "cursor", page.prev().encode()), format))));
        }
        links.add(OgcLinks.link(
                "collection",
                OgcLinks.JSON,
                "The collection",
                OgcLinks.base() + "/collections/" + StationCollection.ID));

        if (format == OgcFormat.HTML) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StationRow station : page.rows()) {
                Map<String, Object> feature = features.feature(station, request.crs(), language, now);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("geometry", castMap(feature.get("geometry")).get("coordinates"));
                row.putAll(castMap(feature.get("properties")));
                rows.add(row);
            }
            OgcHtml html = new OgcHtml(StationCollection.TITLE);
            if (page.numberMatched() != null)
                html.paragraph(page.numberMatched() + " stations match; " + rows.size() + " on this page.");
            return withCrs(html.table(rows).links("Links", links).response(), request.crs());
        }
        List<Object> featureList = new ArrayList<>(page.rows().size());
        for (StationRow row : page.rows()) featureList.add(features.json(row, request.crs(), language, now));
        Map<String, Object> body = GeoJson.featureCollection(featureList);
        body.put("timeStamp", now.toString());
        if (page.numberMatched() != null) body.put("numberMatched", page.numberMatched());
        body.put("numberReturned", featureList.size());
        body.put("links", links);
        return withCrs(ResponseEntity.ok().contentType(GEO_JSON).body(body), request.crs());
    }

    @Operation(
            summary = "One station as an OGC API feature",
            description = "featureId is the station code on the plaque.")
    @GetMapping("/ogcapi/collections/{collectionId}/items/{featureId}")
    ResponseEntity<?> item(
            @PathVariable String collectionId,
            @PathVariable String featureId,
            @RequestParam(required = false) @Parameter(description = "CRS URI of the returned coordinates") @Nullable
                    String crs,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Parameter(description = "json or html") @Nullable String f,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        LandingController.requireStations(collectionId);
        OgcCrs system = OgcCrs.parse("crs", crs);
        OgcFormat format = OgcFormat.resolve(f, accept);
        StationRow row = reader.find(StationCodes.parse(featureId))
                .filter(r -> ItemsRequest.PUBLISHED.contains(r.status()))
                .orElseThrow(() -> ApiException.notFound("ogc.station.unknown", featureId));
        Map<String, Object> feature =
                features.feature(row, system, Language.resolve(lang, acceptLanguage), clock.instant());
        String self = OgcLinks.base() + "/collections/" + StationCollection.ID + "/items/" + row.code();
        Map<String, String> query = crs == null ? Map.of() : Map.of("crs", system.uri());
        List<Map<String, Object>> links = List.of(
                OgcLinks.link("self", OgcLinks.GEO_JSON, "This station", OgcLinks.withQuery(self, query)),
                OgcLinks.link(
                        "alternate",
                        OgcLinks.HTML,
                        "This station as HTML",
                        OgcLinks.withQuery(self, with(query, "f", "html"))),
                OgcLinks.link(
                        "collection",
                        OgcLinks.JSON,
                        "The collection",
                        OgcLinks.base() + "/collections/" + StationCollection.ID));
        if (format == OgcFormat.HTML) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("geometry", castMap(feature.get("geometry")).get("coordinates"));
            properties.putAll(castMap(feature.get("properties")));
            return withCrs(
                    new OgcHtml(row.name())
                            .table(List.of(properties))
                            .links("Links", links)
                            .response(),
                    system);
        }
        feature.put("links", links);
        return withCrs(ResponseEntity.ok().contentType(GEO_JSON).body(feature), system);
    }

    private static <T> ResponseEntity<T> withCrs(ResponseEntity<T> response, OgcCrs crs) {
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .header("Content-Crs", "<" + crs.uri() + ">")
                .body(response.getBody());
    }

    private static Map<String, String> with(Map<String, String> query, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, String> formatted(Map<String, String> query, OgcFormat format) {
        return format == OgcFormat.HTML ? with(query, "f", "html") : query;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(@Nullable Object value) {
        return (Map<String, Object>) java.util.Objects.requireNonNull(value, "a feature has geometry and properties");
    }
}
