package org.yizhan.locator.map;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yizhan.map}: the base-map tile sources the page may use. Configured
 * sources replace the built-in presets; the page picks {@code defaultTiles} unless the URL asks
 * for another by {@code ?tiles=}. Example:
 *
 * <pre>
 * yizhan:
 *   map:
 *     default-tiles: amap          # GCJ-02 tiles: stations are requested with crs=gcj02
 *     tiles:
 *       amap:
 *         label: 高德地图
 *         url: https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&amp;size=1&amp;scale=1&amp;style=8&amp;x={x}&amp;y={y}&amp;z={z}
 *         subdomains: "1234"
 *         attribution: "&amp;copy; 高德地图 AutoNavi"
 *         crs: gcj02
 *         max-zoom: 18
 * </pre>
 *
 * @param defaultTiles key of the source used when the URL names none (falls back to the first)
 * @param tiles sources by key; empty means the presets {@code osm} (WGS-84) and {@code amap} (GCJ-02)
 */
@ConfigurationProperties("yizhan.map")
record MapProperties(@DefaultValue("osm") String defaultTiles, Map<String, TileSource> tiles) {

    /**
     * One tile source. {@code url} is a Leaflet URL template; {@code attribution} is trusted HTML
     * from the operator; {@code crs} is the datum the tiles are drawn in: {@code wgs84} or {@code gcj02}.
     */
    record TileSource(
            String label,
            String url,
            @DefaultValue("") String subdomains,
            String attribution,
            @DefaultValue("wgs84") String crs,
            @DefaultValue("19") int maxZoom) {}

    static final Map<String, TileSource> PRESETS = presets();

    MapProperties {
        // Binding leaves the map null when nothing is configured; keep configured order for the page.
        tiles = tiles == null || tiles.isEmpty() ? PRESETS : Collections.unmodifiableMap(new LinkedHashMap<>(tiles));
    }

    private static Map<String, TileSource> presets() {
        Map<String, TileSource> presets = new LinkedHashMap<>();
        presets.put(
                "osm",
                new TileSource(
                        "OpenStreetMap",
                        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                        "",
                        "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors",
                        "wgs84",
                        19));
        presets.put(
                "amap",
                new TileSource(
                        "高德地图 Amap",
                        "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
                        "1234",
                        "&copy; 高德地图 AutoNavi",
                        "gcj02",
                        18));
        return Collections.unmodifiableMap(presets);
    }
}
