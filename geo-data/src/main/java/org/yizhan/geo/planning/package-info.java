/**
 * Siting analyses for rest stations: coverage within a walking radius, maximal covering
 * (suggest k new sites), set cover (fewest sites for full coverage) and redundancy of existing
 * stations. All positions are WGS-84; distances are geodesic, so results match PostGIS
 * {@code ST_DWithin} on {@code geography}. Start from {@link org.yizhan.geo.planning.CoverageProblem}.
 */
@org.jspecify.annotations.NullMarked
package org.yizhan.geo.planning;
