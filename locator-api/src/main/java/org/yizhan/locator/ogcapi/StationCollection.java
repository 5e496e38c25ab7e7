package org.yizhan.locator.ogcapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The description of the one feature collection, {@code stations}: title, extent, CRSs, links. */
@Component
class StationCollection {

    static final String ID = "stations";
    static final String TITLE = "工会户外劳动者服务站点 Trade-union rest stations for outdoor workers";
    static final String DESCRIPTION =
            "Published (active and suspended) rest stations of the register, public fields only. "
                    + "id is the station code on the plaque.";
    /** The extent is recomputed at most this often: a full scan, and clients only need it roughly current. */
    private static final Duration EXTENT_TTL = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile @Nullable CachedExtent extent;

    private record CachedExtent(List<Double> bbox, Instant at) {}

    StationCollection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Map<String, Object> describe(String base) {
        String self = base + "/collections/" + ID;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", ID);
        c.put("title", TITLE);
        c.put("description", DESCRIPTION);
        c.put("itemType", "feature");
        c.put("extent", Map.of("spatial", Map.of("bbox", List.of(extent()), "crs", OgcCrs.CRS84.uri())));
        c.put("crs", OgcCrs.uris());
        c.put("storageCrs", OgcCrs.CRS84.uri());
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcLinks.link("self", OgcLinks.JSON, "This collection", self + "?f=json"));
        links.add(OgcLinks.link("alternate", OgcLinks.HTML, "This collection as HTML", self + "?f=html"));
        links.add(OgcLinks.link("items", OgcLinks.GEO_JSON, "Stations as GeoJSON", self + "/items"));
        links.add(OgcLinks.link("items", OgcLinks.HTML, "Stations as HTML", self + "/items?f=html"));
        links.add(OgcLinks.link(
                "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                "application/schema+json",
                "Properties to filter by",
                self + "/queryables"));
        links.add(OgcLinks.link(
                "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
                OgcLinks.JSON,
                "Vector tiles",
                self + "/tiles"));
        c.put("links", links);
        return c;
    }

    /** [minLng, minLat, maxLng, maxLat] of the published stations, widened to whole 1e-6 degrees; the world when there are none. */
    List<Double> extent() {
        CachedExtent cached = extent;
        Instant now = clock.instant();
        if (cached != null && cached.at.plus(EXTENT_TTL).isAfter(now)) return cached.bbox;
        List<Double> bbox = jdbc.sql("""
                SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1
                FROM (SELECT ST_Extent(location::geometry) AS e FROM station WHERE status IN ('active', 'suspended')) x""")
                .query((rs, n) -> {
                    double x0 = rs.getDouble("x0");
                    if (rs.wasNull()) return List.of(-180.0, -90.0, 180.0, 90.0);
                    return List.of(
                            Math.floor(x0 * 1e6) / 1e6,
                            Math.floor(rs.getDouble("y0") * 1e6) / 1e6,
                            Math.ceil(rs.getDouble("x1") * 1e6) / 1e6,
                            Math.ceil(rs.getDouble("y1") * 1e6) / 1e6);
                })
                .single();
        extent = new CachedExtent(bbox, now);
        return bbox;
    }
}
