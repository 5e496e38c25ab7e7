/**
 * OpenStreetMap data the project makes itself: a seeded generator of street networks with the
 * obstacles that make walking distance differ from straight-line distance (a river crossed by
 * bridges, an expressway crossed by an underpass, gated compounds), written as OSM XML that
 * routing engines read like a real extract.
 */
@org.jspecify.annotations.NullMarked
package org.yizhan.geo.osm;
