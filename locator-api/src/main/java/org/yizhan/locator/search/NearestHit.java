package org.yizhan.locator.search;

import org.yizhan.locator.station.StationRow;

/** A station found by a nearest query, with its geodesic distance on the WGS-84 ellipsoid. */
record NearestHit(StationRow station, double distanceMeters) {}
