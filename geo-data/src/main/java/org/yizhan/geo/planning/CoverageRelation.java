package org.yizhan.geo.planning;

/**
 * Who covers what, when "within a radius" is not the question: for example demand a station
 * reaches within 15 minutes' walk on the road network. {@link CoverageProblem#of(java.util.List,
 * java.util.List, java.util.List, CoverageRelation)} asks it once per existing station and candidate.
 */
@FunctionalInterface
public interface CoverageRelation {

    /** Indices into the problem's demand list covered by {@code site}, in any order. */
    int[] demandCoveredBy(Site site);
}
