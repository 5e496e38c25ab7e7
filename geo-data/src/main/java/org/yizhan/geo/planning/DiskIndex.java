package org.yizhan.geo.planning;

import java.util.List;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

/**
 * Finds the points within a geodesic radius of a centre. Points are bucketed in a grid of degree
 * cells; a candidate pair is first measured on the local tangent plane (WGS-84 radii of curvature
 * at the centre, mean cosine of the two latitudes), which is within millimetres of the geodesic
 * at 1 km. Only pairs in a band around the radius, where that error could flip the answer, pay
 * for the exact geodesic, so the result equals a full geodesic comparison (and PostGIS
 * {@code ST_DWithin} on geography) at a fraction of the cost. Not for data across the antimeridian.
 */
final class DiskIndex {

    private static final double A = 6_378_137.0;
    private static final double E2 = 0.00669437999014;
    private static final double DEG = Math.PI / 180;

    private final double[] lat;
    private final double[] lng;
    private final double[] cosLat;
    private final double radius;
    /** Half-width of the band that gets the exact check: far above the plane's error up to 100 km. */
    private final double band;

    private final double minLat;
    private final double minLng;
    private final double cellLat;
    private final double cellLng;
    private final int nx;
    private final int ny;
    private final int[] cellStart;
    private final int[] cellPoints;

    DiskIndex(List<LatLng> points, double radius) {
        int n = points.size();
        this.radius = radius;
        this.band = Math.max(1.0, radius * 1e-3);
        lat = new double[n];
        lng = new double[n];
        cosLat = new double[n];
        double loLat = 90, hiLat = -90, loLng = 180, hiLng = -180;
        for (int i = 0; i < n; i++) {
            LatLng p = points.get(i);
            lat[i] = p.lat();
            lng[i] = p.lng();
            cosLat[i] = Math.cos(p.lat() * DEG);
            loLat = Math.min(loLat, lat[i]);
            hiLat = Math.max(hiLat, lat[i]);
            loLng = Math.min(loLng, lng[i]);
            hiLng = Math.max(hiLng, lng[i]);
        }
        minLat = n == 0 ? 0 : loLat;
        minLng = n == 0 ? 0 : loLng;
        // Cells about one radius wide, enlarged when the data is so spread out that a dense grid
        // would be mostly empty cells.
        double midCos = Math.max(0.1, Math.cos((loLat + hiLat) / 2 * DEG));
        double cLat = radius / 111_000;
        double cLng = cLat / midCos;
        long limit = Math.max(4096, 4L * n);
        long cells = cellCount(hiLat - minLat, cLat, hiLng - minLng, cLng);
        if (n > 0 && cells > limit) {
            double scale = Math.sqrt((double) cells / limit) * 1.01;
            cLat *= scale;
            cLng *= scale;
        }
        cellLat = cLat;
        cellLng = cLng;
        nx = n == 0 ? 1 : (int) ((hiLng - minLng) / cellLng) + 1;
        ny = n == 0 ? 1 : (int) ((hiLat - minLat) / cellLat) + 1;
        cellStart = new int[nx * ny + 1];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            cellOf[i] = cellY(lat[i]) * nx + cellX(lng[i]);
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < nx * ny; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = java.util.Arrays.copyOf(cellStart, nx * ny);
        cellPoints = new int[n];
        for (int i = 0; i < n; i++) {
            cellPoints[fill[cellOf[i]]++] = i;
        }
    }

    private static long cellCount(double spanLat, double cLat, double spanLng, double cLng) {
        return ((long) (spanLat / cLat) + 1) * ((long) (spanLng / cLng) + 1);
    }

    private int cellX(double x) {
        return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - minLng) / cellLng)));
    }

    private int cellY(double y) {
        return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - minLat) / cellLat)));
    }

    /** Appends the indices of the points within the radius of {@code centre} to {@code out}, ascending. */
    void within(LatLng centre, IntList out) {
        if (lat.length == 0) {
            return;
        }
        double sLat = centre.lat();
        double sLng = centre.lng();
        double sin = Math.sin(sLat * DEG);
        double w = 1 - E2 * sin * sin;
        double metersPerDegLat = A * (1 - E2) / (w * Math.sqrt(w)) * DEG;
        double metersPerDegLngAtEquator = A / Math.sqrt(w) * DEG;
        double cosS = Math.cos(sLat * DEG);
        double reach = radius + band;
        // 1% slack absorbs how the radii of curvature change across the box.
        double dLat = reach / metersPerDegLat * 1.01;
        double poleward = Math.min(89.9, Math.abs(sLat) + dLat);
        double dLng = reach / (metersPerDegLngAtEquator * Math.cos(poleward * DEG)) * 1.01;
        double inner = radius - band;
        double inner2 = inner > 0 ? inner * inner : -1;
        double outer2 = reach * reach;
        int from = out.size();
        int x0 = cellX(sLng - dLng), x1 = cellX(sLng + dLng);
        int y0 = cellY(sLat - dLat), y1 = cellY(sLat + dLat);
        for (int cy = y0; cy <= y1; cy++) {
            for (int cx = x0; cx <= x1; cx++) {
                int cell = cy * nx + cx;
                for (int j = cellStart[cell]; j < cellStart[cell + 1]; j++) {
                    int i = cellPoints[j];
                    double dy = (lat[i] - sLat) * metersPerDegLat;
                    double dx = (lng[i] - sLng) * metersPerDegLngAtEquator * (cosS + cosLat[i]) / 2;
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= inner2
                            || (d2 <= outer2 && Geodesy.distanceMeters(centre, new LatLng(lat[i], lng[i])) <= radius)) {
                        out.add(i);
                    }
                }
            }
        }
        out.sortFrom(from);
    }
}
