/** Station records as exchanged between registers, importers and generators, and their CSV form. */
@org.jspecify.annotations.NullMarked
package org.yizhan.geo.station;
