package org.yizhan.geo.planning;

import org.jspecify.annotations.Nullable;
import org.yizhan.geo.LatLng;

/**
 * Where outdoor workers need a station, with how much they need it (orders, workers, queries).
 *
 * @param at WGS-84 position
 * @param weight non-negative demand weight
 * @param group optional key for per-group coverage, e.g. the county-level division code
 */
public record DemandPoint(
        LatLng at, double weight, @Nullable String group) {

    public DemandPoint {
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("demand weight must be a finite number >= 0, got " + weight);
        }
    }

    public DemandPoint(LatLng at, double weight) {
        this(at, weight, null);
    }
}
