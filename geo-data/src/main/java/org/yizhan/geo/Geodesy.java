package org.yizhan.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/**
 * Distances and destinations on the WGS-84 ellipsoid, by Karney's geodesic algorithms (the
 * same ones PostGIS uses for {@code geography}), so in-memory and database distances agree.
 * Both points must be WGS-84; feeding GCJ-02 points in gives distances off by up to metres.
 */
public final class Geodesy {

    private Geodesy() {}

    /** Shortest distance along the ellipsoid between two WGS-84 points, in metres. */
    public static double distanceMeters(LatLng a, LatLng b) {
        return Geodesic.WGS84.Inverse(a.lat(), a.lng(), b.lat(), b.lng(), GeodesicMask.DISTANCE).s12;
    }

    /**
     * The point reached by travelling {@code meters} along the geodesic that leaves {@code from}
     * with azimuth {@code azimuthDeg} (clockwise from north); negative distances travel backwards.
     */
    public static LatLng destination(LatLng from, double azimuthDeg, double meters) {
        if (!Double.isFinite(azimuthDeg) || !Double.isFinite(meters)) {
            throw new IllegalArgumentException(
                    "azimuth and distance must be finite numbers, got " + azimuthDeg + " and " + meters);
        }
        GeodesicData d = Geodesic.WGS84.Direct(
                from.lat(), from.lng(), azimuthDeg, meters, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        return new LatLng(d.lat2, d.lon2);
    }
}
