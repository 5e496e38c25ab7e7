package org.yizhan.locator.ogcapi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.yizhan.locator.web.ApiException;

/**
 * The coordinate reference systems the OGC API offers, by their OGC URIs. The register stores
 * WGS-84 longitude/latitude (CRS84). EPSG:4326 and CGCS2000 (EPSG:4490) are the same numbers in
 * latitude/longitude axis order, as their EPSG definitions say; CGCS2000 and WGS-84 agree to well
 * under a metre, so no datum shift is applied (DOMAIN.md). EPSG:3857 is the spherical Web
 * Mercator of the published EPSG formula.
 */
enum OgcCrs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", false),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", true),
    EPSG_4490("http://www.opengis.net/def/crs/EPSG/0/4490", true),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", false);

    /** Web Mercator's sphere radius: the WGS-84 semi-major axis. */
    static final double EARTH_RADIUS = 6_378_137.0;
    /** Web Mercator's latitude limit, where the map becomes square. */
    static final double MERCATOR_MAX_LAT = 85.05112877980659;

    private static final Map<String, OgcCrs> SHORT_NAMES = Map.of(
            "OGC:CRS84", CRS84, "CRS84", CRS84, "EPSG:4326", EPSG_4326, "EPSG:4490", EPSG_4490, "EPSG:3857", EPSG_3857);

    private final String uri;
    private final boolean latFirst;

    OgcCrs(String uri, boolean latFirst) {
        this.uri = uri;
        this.latFirst = latFirst;
    }

    String uri() {
        return uri;
    }

    static List<String> uris() {
        return Arrays.stream(values()).map(OgcCrs::uri).toList();
    }

    /** The CRS named by {@code value} (an OGC URI, or a short name such as EPSG:4490); CRS84 when absent. */
    static OgcCrs parse(String field, @Nullable String value) {
        if (value == null || value.isBlank()) return CRS84;
        String v = value.trim();
        if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1); // safe CURIE [EPSG:4326]
        for (OgcCrs crs : values()) if (crs.uri.equals(v)) return crs;
        OgcCrs byName = SHORT_NAMES.get(v.toUpperCase(java.util.Locale.ROOT));
        if (byName != null) return byName;
        throw ApiException.of(HttpStatus.BAD_REQUEST, "ogc.crs", field, String.valueOf(uris()))
                .with("field", field)
                .with("validValues", uris());
    }

    /** A WGS-84 point as this CRS writes it: {x, y} in the CRS's own axis order. */
    double[] fromLonLat(double lng, double lat) {
        return switch (this) {
            case CRS84 -> new double[] {lng, lat};
            case EPSG_4326, EPSG_4490 -> new double[] {lat, lng};
            case EPSG_3857 -> {
                double clamped = Math.max(-MERCATOR_MAX_LAT, Math.min(MERCATOR_MAX_LAT, lat));
                yield new double[] {
                    EARTH_RADIUS * Math.toRadians(lng),
                    EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2))
                };
            }
        };
    }

    /** The inverse of {@link #fromLonLat}: {lng, lat}. */
    double[] toLonLat(double x, double y) {
        return switch (this) {
            case CRS84 -> new double[] {x, y};
            case EPSG_4326, EPSG_4490 -> new double[] {y, x};
            case EPSG_3857 ->
                new double[] {
                    Math.toDegrees(x / EARTH_RADIUS),
                    Math.toDegrees(2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2)
                };
        };
    }

    /** Decimals that keep ~1 cm: 7 for degrees, 2 for metres. */
    double round(double v) {
        double scale = this == EPSG_3857 ? 100 : 1e7;
        return Math.round(v * scale) / scale;
    }
}
