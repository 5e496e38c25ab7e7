/**
 * Routes as lines on the WGS-84 ellipsoid: reading Google's encoded polylines, and placing a point
 * along a route (how far from the start its nearest point on the route lies, and how far off it).
 */
@NullMarked
package org.yizhan.geo.route;

import org.jspecify.annotations.NullMarked;
