package org.yizhan.geo.crs;

import java.util.function.UnaryOperator;
import org.yizhan.geo.LatLng;

/**
 * Conversions between WGS-84 and the two datums Chinese map providers use: GCJ-02 (Amap,
 * Tencent, most phone apps) and BD-09 (Baidu). The forward transforms are the published
 * formulas; neither has a closed-form inverse, so the inverses are solved numerically until
 * the forward image of the answer is within 1e-9 degrees (about 0.1 mm) of the input.
 *
 * <p>GCJ-02 shifts only points inside the rough mainland box of {@link #outsideMainland}; BD-09
 * is applied on top of GCJ-02 everywhere, as the common open-source implementations
 * (coordtransform, gcoord) do.
 */
public final class ChinaCoordinates {

    /** Krasovsky 1940 ellipsoid, which the GCJ-02 formula is written against. */
    private static final double KRASOVSKY_A = 6378245.0;

    private static final double KRASOVSKY_EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;
    private static final double TOLERANCE_DEG = 1e-9;
    private static final int MAX_ITERATIONS = 30;

    private ChinaCoordinates() {}

    /**
     * True when the point lies outside the box lng 72.004 to 137.8347, lat 0.8293 to 55.8271 that
     * every common implementation uses as "not shifted". The box is rough: it contains parts of
     * neighbouring countries, but agreeing with Amap and Baidu matters more than borders here.
     */
    public static boolean outsideMainland(LatLng p) {
        return p.lng() < 72.004 || p.lng() > 137.8347 || p.lat() < 0.8293 || p.lat() > 55.8271;
    }

    /** The published GCJ-02 formula; points outside the mainland box are returned unchanged. */
    public static LatLng wgs84ToGcj02(LatLng wgs) {
        return outsideMainland(wgs) ? wgs : gcjShift(Point.of(wgs)).toLatLng();
    }

    /** Exact inverse of {@link #wgs84ToGcj02} to 0.1 mm, not the common one-step approximation. */
    public static LatLng gcj02ToWgs84(LatLng gcj) {
        return outsideMainland(gcj)
                ? gcj
                : invert(Point.of(gcj), ChinaCoordinates::gcjShift).toLatLng();
    }

    /** The published BD-09 formula. */
    public static LatLng gcj02ToBd09(LatLng gcj) {
        return bdShift(Point.of(gcj)).toLatLng();
    }

    /** Exact inverse of {@link #gcj02ToBd09} to 0.1 mm, not the common one-step approximation. */
    public static LatLng bd09ToGcj02(LatLng bd) {
        return invert(Point.of(bd), ChinaCoordinates::bdShift).toLatLng();
    }

    public static LatLng wgs84ToBd09(LatLng wgs) {
        return gcj02ToBd09(wgs84ToGcj02(wgs));
    }

    public static LatLng bd09ToWgs84(LatLng bd) {
        return gcj02ToWgs84(bd09ToGcj02(bd));
    }

    /**
     * Unchecked working coordinates: BD-09 moves points by about 0.006 degrees, which near the
     * poles or the antimeridian leaves the range {@link LatLng} accepts, even mid-iteration.
     */
    private record Point(double lat, double lng) {
        static Point of(LatLng p) {
            return new Point(p.lat(), p.lng());
        }

        LatLng toLatLng() {
            double wrappedLng = lng > 180 ? lng - 360 : lng < -180 ? lng + 360 : lng;
            return new LatLng(Math.max(-90, Math.min(90, lat)), wrappedLng);
        }
    }

    /**
     * Both forward maps are the identity plus a small, slowly varying offset (derivative of the
     * offset well below 1), so the fixed-point step {@code x -= f(x) - target} contracts quickly:
     * three to five steps reach the tolerance.
     */
    private static Point invert(Point target, UnaryOperator<Point> forward) {
        double lat = target.lat();
        double lng = target.lng();
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            Point image = forward.apply(new Point(lat, lng));
            double dLat = image.lat() - target.lat();
            double dLng = image.lng() - target.lng();
            if (Math.abs(dLat) < TOLERANCE_DEG && Math.abs(dLng) < TOLERANCE_DEG) {
                break;
            }
            lat -= dLat;
            lng -= dLng;
        }
        return new Point(lat, lng);
    }

    private static Point gcjShift(Point p) {
        double lat = p.lat();
        double lng = p.lng();
        double x = lng - 105.0;
        double y = lat - 35.0;
        double radLat = Math.toRadians(lat);
        double magic = 1 - KRASOVSKY_EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        double dLat =
                (transformLat(x, y) * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        double dLng = (transformLng(x, y) * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new Point(lat + dLat, lng + dLng);
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLng(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }

    private static Point bdShift(Point p) {
        double lat = p.lat();
        double lng = p.lng();
        double z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
        return new Point(z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065);
    }
}
