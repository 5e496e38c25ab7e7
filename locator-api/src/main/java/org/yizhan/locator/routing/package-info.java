/**
 * Distances on the road network: a walking and a riding graph built by GraphHopper from an
 * OpenStreetMap extract ({@code yizhan.routing.osm-file}), kept on disk and reloaded at start-up,
 * and one-to-many searches over it for nearest-by-the-way-there and planning coverage. Without
 * an extract nothing here is loaded and callers fall back to straight-line distance.
 */
@NullMarked
package org.yizhan.locator.routing;

import org.jspecify.annotations.NullMarked;
