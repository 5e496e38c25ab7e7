/** Station opening hours in the OSM {@code opening_hours} syntax, parsed and evaluated at local wall-clock times. */
@org.jspecify.annotations.NullMarked
package org.yizhan.geo.hours;
