package org.yizhan.locator.map;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.locator.routing.NetworkDistances;
import org.yizhan.locator.routing.Travel;

@RestController
class MapConfigController {

    private final MapProperties properties;
    private final NetworkDistances network;

    MapConfigController(MapProperties properties, NetworkDistances network) {
        this.properties = properties;
        this.network = network;
    }

    /** A tile source as the page needs it; {@code crs} tells the page which coordinates to request. */
    record Tiles(String id, String label, String url, String subdomains, String attribution, String crs, int maxZoom) {}

    /**
     * {@code travel}: the values nearest's {@code by=} accepts on this server (walk, ride) when a
     * road graph is loaded, none otherwise; the page asks for walking distances only then.
     */
    record MapConfig(String defaultTiles, List<Tiles> tiles, List<String> travel) {}

    @Operation(
            summary = "Base-map configuration for the web map",
            description =
                    "Tile sources with their coordinate system (wgs84 or gcj02); the map requests stations in that system. "
                            + "travel lists the ways nearest can rank by (by=walk|ride): empty without a road graph.")
    @GetMapping("/api/v1/map-config")
    ResponseEntity<MapConfig> config() {
        List<Tiles> tiles = new ArrayList<>();
        for (Map.Entry<String, MapProperties.TileSource> e : properties.tiles().entrySet()) {
            MapProperties.TileSource s = e.getValue();
            tiles.add(new Tiles(e.getKey(), s.label(), s.url(), s.subdomains(), s.attribution(), s.crs(), s.maxZoom()));
        }
        String preferred = properties.tiles().containsKey(properties.defaultTiles())
                ? properties.defaultTiles()
                : tiles.get(0).id();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .body(new MapConfig(preferred, tiles, travel()));
    }

    private List<String> travel() {
        if (!network.available()) return List.of();
        List<String> modes = new ArrayList<>();
        for (Travel t : Travel.values()) modes.add(t.key());
        return modes;
    }
}
