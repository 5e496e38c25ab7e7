package org.yizhan.geo.route;

import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

/**
 * A route on the WGS-84 ellipsoid: its vertices joined by geodesics (as PostGIS {@code geography}
 * joins them), and where a point lies along it. Internally each geodesic is cut into pieces of
 * at most {@link #PIECE_METERS}, short enough that a piece is straight in longitude and latitude
 * to well under a millimetre, so the nearest point on a piece can be found in a local plane and
 * then measured exactly.
 */
public final class RouteLine {

    public static final double PIECE_METERS = 100;
    private static final double METERS_PER_DEGREE = 111_320;

    private final double[] lat;
    private final double[] lng;
    /** Metres from the start to each vertex, along the route. */
    private final double[] along;

    private final STRtree pieces = new STRtree();

    /**
     * Where a point lies: {@code alongMeters} from the start of the route to the point's nearest
     * point on it, {@code offMeters} from the point to that nearest point (both geodesic), and
     * {@code nearest}, that point itself (where a rider leaves the route for the point).
     */
    public record Position(double alongMeters, double offMeters, LatLng nearest) {}

    private RouteLine(List<double[]> points) {
        int n = points.size();
        lat = new double[n];
        lng = new double[n];
        along = new double[n];
        for (int i = 0; i < n; i++) {
            lat[i] = points.get(i)[0];
            lng[i] = points.get(i)[1];
            if (i > 0) {
                along[i] = along[i - 1]
                        + Geodesy.distanceMeters(new LatLng(lat[i - 1], lng[i - 1]), new LatLng(lat[i], lng[i]));
                pieces.insert(new Envelope(lng[i - 1], lng[i], lat[i - 1], lat[i]), i - 1);
            }
        }
        pieces.build();
    }

    /**
     * The route through {@code vertices} (WGS-84), with repeated consecutive vertices dropped.
     * An {@link InvalidRouteException} if fewer than two distinct vertices remain, or if it crosses
     * the antimeridian (no route a rider takes in China does).
     */
    public static RouteLine of(List<LatLng> vertices) {
        List<LatLng> distinct = new ArrayList<>();
        for (LatLng v : vertices) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(v)) distinct.add(v);
        }
        if (distinct.size() < 2) throw new InvalidRouteException(InvalidRouteException.Reason.TOO_FEW_POINTS);
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {distinct.get(0).lat(), distinct.get(0).lng()});
        for (int i = 1; i < distinct.size(); i++) {
            LatLng a = distinct.get(i - 1), b = distinct.get(i);
            if (Math.abs(b.lng() - a.lng()) > 180)
                throw new InvalidRouteException(InvalidRouteException.Reason.ANTIMERIDIAN);
            GeodesicLine line = Geodesic.WGS84.InverseLine(
                    a.lat(),
                    a.lng(),
                    b.lat(),
                    b.lng(),
                    GeodesicMask.DISTANCE_IN | GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
            int parts = (int) Math.ceil(line.Distance() / PIECE_METERS);
            for (int k = 1; k < parts; k++) {
                GeodesicData d =
                        line.Position(line.Distance() * k / parts, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
                points.add(new double[] {d.lat2, d.lon2});
            }
            points.add(new double[] {b.lat(), b.lng()});
        }
        return new RouteLine(points);
    }

    /** True if the line through {@code vertices} crosses or touches itself anywhere but at its two ends. */
    public static boolean selfIntersects(List<LatLng> vertices) {
        Coordinate[] coordinates =
                vertices.stream().map(v -> new Coordinate(v.lng(), v.lat())).toArray(Coordinate[]::new);
        return !new GeometryFactory().createLineString(coordinates).isSimple();
    }

    public double lengthMeters() {
        return along[along.length - 1];
    }

    /**
     * Where {@code p} lies along the route, if its nearest point on the route is within
     * {@code maxOffMeters}; null if it is farther.
     */
    public @Nullable Position locate(LatLng p, double maxOffMeters) {
        double dLat = (maxOffMeters + 1) / METERS_PER_DEGREE * 1.01;
        double cos = Math.max(Math.cos(Math.toRadians(p.lat())), 1e-6);
        double dLng = Math.min(dLat / cos, 360);
        @SuppressWarnings("unchecked")
        List<Integer> near = pieces.query(new Envelope(p.lng() - dLng, p.lng() + dLng, p.lat() - dLat, p.lat() + dLat));
        int best = -1;
        double bestSquared = Double.POSITIVE_INFINITY, bestT = 0;
        for (int i : near) {
            // A local plane around p, in metres: x east, y north.
            double ax = (lng[i] - p.lng()) * cos, ay = lat[i] - p.lat();
            double bx = (lng[i + 1] - p.lng()) * cos, by = lat[i + 1] - p.lat();
            double dx = bx - ax, dy = by - ay;
            double lengthSquared = dx * dx + dy * dy;
            double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
            double fx = ax + t * dx, fy = ay + t * dy;
            double squared = fx * fx + fy * fy;
            if (squared < bestSquared) {
                bestSquared = squared;
                best = i;
                bestT = t;
            }
        }
        if (best < 0) return null;
        LatLng foot = new LatLng(
                lat[best] + bestT * (lat[best + 1] - lat[best]), lng[best] + bestT * (lng[best + 1] - lng[best]));
        double off = Geodesy.distanceMeters(p, foot);
        if (off > maxOffMeters) return null;
        double alongMeters = along[best] + Geodesy.distanceMeters(new LatLng(lat[best], lng[best]), foot);
        return new Position(Math.min(alongMeters, lengthMeters()), off, foot);
    }
}
