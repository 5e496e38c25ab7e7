/**
 * China's administrative divisions (GB/T 2260 six-digit codes) at province, city and county level,
 * shipped as data in {@code divisions.tsv} next to this package's classes.
 */
@org.jspecify.annotations.NullMarked
package org.yizhan.geo.division;
