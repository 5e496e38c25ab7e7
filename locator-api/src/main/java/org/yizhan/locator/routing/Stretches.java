package org.yizhan.locator.routing;

import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.PointList;
import java.util.ArrayList;
import java.util.List;
import org.yizhan.geo.LatLng;

/** Parts of a road's drawn line, by fraction of its length: what a catchment map shows of a half-reached street. */
final class Stretches {

    private Stretches() {}

    /** The part of {@code way} from fraction {@code from} to {@code to} of its length (0 ≤ from ≤ to ≤ 1). */
    static List<LatLng> cut(PointList way, double from, double to) {
        DistanceCalcEarth earth = DistanceCalcEarth.DIST_EARTH;
        int n = way.size();
        double[] at = new double[n];
        for (int k = 1; k < n; k++) {
            at[k] = at[k - 1] + earth.calcDist(way.getLat(k - 1), way.getLon(k - 1), way.getLat(k), way.getLon(k));
        }
        double total = at[n - 1];
        double start = Math.max(0, from) * total;
        double end = Math.min(1, to) * total;
        List<LatLng> out = new ArrayList<>();
        out.add(pointAt(way, at, start));
        for (int k = 1; k < n - 1; k++) {
            if (at[k] > start && at[k] < end) out.add(new LatLng(way.getLat(k), way.getLon(k)));
        }
        out.add(pointAt(way, at, end));
        return out;
    }

    /** The point {@code meters} along the line, interpolated within its segment. */
    private static LatLng pointAt(PointList way, double[] at, double meters) {
        int k = 1;
        while (k < at.length - 1 && at[k] < meters) k++;
        double segment = at[k] - at[k - 1];
        double t = segment <= 0 ? 0 : Math.min(1, Math.max(0, (meters - at[k - 1]) / segment));
        return new LatLng(
                way.getLat(k - 1) + t * (way.getLat(k) - way.getLat(k - 1)),
                way.getLon(k - 1) + t * (way.getLon(k) - way.getLon(k - 1)));
    }
}
