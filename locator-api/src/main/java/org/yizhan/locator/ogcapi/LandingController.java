package org.yizhan.locator.ogcapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.yizhan.locator.web.ApiException;

/** The discovery side of OGC API – Features: landing page, conformance, API definition, collections, queryables. */
@RestController
@Tag(name = "OGC API", description = "OGC API – Features and Tiles for GIS clients (QGIS, ArcGIS, MapLibre)")
class LandingController {

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters");

    private final StationCollection collection;

    LandingController(StationCollection collection) {
        this.collection = collection;
    }

    @Operation(
            summary = "OGC API landing page",
            description = "Links to the API definition, conformance and the station collection. f=json|html.")
    @GetMapping({"/ogcapi", "/ogcapi/"})
    ResponseEntity<?> landing(
            @RequestParam(required = false) @Parameter(description = "json or html") @Nullable String f,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        String base = OgcLinks.base();
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcLinks.link("self", OgcLinks.JSON, "This document", base + "?f=json"));
        links.add(OgcLinks.link("alternate", OgcLinks.HTML, "This document as HTML", base + "?f=html"));
        links.add(OgcLinks.link(
                "service-desc", OgcLinks.OPENAPI_JSON, "The API definition (OpenAPI 3.0)", base + "/api"));
        links.add(OgcLinks.link(
                "service-doc",
                OgcLinks.HTML,
                "The whole Yizhan API, browsable",
                org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/swagger-ui.html")
                        .build()
                        .toUriString()));
        links.add(OgcLinks.link("conformance", OgcLinks.JSON, "Conformance classes", base + "/conformance"));
        links.add(OgcLinks.link("data", OgcLinks.JSON, "Collections", base + "/collections"));
        if (OgcFormat.resolve(f, accept) == OgcFormat.HTML) {
            return new OgcHtml("Yizhan 驿站 OGC API")
                    .paragraph("Rest stations for outdoor workers, for GIS clients.")
                    .links("Links", links)
                    .response();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Yizhan 驿站 OGC API");
        body.put(
                "description", "Trade-union rest stations for outdoor workers as OGC API – Features and vector tiles.");
        body.put("links", links);
        return json(body);
    }

    @Operation(summary = "OGC API conformance classes")
    @GetMapping("/ogcapi/conformance")
    ResponseEntity<?> conformance(
            @RequestParam(required = false) @Nullable String f,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        if (OgcFormat.resolve(f, accept) == OgcFormat.HTML) {
            return new OgcHtml("Conformance")
                    .list("This API conforms to", CONFORMANCE)
                    .response();
        }
        return json(Map.of("conformsTo", CONFORMANCE));
    }

    @Operation(
            summary = "OGC API definition (OpenAPI 3.0)",
            description =
                    "The OGC API part of this service as OpenAPI 3.0, as OGC clients and the OGC test suite read it.")
    @GetMapping("/ogcapi/api")
    ResponseEntity<Map<String, Object>> api() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(OgcLinks.OPENAPI_JSON))
                .body(OgcOpenApi.document(OgcLinks.base()));
    }

    @Operation(summary = "OGC API feature collections")
    @GetMapping("/ogcapi/collections")
    ResponseEntity<?> collections(
            @RequestParam(required = false) @Nullable String f,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        String base = OgcLinks.base();
        List<Map<String, Object>> links = List.of(
                OgcLinks.link("self", OgcLinks.JSON, "This document", base + "/collections?f=json"),
                OgcLinks.link("alternate", OgcLinks.HTML, "This document as HTML", base + "/collections?f=html"));
        Map<String, Object> stations = collection.describe(base);
        if (OgcFormat.resolve(f, accept) == OgcFormat.HTML) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> stationLinks =
                    (List<Map<String, Object>>) java.util.Objects.requireNonNull(stations.get("links"));
            return new OgcHtml("Collections")
                    .links(StationCollection.TITLE, stationLinks)
                    .response();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", links);
        body.put("collections", List.of(stations));
        body.put("crs", OgcCrs.uris());
        return json(body);
    }

    @Operation(summary = "OGC API feature collection", description = "The only collection is 'stations'.")
    @GetMapping("/ogcapi/collections/{collectionId}")
    ResponseEntity<?> collection(
            @PathVariable String collectionId,
            @RequestParam(required = false) @Nullable String f,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        requireStations(collectionId);
        Map<String, Object> stations = collection.describe(OgcLinks.base());
        if (OgcFormat.resolve(f, accept) == OgcFormat.HTML) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> links =
                    (List<Map<String, Object>>) java.util.Objects.requireNonNull(stations.get("links"));
            return new OgcHtml(StationCollection.TITLE)
                    .paragraph(StationCollection.DESCRIPTION)
                    .paragraph("Extent (CRS84): " + collection.extent())
                    .list("Coordinate reference systems", OgcCrs.uris())
                    .links("Links", links)
                    .response();
        }
        return json(stations);
    }

    @Operation(summary = "Properties of stations that items can be filtered by (JSON Schema)")
    @GetMapping("/ogcapi/collections/{collectionId}/queryables")
    ResponseEntity<Map<String, Object>> queryables(@PathVariable String collectionId) {
        requireStations(collectionId);
        String id = OgcLinks.base() + "/collections/" + StationCollection.ID + "/queryables";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("$schema", "https://json-schema.org/draft/2019-09/schema");
        body.put("$id", id);
        body.put("type", "object");
        body.put("title", StationCollection.TITLE);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(
                "amenities",
                Map.of(
                        "type",
                        "string",
                        "title",
                        "Amenities",
                        "description",
                        "Comma-separated amenity keys (see /api/v1/amenities); a station matches when it has all of them."));
        properties.put("status", Map.of("type", "string", "enum", ItemsRequest.PUBLISHED, "title", "Status"));
        properties.put(
                "adcode",
                Map.of(
                        "type",
                        "string",
                        "pattern",
                        "^([0-9]{2}|[0-9]{4}|[0-9]{6})$",
                        "title",
                        "Division",
                        "description",
                        "GB/T 2260 code of a province (2 digits), city (4) or county (6) the station lies in."));
        properties.put(
                "openNow",
                Map.of(
                        "type",
                        "boolean",
                        "title",
                        "Open now",
                        "description",
                        "Open at the time of the request (Asia/Shanghai)."));
        body.put("properties", properties);
        body.put("additionalProperties", false);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/schema+json"))
                .body(body);
    }

    static void requireStations(String collectionId) {
        if (!StationCollection.ID.equals(collectionId)) {
            throw ApiException.notFound("ogc.collection.unknown", StationCollection.ID);
        }
    }

    private static ResponseEntity<Map<String, Object>> json(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
