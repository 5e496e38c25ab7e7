/** Seeded generators of demonstration and benchmark station data. */
@org.jspecify.annotations.NullMarked
package org.yizhan.geo.demo;
