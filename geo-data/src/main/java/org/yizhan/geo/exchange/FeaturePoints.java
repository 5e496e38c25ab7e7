package org.yizhan.geo.exchange;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.DeclaredCrs;
import org.yizhan.geo.crs.GaussKruger;

/**
 * Puts a GIS layer's point coordinates into a row as latitude and longitude. Eastings and northings
 * in a Gauss–Krüger zone are converted to CGCS2000 here, and the row is marked CGCS2000 so the
 * import's {@code crs=} does not apply to them; so is a layer declared CGCS2000. A layer declared
 * WGS 84 leaves the system to the import's {@code crs=} (or a per-row crs attribute), because files
 * in GCJ-02 or BD-09 have no way to say so and declare WGS 84.
 */
final class FeaturePoints {

    private static final double METRES_PER_ZONE = 1_000_000;

    private final DeclaredCrs crs;
    private final String where;

    FeaturePoints(DeclaredCrs crs, String where) {
        this.crs = crs;
        this.where = where;
    }

    DeclaredCrs crs() {
        return crs;
    }

    /** Adds {@code x}/{@code y} (longitude/latitude, or easting/northing) to the feature, or a problem. */
    void add(FeatureAttributes.Feature f, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            f.problem(RowReason.GEOMETRY_NOT_FINITE);
            return;
        }
        if (crs instanceof DeclaredCrs.Projected projected) {
            GaussKruger zone = projected.zone();
            Object[] problem = implausible(zone, x, y);
            if (problem != null) {
                f.problem((RowReason) problem[0], java.util.Arrays.copyOfRange(problem, 1, problem.length));
                return;
            }
            LatLng p;
            try {
                p = zone.unproject(new GaussKruger.Projected(x, y));
            } catch (IllegalArgumentException e) {
                // x and y are finite: the zone maps them to no point on Earth (a northing at the pole).
                f.problem(RowReason.GEOMETRY_NO_POINT, plain(x), plain(y), where, crs.label());
                return;
            }
            put(f, p.lat(), p.lng(), true);
        } else {
            put(f, y, x, ((DeclaredCrs.Geographic) crs).cgcs2000());
        }
    }

    private static void put(FeatureAttributes.Feature f, double lat, double lng, boolean cgcs2000) {
        f.put(RegisterColumn.LAT, FeatureAttributes.GEOMETRY, Double.toString(lat));
        f.put(RegisterColumn.LNG, FeatureAttributes.GEOMETRY, Double.toString(lng));
        if (cgcs2000) {
            f.put(RegisterColumn.CRS, FeatureAttributes.GEOMETRY, "cgcs2000");
        }
    }

    /**
     * Degrees in a projected layer, a missing or wrong zone prefix, swapped axes: a {@link RowReason}
     * followed by its values (x, y, the layer, its coordinate system, ...).
     */
    private Object @Nullable [] implausible(GaussKruger zone, double x, double y) {
        String xs = plain(x), ys = plain(y), label = crs.label();
        if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
            return new Object[] {RowReason.GEOMETRY_DEGREES, xs, ys, where, label};
        }
        if (y > METRES_PER_ZONE * 10 && x > 0 && x < METRES_PER_ZONE * 10) {
            return new Object[] {RowReason.GEOMETRY_SWAPPED, xs, ys, where, label};
        }
        if (zone.zonePrefix()) {
            long prefix = (long) Math.floor(x / METRES_PER_ZONE);
            if (prefix != zone.zone()) {
                return x < METRES_PER_ZONE
                        ? new Object[] {RowReason.GEOMETRY_NO_PREFIX, xs, where, label, zone.zone()}
                        : new Object[] {RowReason.GEOMETRY_WRONG_PREFIX, xs, prefix, where, label, zone.zone()};
            }
        } else if (x >= METRES_PER_ZONE) {
            return new Object[] {RowReason.GEOMETRY_UNEXPECTED_PREFIX, xs, where, label};
        }
        return null;
    }

    /** A coordinate as a surveyor writes it, for a message: 39512345.6, not 3.95123456E7. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
