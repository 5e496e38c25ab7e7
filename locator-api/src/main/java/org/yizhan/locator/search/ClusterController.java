package org.yizhan.locator.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;

/**
 * Server-side clusters for zoomed-out maps: a country-wide view of a million stations becomes
 * a few hundred counted points instead of a million markers.
 */
@RestController
class ClusterController {

    private final StationIndex index;
    private final AmenityVocabulary vocabulary;

    ClusterController(StationIndex index, AmenityVocabulary vocabulary) {
        this.index = index;
        this.vocabulary = vocabulary;
    }

    @Operation(
            summary = "Active stations in a box, counted per grid cell (GeoJSON points with count)",
            description = "For zoomed-out views. columns = cells along the box's longer side (8-256, default 64).")
    @GetMapping(
            value = "/api/v1/stations/clusters",
            produces = {"application/geo+json", "application/json"})
    ResponseEntity<Map<String, Object>> clusters(
            @RequestParam(required = false) @Parameter(description = "minLng,minLat,maxLng,maxLat in crs") @Nullable
                    String bbox,
            @RequestParam(defaultValue = "64") int columns,
            @RequestParam(required = false) @Nullable String amenities,
            @RequestParam(required = false) @Nullable String crs) {
        if (columns < 8 || columns > 256) throw ApiException.invalid("columns", "number.between", "columns", 8, 256);
        if (!index.ready()) {
            throw ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "index.loading");
        }
        CoordinateSystem system = GeoParams.crs(crs);
        Bbox box = Bbox.parse(bbox).toWgs84(system);
        List<String> keys =
                amenities == null ? List.of() : vocabulary.validate("amenities", Arrays.asList(amenities.split(",")));
        List<StationIndex.Cluster> clusters = index.clusters(
                box.minLat(), box.minLng(), box.maxLat(), box.maxLng(), columns, index.amenityBits(keys));
        List<Map<String, Object>> features = new ArrayList<>(clusters.size());
        for (StationIndex.Cluster c : clusters) {
            LatLng shown = system.fromWgs84(new LatLng(c.lat(), c.lng()));
            features.add(GeoJson.feature(null, GeoJson.point(shown.lng(), shown.lat()), Map.of("count", c.count())));
        }
        Map<String, Object> body = GeoJson.featureCollection(features);
        body.put("crs", system.id());
        return ResponseEntity.ok().contentType(ViewportController.GEO_JSON).body(body);
    }
}
