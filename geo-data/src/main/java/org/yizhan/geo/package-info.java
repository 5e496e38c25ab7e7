/** Geographic value types and geodesic measurement on the WGS-84 ellipsoid. */
@NullMarked
package org.yizhan.geo;

import org.jspecify.annotations.NullMarked;
