package org.yizhan.geo.planning;

/**
 * One suggested new site, in pick order.
 *
 * @param candidateIndex index into {@link CoverageProblem#candidates()}
 * @param site the candidate
 * @param marginalGain demand weight it newly covers given the sites picked before it
 * @param marginalPoints demand points it newly covers given the sites picked before it
 */
public record PlannedSite(int candidateIndex, Site site, double marginalGain, int marginalPoints) {}
