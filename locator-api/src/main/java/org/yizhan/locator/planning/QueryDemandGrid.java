package org.yizhan.locator.planning;

import org.yizhan.geo.LatLng;

/**
 * The grid query origins are counted in: 0.003° of latitude (~330 m) by 0.004° of longitude
 * (~340 m at 40°N, ~380 m at 30°N). Coarse enough that a cell says nothing about a person,
 * fine enough for siting at a 1 km radius.
 */
final class QueryDemandGrid {

    static final double LAT_STEP = 0.003;
    static final double LNG_STEP = 0.004;

    private QueryDemandGrid() {}

    record Cell(int lat, int lng) {
        LatLng centre() {
            return new LatLng((lat + 0.5) * LAT_STEP, (lng + 0.5) * LNG_STEP);
        }
    }

    static Cell of(LatLng p) {
        return new Cell((int) Math.floor(p.lat() / LAT_STEP), (int) Math.floor(p.lng() / LNG_STEP));
    }
}
