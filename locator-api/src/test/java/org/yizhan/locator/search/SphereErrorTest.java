package org.yizhan.locator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

/**
 * NearestSearch trusts that sphere distances (what PostGIS KNN ranks by) stay within
 * SPHERE_ERROR of ellipsoid distances. Check that bound against GeographicLib.
 */
class SphereErrorTest {

    private static final double MEAN_RADIUS = 6_371_008.8; // PostGIS's sphere for geography

    @Test
    void sphereAndEllipsoidDistancesAgreeWithinTheAssumedError() {
        Random random = new Random(1);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            LatLng a = new LatLng(-85 + random.nextDouble() * 170, -180 + random.nextDouble() * 360);
            LatLng b = random.nextBoolean()
                    ? Geodesy.destination(a, random.nextDouble() * 360, 1 + random.nextDouble() * 50_000)
                    : new LatLng(-85 + random.nextDouble() * 170, -180 + random.nextDouble() * 360);
            double ellipsoid = Geodesy.distanceMeters(a, b);
            if (ellipsoid < 1) continue;
            worst = Math.max(worst, Math.abs(haversine(a, b) / ellipsoid - 1));
        }
        assertThat(worst).isLessThan(NearestSearch.SPHERE_ERROR).isGreaterThan(0.001);
    }

    private static double haversine(LatLng a, LatLng b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLng = Math.toRadians(b.lng() - a.lng());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat()))
                        * Math.cos(Math.toRadians(b.lat()))
                        * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * MEAN_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
