package org.yizhan.locator.ogcapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.locator.web.ApiException;

/** OGC API – Tiles for the stations collection: tile set metadata and Mapbox Vector Tiles in WebMercatorQuad. */
@RestController
class TilesController {

    static final String TILE_MATRIX_SET = "WebMercatorQuad";
    private static final String TMS_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";

    private final StationTiles tiles;

    TilesController(StationTiles tiles) {
        this.tiles = tiles;
    }

    @Operation(summary = "Vector tile sets of the stations collection (OGC API – Tiles)")
    @GetMapping("/ogcapi/collections/{collectionId}/tiles")
    ResponseEntity<Map<String, Object>> tileSets(@PathVariable String collectionId) {
        LandingController.requireStations(collectionId);
        String base = tilesBase();
        Map<String, Object> set = tileSetHeader();
        set.put("links", tileSetLinks(base, "Tile set"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "links", List.of(OgcLinks.link("self", OgcLinks.JSON, "Tile sets", base)),
                        "tilesets", List.of(set)));
    }

    @Operation(
            summary = "The WebMercatorQuad vector tile set of the stations",
            description = "Layers: 'stations' (points: code, name, amenities, openNow, alwaysOpen) from zoom 12, "
                    + "'clusters' (points: count) below.")
    @GetMapping("/ogcapi/collections/{collectionId}/tiles/" + TILE_MATRIX_SET)
    ResponseEntity<Map<String, Object>> tileSet(@PathVariable String collectionId) {
        LandingController.requireStations(collectionId);
        Map<String, Object> body = tileSetHeader();
        body.put("tileMatrixSetLimits", List.of());
        body.put(
                "layers",
                List.of(
                        Map.of(
                                "id",
                                StationTiles.CLUSTERS,
                                "geometryType",
                                "points",
                                "minTileMatrix",
                                "0",
                                "maxTileMatrix",
                                String.valueOf(StationTiles.POINT_ZOOM - 1),
                                "propertiesSchema",
                                Map.of("type", "object", "properties", Map.of("count", Map.of("type", "integer")))),
                        Map.of(
                                "id",
                                StationTiles.STATIONS,
                                "geometryType",
                                "points",
                                "minTileMatrix",
                                String.valueOf(StationTiles.POINT_ZOOM),
                                "maxTileMatrix",
                                String.valueOf(StationTiles.MAX_ZOOM),
                                "propertiesSchema",
                                Map.of(
                                        "type",
                                        "object",
                                        "properties",
                                        Map.of(
                                                "code",
                                                Map.of("type", "string"),
                                                "name",
                                                Map.of("type", "string"),
                                                "amenities",
                                                Map.of("type", "string"),
                                                "openNow",
                                                Map.of("type", "boolean"),
                                                "alwaysOpen",
                                                Map.of("type", "boolean"))))));
        body.put("links", tileSetLinks(tilesBase(), "This tile set"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @Operation(
            summary = "One vector tile of the stations (Mapbox Vector Tile)",
            description = "Cacheable: send the ETag back in If-None-Match for a 304 while the tile is unchanged.")
    @GetMapping("/ogcapi/collections/{collectionId}/tiles/" + TILE_MATRIX_SET + "/{tileMatrix}/{tileRow}/{tileCol}")
    ResponseEntity<byte[]> tile(
            @PathVariable String collectionId,
            @PathVariable @Parameter(description = "Zoom level 0-22") int tileMatrix,
            @PathVariable @Parameter(description = "Row, 0 at the north") long tileRow,
            @PathVariable @Parameter(description = "Column, 0 at the antimeridian west") long tileCol,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        LandingController.requireStations(collectionId);
        if (tileMatrix < 0 || tileMatrix > StationTiles.MAX_ZOOM) {
            throw ApiException.invalid("tileMatrix", "ogc.tileMatrix", StationTiles.MAX_ZOOM);
        }
        long size = 1L << tileMatrix;
        if (tileRow < 0 || tileRow >= size || tileCol < 0 || tileCol >= size) {
            throw ApiException.notFound("ogc.tile.unknown", tileMatrix, size - 1);
        }
        if (!tiles.ready()) {
            throw ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "index.loading");
        }
        StationTiles.Tile tile = tiles.tile(tileMatrix, tileCol, tileRow);
        CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(tile.etag()) || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(tile.etag())
                    .cacheControl(cache)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(OgcLinks.MVT))
                .eTag(tile.etag())
                .cacheControl(cache)
                .body(tile.bytes());
    }

    private static String tilesBase() {
        return OgcLinks.base() + "/collections/" + StationCollection.ID + "/tiles";
    }

    /** What the list of tile sets and the tile set itself both begin with (a mutable, ordered map). */
    private static Map<String, Object> tileSetHeader() {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("title", "Stations, " + TILE_MATRIX_SET);
        set.put("dataType", "vector");
        set.put("crs", OgcCrs.EPSG_3857.uri());
        set.put("tileMatrixSetURI", TMS_URI);
        return set;
    }

    /** The tile set's links: to itself (titled {@code selfTitle}), to its tiling scheme and the tile template. */
    private static List<Map<String, Object>> tileSetLinks(String base, String selfTitle) {
        return List.of(
                OgcLinks.link("self", OgcLinks.JSON, selfTitle, base + "/" + TILE_MATRIX_SET),
                OgcLinks.link(
                        "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme",
                        OgcLinks.JSON,
                        "WebMercatorQuad",
                        TMS_URI),
                templated(base));
    }

    private static Map<String, Object> templated(String base) {
        Map<String, Object> link = OgcLinks.link(
                "item",
                OgcLinks.MVT,
                "Vector tiles",
                base + "/" + TILE_MATRIX_SET + "/{tileMatrix}/{tileRow}/{tileCol}");
        link.put("templated", true);
        return link;
    }
}
