package org.yizhan.geo.crs;

import java.util.Locale;
import java.util.Map;
import org.yizhan.geo.LatLng;

/**
 * The coordinate systems a caller may speak. WGS-84 is what the locator stores; the others are
 * converted at the edge with {@link ChinaCoordinates}.
 */
public enum CoordinateSystem {
    /** GPS and OpenStreetMap; CGCS2000 (Tianditu) agrees with it to well under a metre. */
    WGS84("wgs84"),
    /** Amap, Tencent and most Chinese phone apps. */
    GCJ02("gcj02"),
    /** Baidu maps. */
    BD09("bd09");

    private static final Map<String, CoordinateSystem> BY_NAME = Map.of(
            "wgs84",
            WGS84,
            "wgs-84",
            WGS84,
            "epsg:4326",
            WGS84,
            "cgcs2000",
            WGS84,
            "epsg:4490",
            WGS84,
            "gcj02",
            GCJ02,
            "gcj-02",
            GCJ02,
            "bd09",
            BD09,
            "bd-09",
            BD09);

    private final String id;

    CoordinateSystem(String id) {
        this.id = id;
    }

    /** The lower-case identifier used in APIs and configuration, e.g. {@code gcj02}. */
    public String id() {
        return id;
    }

    /**
     * Reads an identifier or a common alias ({@code wgs-84}, {@code epsg:4326}, {@code gcj-02},
     * {@code bd-09}; {@code cgcs2000} and {@code epsg:4490} count as WGS-84), ignoring case and
     * surrounding whitespace.
     *
     * @throws IllegalArgumentException naming the accepted identifiers
     */
    public static CoordinateSystem parse(String name) {
        CoordinateSystem system = BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
        if (system == null) {
            throw new IllegalArgumentException(
                    "Unknown coordinate system '" + name + "'; use one of wgs84, gcj02, bd09");
        }
        return system;
    }

    /** Converts a point given in this system to WGS-84. */
    public LatLng toWgs84(LatLng p) {
        return switch (this) {
            case WGS84 -> p;
            case GCJ02 -> ChinaCoordinates.gcj02ToWgs84(p);
            case BD09 -> ChinaCoordinates.bd09ToWgs84(p);
        };
    }

    /** Converts a WGS-84 point to this system. */
    public LatLng fromWgs84(LatLng wgs) {
        return switch (this) {
            case WGS84 -> wgs;
            case GCJ02 -> ChinaCoordinates.wgs84ToGcj02(wgs);
            case BD09 -> ChinaCoordinates.wgs84ToBd09(wgs);
        };
    }
}
