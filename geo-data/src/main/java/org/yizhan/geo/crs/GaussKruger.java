package org.yizhan.geo.crs;

import java.util.Optional;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.yizhan.geo.LatLng;

/**
 * A CGCS2000 3-degree Gauss–Krüger zone: Transverse Mercator on the CGCS2000 ellipsoid, scale 1 on
 * the central meridian (75°E to 135°E in steps of 3°), false northing 0. EPSG defines each zone
 * twice: 4513–4533 put the zone number in front of the easting (zone 39 at 117°E: false easting
 * 39,500,000 m), 4534–4554 do not (500,000 m). The arithmetic is proj4j's, with the definitions
 * that proj4j-epsg ships; geographic CGCS2000 (EPSG:4490) is taken as WGS-84 (see
 * {@link CoordinateSystem#WGS84}).
 *
 * <p>Coordinates are {@code (easting, northing)} in metres, the order GIS files store them in,
 * whatever EPSG's axis order (northing first for these codes) says. Instances are immutable;
 * each conversion builds its own proj4j transform, which is not thread-safe.
 *
 * @param epsg the EPSG code, 4513–4554
 * @param centralMeridian degrees east
 * @param zonePrefix whether eastings carry the zone number ({@code zone × 1,000,000} added)
 */
public record GaussKruger(int epsg, int centralMeridian, boolean zonePrefix) {

    /** Geographic CGCS2000. */
    public static final int CGCS2000_EPSG = 4490;

    private static final int FIRST_PREFIXED = 4513;
    private static final int FIRST_PLAIN = 4534;
    private static final int ZONES = 21;
    private static final int FIRST_MERIDIAN = 75;

    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    private static final CoordinateReferenceSystem GEOGRAPHIC = CRS.createFromName("EPSG:" + CGCS2000_EPSG);

    /** An easting and a northing in metres. */
    public record Projected(double easting, double northing) {}

    public GaussKruger {
        int first = zonePrefix ? FIRST_PREFIXED : FIRST_PLAIN;
        if (epsg < first || epsg >= first + ZONES || centralMeridian != FIRST_MERIDIAN + 3 * (epsg - first)) {
            throw new IllegalArgumentException("EPSG:" + epsg + " is not the CGCS2000 3-degree Gauss-Krüger zone at "
                    + centralMeridian + "°E " + (zonePrefix ? "with" : "without") + " zone prefix");
        }
    }

    /** The zone EPSG:{@code code} defines, if it is one of 4513–4554. */
    public static Optional<GaussKruger> forEpsg(int code) {
        if (code >= FIRST_PREFIXED && code < FIRST_PREFIXED + ZONES) {
            return Optional.of(new GaussKruger(code, FIRST_MERIDIAN + 3 * (code - FIRST_PREFIXED), true));
        }
        if (code >= FIRST_PLAIN && code < FIRST_PLAIN + ZONES) {
            return Optional.of(new GaussKruger(code, FIRST_MERIDIAN + 3 * (code - FIRST_PLAIN), false));
        }
        return Optional.empty();
    }

    /** The zone with this central meridian (a multiple of 3 from 75 to 135), if any. */
    public static Optional<GaussKruger> forCentralMeridian(double meridian, boolean zonePrefix) {
        double zone = meridian / 3;
        if (zone != Math.rint(zone) || meridian < FIRST_MERIDIAN || meridian > FIRST_MERIDIAN + 3 * (ZONES - 1)) {
            return Optional.empty();
        }
        int index = (int) (meridian - FIRST_MERIDIAN) / 3;
        return forEpsg((zonePrefix ? FIRST_PREFIXED : FIRST_PLAIN) + index);
    }

    /** The zone a longitude falls in, with or without the prefix. */
    public static Optional<GaussKruger> containing(LatLng p, boolean zonePrefix) {
        return forCentralMeridian(3 * Math.rint(p.lng() / 3), zonePrefix);
    }

    /** The zone number, central meridian / 3 (39 for 117°E). */
    public int zone() {
        return centralMeridian / 3;
    }

    /** The false easting in metres: 500,000, plus the zone number × 1,000,000 with the prefix. */
    public double falseEasting() {
        return (zonePrefix ? zone() * 1_000_000.0 : 0) + 500_000;
    }

    /** "CGCS2000 / 3-degree Gauss-Kruger zone 39" or "... CM 117E", as EPSG names it. */
    public String name() {
        return "CGCS2000 / 3-degree Gauss-Kruger " + (zonePrefix ? "zone " + zone() : "CM " + centralMeridian + "E");
    }

    /** Projects a CGCS2000 (≈ WGS-84) point into this zone. */
    public Projected project(LatLng p) {
        ProjCoordinate out = transform(GEOGRAPHIC, projected(), p.lng(), p.lat());
        return new Projected(out.x, out.y);
    }

    /**
     * The CGCS2000 (≈ WGS-84) point of an easting and northing in this zone.
     *
     * @throws IllegalArgumentException if the result is no point on Earth: coordinates that are not
     *     finite, or northings of about ±9,770 to ±10,020 km (at the pole), for which proj4j's
     *     inverse gives no latitude (further out it gives the pole itself)
     */
    public LatLng unproject(Projected xy) {
        if (!Double.isFinite(xy.easting()) || !Double.isFinite(xy.northing())) {
            throw new IllegalArgumentException("Coordinates must be finite numbers");
        }
        ProjCoordinate out = transform(projected(), GEOGRAPHIC, xy.easting(), xy.northing());
        if (!Double.isFinite(out.x) || !Double.isFinite(out.y) || Math.abs(out.y) > 90 || Math.abs(out.x) > 180) {
            throw new IllegalArgumentException(
                    "Easting " + xy.easting() + ", northing " + xy.northing() + " is no point in " + name());
        }
        return new LatLng(out.y, out.x);
    }

    private CoordinateReferenceSystem projected() {
        return Definitions.BY_INDEX[(zonePrefix ? 0 : ZONES) + (centralMeridian - FIRST_MERIDIAN) / 3];
    }

    private static ProjCoordinate transform(
            CoordinateReferenceSystem from, CoordinateReferenceSystem to, double x, double y) {
        CoordinateTransform t = TRANSFORMS.createTransform(from, to);
        return t.transform(new ProjCoordinate(x, y), new ProjCoordinate());
    }

    /** The 42 zone definitions, parsed once from proj4j-epsg; CRS objects are immutable. */
    private static final class Definitions {
        static final CoordinateReferenceSystem[] BY_INDEX = new CoordinateReferenceSystem[2 * ZONES];

        static {
            for (int i = 0; i < ZONES; i++) {
                BY_INDEX[i] = CRS.createFromName("EPSG:" + (FIRST_PREFIXED + i));
                BY_INDEX[ZONES + i] = CRS.createFromName("EPSG:" + (FIRST_PLAIN + i));
            }
        }
    }
}
