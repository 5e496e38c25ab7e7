/** Public search: nearest stations by geodesic distance and stations in a viewport (GeoJSON). */
@NullMarked
package org.yizhan.locator.search;

import org.jspecify.annotations.NullMarked;
