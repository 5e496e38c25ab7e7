package org.yizhan.locator.search;

import org.jspecify.annotations.Nullable;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.locator.web.ApiException;

/** A viewport {@code minLng,minLat,maxLng,maxLat}, as in RFC 7946 and OGC API - Features. */
public record Bbox(double minLng, double minLat, double maxLng, double maxLat) {

    static Bbox parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("bbox", "bbox.required");
        }
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw ApiException.invalid("bbox", "bbox.count", parts.length);
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalid("bbox", "bbox.notNumber", parts[i].trim());
            }
            if (!Double.isFinite(v[i])) throw ApiException.invalid("bbox", "bbox.notFinite");
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            throw ApiException.invalid("bbox", "bbox.range");
        }
        if (v[0] > v[2] || v[1] > v[3]) {
            throw ApiException.invalid("bbox", "bbox.order");
        }
        return new Bbox(v[0], v[1], v[2], v[3]);
    }

    /**
     * The same box in WGS-84. GCJ-02 and BD-09 shifts vary by only metres across a city-sized
     * box, so converting the corners is exact enough for a viewport.
     */
    Bbox toWgs84(CoordinateSystem crs) {
        if (crs == CoordinateSystem.WGS84) return this;
        LatLng sw = crs.toWgs84(new LatLng(minLat, minLng));
        LatLng ne = crs.toWgs84(new LatLng(maxLat, maxLng));
        return new Bbox(
                Math.min(sw.lng(), ne.lng()),
                Math.min(sw.lat(), ne.lat()),
                Math.max(sw.lng(), ne.lng()),
                Math.max(sw.lat(), ne.lat()));
    }

    String asParameter() {
        return minLng + "," + minLat + "," + maxLng + "," + maxLat;
    }
}
