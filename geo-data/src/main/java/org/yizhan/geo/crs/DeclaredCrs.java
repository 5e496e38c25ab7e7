package org.yizhan.geo.crs;

import java.util.Optional;

/**
 * The coordinate system a GIS file declares — a Shapefile's {@code .prj} or a GeoPackage's
 * {@code gpkg_spatial_ref_sys} row — narrowed to what the register can take: WGS-84 or CGCS2000
 * longitude/latitude, or a CGCS2000 3-degree Gauss–Krüger zone. Anything else (Xi'an 1980,
 * Beijing 1954, Web Mercator, 6-degree zones) is refused with an {@link UnsupportedCrsException}
 * naming what was found.
 *
 * <p>GCJ-02 and BD-09 cannot be declared in a {@code .prj}: such files say WGS 84, and the caller's
 * own setting (the import's {@code crs=}) decides; {@link #callerMayOverride()} says when it may.
 */
public sealed interface DeclaredCrs {

    /** Longitude/latitude in degrees. {@code cgcs2000}: declared CGCS2000 rather than WGS 84. */
    record Geographic(boolean cgcs2000) implements DeclaredCrs {}

    /** Eastings and northings in metres in a Gauss–Krüger zone. */
    record Projected(GaussKruger zone) implements DeclaredCrs {}

    /** Only a file that says plain WGS 84 may hold GCJ-02 or BD-09 coordinates the caller names. */
    default boolean callerMayOverride() {
        return this instanceof Geographic g && !g.cgcs2000();
    }

    /** A short name for messages: "WGS 84", "CGCS2000", or the zone's EPSG name. */
    default String label() {
        if (this instanceof Projected p) {
            return p.zone().name() + " (EPSG:" + p.zone().epsg() + ")";
        }
        return ((Geographic) this).cgcs2000() ? "CGCS2000 (EPSG:4490)" : "WGS 84 (EPSG:4326)";
    }

    /**
     * An EPSG code: 4326, 4490 or a zone 4513–4554.
     *
     * @throws UnsupportedCrsException for any other code
     */
    static DeclaredCrs ofEpsg(int code) {
        if (code == 4326) {
            return new Geographic(false);
        }
        if (code == GaussKruger.CGCS2000_EPSG) {
            return new Geographic(true);
        }
        return GaussKruger.forEpsg(code)
                .<DeclaredCrs>map(Projected::new)
                .orElseThrow(() -> new UnsupportedCrsException(UnsupportedCrsException.Reason.EPSG, code));
    }

    /**
     * Reads OGC or ESRI WKT 1 (what {@code .prj} files and most GeoPackages hold); of WKT 2 only an
     * EPSG identifier is used.
     *
     * @throws UnsupportedCrsException naming what the WKT declares if it is not supported, or where
     *     the text stops being WKT
     */
    static DeclaredCrs ofWkt(String wkt) {
        Wkt root = Wkt.parse(wkt);
        Optional<Integer> epsg = root.epsg();
        if (epsg.isPresent()
                && (epsg.get() == 4326
                        || epsg.get() == GaussKruger.CGCS2000_EPSG
                        || GaussKruger.forEpsg(epsg.get()).isPresent())) {
            return ofEpsg(epsg.get());
        }
        String kind = root.keyword();
        if (kind.equals("GEOGCS")) {
            return new Geographic(datum(root));
        }
        if (kind.equals("PROJCS")) {
            return projected(root);
        }
        throw new UnsupportedCrsException(
                UnsupportedCrsException.Reason.UNSUPPORTED,
                root.name() + epsg.map(c -> " (EPSG:" + c + ")").orElse(""));
    }

    /** {@code true} for CGCS2000, {@code false} for WGS 84; otherwise refused. */
    private static boolean datum(Wkt geogcs) {
        Wkt datum = geogcs.child("DATUM").orElse(null);
        String name = Wkt.normalise(datum == null ? geogcs.name() : datum.name());
        if (name.contains("china2000")
                || name.contains("cgcs2000")
                || name.contains("chinageodeticcoordinatesystem2000")) {
            return true;
        }
        if (name.contains("wgs84") || name.contains("wgs1984") || name.contains("worldgeodeticsystem1984")) {
            return false;
        }
        // Xi'an 1980 and Beijing 1954 need a datum shift the register does not make.
        throw new UnsupportedCrsException(
                UnsupportedCrsException.Reason.DATUM, datum == null ? geogcs.name() : datum.name());
    }

    private static DeclaredCrs projected(Wkt projcs) {
        Wkt geogcs = projcs.child("GEOGCS")
                .orElseThrow(
                        () -> new UnsupportedCrsException(UnsupportedCrsException.Reason.NO_GEOGRAPHIC, projcs.name()));
        boolean cgcs = datum(geogcs);
        String method = Wkt.normalise(projcs.child("PROJECTION").map(Wkt::name).orElse(""));
        double cm = projcs.parameter("central_meridian", "longitude_of_origin", "longitude_of_center")
                .orElse(Double.NaN);
        double fe = projcs.parameter("false_easting").orElse(0.0);
        double fn = projcs.parameter("false_northing").orElse(0.0);
        double k = projcs.parameter("scale_factor").orElse(1.0);
        double lat0 =
                projcs.parameter("latitude_of_origin", "latitude_of_center").orElse(0.0);
        double unit = projcs.child("UNIT").map(u -> u.number(0)).orElse(1.0);
        boolean tm = method.equals("transversemercator") || method.equals("gausskruger");
        if (cgcs && tm && fn == 0 && k == 1 && lat0 == 0 && unit == 1) {
            boolean prefixed = fe != 500_000;
            Optional<GaussKruger> zone = GaussKruger.forCentralMeridian(cm, prefixed);
            if (zone.isPresent() && zone.get().falseEasting() == fe) {
                return new Projected(zone.get());
            }
        }
        throw new UnsupportedCrsException(
                UnsupportedCrsException.Reason.PROJECTION,
                projcs.name(),
                cgcs ? "CGCS2000" : "WGS 84",
                projcs.child("PROJECTION").map(Wkt::name).orElse("?"),
                plain(cm),
                plain(fe));
    }

    /** A parameter as a person writes it: 20500000, not 2.05E7; "?" for one the WKT lacks. */
    private static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "?" : String.valueOf(value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
