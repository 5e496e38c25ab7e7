/**
 * China's administrative divisions (GB/T 2260 six-digit codes) at province, city and county level,
 * shipped as data in {@code divisions.tsv} next to this package's classes, and simplified boundaries
 * of cities and municipal districts ({@code boundaries/}) to check that a point lies in its declared
 * division ({@link org.yizhan.geo.division.DivisionBoundaries}).
 */
@org.jspecify.annotations.NullMarked
package org.yizhan.geo.division;
