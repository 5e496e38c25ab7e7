package org.yizhan.locator.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OGC API part of the service as an OpenAPI 3.0 document, the "service-desc" of the landing
 * page. OGC clients and the OGC test suite read it to find the paths and the limit, bbox and
 * datetime parameters; it is written out here (self-contained, no external $refs) because the
 * service-wide springdoc document is OpenAPI 3.1 and describes everything else too. The same
 * operations also appear in that document through their controllers' annotations.
 */
final class OgcOpenApi {

    private OgcOpenApi() {}

    static Map<String, Object> document(String base) {
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put(
                "/",
                get(
                        "getLandingPage",
                        "Landing page",
                        List.of(format()),
                        json("Links to the API definition, conformance and collections")));
        paths.put(
                "/conformance",
                get("getConformanceDeclaration", "Conformance classes", List.of(format()), json("conformsTo")));
        paths.put(
                "/api",
                get(
                        "getApiDefinition",
                        "This document",
                        List.of(),
                        content("application/vnd.oai.openapi+json;version=3.0", "The API definition")));
        paths.put(
                "/collections",
                get("getCollections", "Feature collections", List.of(format()), json("The collections")));
        String c = "/collections/" + StationCollection.ID;
        paths.put(
                c, get("describeStations", "The stations collection", List.of(format()), json("Collection metadata")));
        paths.put(
                c + "/queryables",
                get(
                        "getStationQueryables",
                        "Queryable properties",
                        List.of(),
                        content("application/schema+json", "JSON Schema of the queryable properties")));
        paths.put(c + "/items", get("getStations", "Stations", itemParameters(), features("A page of stations")));
        paths.put(
                c + "/items/{featureId}",
                get(
                        "getStation",
                        "One station by code",
                        List.of(
                                param(
                                        "featureId",
                                        "path",
                                        true,
                                        Map.of("type", "string"),
                                        "Station code, e.g. 150302-00001-9"),
                                crs("crs", "Coordinate reference system of the response"),
                                format()),
                        features("The station")));
        paths.put(
                c + "/tiles",
                get("getStationTileSets", "Vector tile sets of the stations", List.of(), json("Tile set list")));
        paths.put(
                c + "/tiles/WebMercatorQuad",
                get("getStationTileSet", "The WebMercatorQuad vector tile set", List.of(), json("Tile set metadata")));
        paths.put(
                c + "/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}",
                get(
                        "getStationTile",
                        "A vector tile",
                        List.of(
                                param(
                                        "tileMatrix",
                                        "path",
                                        true,
                                        Map.of("type", "integer", "minimum", 0, "maximum", StationTiles.MAX_ZOOM),
                                        "Zoom level"),
                                param(
                                        "tileRow",
                                        "path",
                                        true,
                                        Map.of("type", "integer", "minimum", 0),
                                        "Row, from the north"),
                                param(
                                        "tileCol",
                                        "path",
                                        true,
                                        Map.of("type", "integer", "minimum", 0),
                                        "Column, from the antimeridian west")),
                        content(OgcLinks.MVT, "Mapbox Vector Tile")));

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put(
                "info",
                Map.of(
                        "title",
                        "Yizhan 驿站 OGC API",
                        "version",
                        "1.0.0",
                        "description",
                        "Trade-union rest stations for outdoor workers: OGC API – Features (Part 1 Core, GeoJSON, HTML, "
                                + "OpenAPI 3.0; Part 2 CRS) and OGC API – Tiles vector tiles.",
                        "license",
                        Map.of("name", "Apache-2.0")));
        doc.put("servers", List.of(Map.of("url", base)));
        doc.put("paths", paths);
        return doc;
    }

    private static List<Map<String, Object>> itemParameters() {
        List<Map<String, Object>> p = new ArrayList<>();
        p.add(param(
                "bbox",
                "query",
                false,
                Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")),
                "minLng,minLat,maxLng,maxLat in bbox-crs (lower left, upper right)"));
        p.add(crs("bbox-crs", "Coordinate reference system of bbox"));
        p.add(crs("crs", "Coordinate reference system of the response"));
        p.add(param(
                "limit",
                "query",
                false,
                Map.of(
                        "type",
                        "integer",
                        "minimum",
                        1,
                        "maximum",
                        ItemsRequest.MAX_LIMIT,
                        "default",
                        ItemsRequest.DEFAULT_LIMIT),
                "Stations per page; more than the maximum is served as the maximum"));
        p.add(param(
                "datetime",
                "query",
                false,
                Map.of("type", "string"),
                "Accepted and checked; stations carry no time of validity"));
        p.add(param(
                "cursor", "query", false, Map.of("type", "string"), "Opaque page position, from a next or prev link"));
        p.add(param(
                "amenities", "query", false, Map.of("type", "string"), "Comma-separated amenity keys; all required"));
        p.add(param(
                "status",
                "query",
                false,
                Map.of("type", "string", "enum", List.of("active", "suspended", "active,suspended")),
                "Station status"));
        p.add(param(
                "adcode",
                "query",
                false,
                Map.of("type", "string", "pattern", "^([0-9]{2}|[0-9]{4}|[0-9]{6})$"),
                "Division code (prefix)"));
        p.add(param("openNow", "query", false, Map.of("type", "boolean"), "Open at the time of the request"));
        p.add(param(
                "lang",
                "query",
                false,
                Map.of("type", "string", "enum", List.of("zh", "en")),
                "Language of amenity labels"));
        p.add(format());
        return p;
    }

    private static Map<String, Object> crs(String name, String description) {
        return param(
                name,
                "query",
                false,
                Map.of("type", "string", "format", "uri", "enum", OgcCrs.uris(), "default", OgcCrs.CRS84.uri()),
                description);
    }

    private static Map<String, Object> format() {
        return param(
                "f",
                "query",
                false,
                Map.of("type", "string", "enum", List.of("json", "html")),
                "Encoding of the response");
    }

    private static Map<String, Object> param(
            String name, String in, boolean required, Map<String, Object> schema, String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", in);
        p.put("description", description);
        p.put("required", required);
        if (in.equals("query")) {
            p.put("style", "form");
            p.put("explode", false);
        }
        p.put("schema", schema);
        return p;
    }

    private static Map<String, Object> get(
            String operationId, String summary, List<Map<String, Object>> parameters, Map<String, Object> ok) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", operationId);
        operation.put("summary", summary);
        operation.put("tags", List.of("OGC API"));
        if (!parameters.isEmpty()) operation.put("parameters", parameters);
        Map<String, Object> problem = Map.of(
                "description",
                "An RFC 9457 problem detail",
                "content",
                Map.of("application/problem+json", Map.of("schema", Map.of("type", "object"))));
        operation.put("responses", Map.of("200", ok, "400", problem, "404", problem));
        return Map.of("get", operation);
    }

    private static Map<String, Object> json(String description) {
        return Map.of(
                "description",
                description,
                "content",
                Map.of(
                        "application/json", Map.of("schema", Map.of("type", "object")),
                        "text/html", Map.of("schema", Map.of("type", "string"))));
    }

    private static Map<String, Object> features(String description) {
        return Map.of(
                "description",
                description,
                "content",
                Map.of(
                        "application/geo+json", Map.of("schema", Map.of("type", "object")),
                        "text/html", Map.of("schema", Map.of("type", "string"))));
    }

    private static Map<String, Object> content(String type, String description) {
        return Map.of("description", description, "content", Map.of(type, Map.of("schema", Map.of("type", "object"))));
    }
}
