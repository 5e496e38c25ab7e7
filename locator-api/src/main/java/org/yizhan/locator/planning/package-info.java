/**
 * Planning new sites for union accounts: demand (uploaded, or aggregated from the locator's own
 * queries without storing positions), coverage, gaps, suggested sites, minimum full cover and
 * redundancy. The algorithms live in geo-data's {@code org.yizhan.geo.planning}.
 */
@NullMarked
package org.yizhan.locator.planning;

import org.jspecify.annotations.NullMarked;
