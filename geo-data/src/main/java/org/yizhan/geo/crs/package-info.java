/** The coordinate systems Chinese map apps use (WGS-84, GCJ-02, BD-09) and conversions between them. */
@NullMarked
package org.yizhan.geo.crs;

import org.jspecify.annotations.NullMarked;
