package org.yizhan.locator.search;

import org.jspecify.annotations.Nullable;
import org.yizhan.geo.LatLng;

/**
 * Told of every answered nearest query, on the request thread, so it must be cheap. Planning's
 * query-demand recorder is the listener; the interface lives here so that search does not depend
 * on planning (planning depends on search, not the other way round).
 */
public interface NearestQueryListener {

    /** One query from {@code origin} (WGS-84); {@code nearestMeters} is null when nothing was found. */
    void record(LatLng origin, @Nullable Double nearestMeters);
}
