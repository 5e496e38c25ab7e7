package org.yizhan.geo.planning;

/**
 * What one existing station contributes.
 *
 * @param stationIndex index into {@link CoverageProblem#existing()}
 * @param station the station
 * @param coveredWeight demand weight within its radius
 * @param uniqueWeight demand weight within its radius and no other station's: what closing or moving it would lose
 * @param coveredPoints demand points within its radius
 * @param uniquePoints demand points only it covers
 */
public record StationRedundancy(
        int stationIndex,
        Site station,
        double coveredWeight,
        double uniqueWeight,
        int coveredPoints,
        int uniquePoints) {}
