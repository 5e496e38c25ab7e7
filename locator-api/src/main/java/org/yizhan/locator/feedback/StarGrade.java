package org.yizhan.locator.feedback;

/**
 * The satisfaction grade of a station, 1 to 5 stars, by the rule documented in docs/FEEDBACK.md:
 * a Bayesian mean of the ratings (five imaginary 3.5-star ratings keep one rating from deciding),
 * minus 0.5 per network with an unresolved "closed when it should be open" report (at most 1.5),
 * minus 0.25 per network with another unresolved report (at most 1), minus 1 when the station is
 * stale; clamped to 1..5 and rounded half up to whole stars. Reports lower the grade only once at
 * least two networks agree: what one network says, however often, the union reads in its inbox
 * but it does not score, so one person with a script cannot move a grade.
 */
record StarGrade(double score, int stars) {

    static final double PRIOR_MEAN = 3.5;
    static final int PRIOR_WEIGHT = 5;

    /** Reports from fewer networks than this do not lower the grade. */
    static final int CORROBORATING_NETWORKS = 2;

    /**
     * @param ratings counted ratings (the first per network, station and day) and {@code starSum} their stars
     * @param closedNetworks networks with an unresolved closed_when_open report
     * @param otherNetworks networks with another unresolved report
     */
    static StarGrade of(long ratings, long starSum, long closedNetworks, long otherNetworks, boolean stale) {
        double score = (starSum + PRIOR_MEAN * PRIOR_WEIGHT) / (ratings + PRIOR_WEIGHT);
        score -= Math.min(1.5, 0.5 * corroborated(closedNetworks));
        score -= Math.min(1.0, 0.25 * corroborated(otherNetworks));
        if (stale) score -= 1.0;
        score = Math.max(1.0, Math.min(5.0, score));
        return new StarGrade(Math.round(score * 100) / 100.0, (int) Math.floor(score + 0.5));
    }

    private static long corroborated(long networks) {
        return networks >= CORROBORATING_NETWORKS ? networks : 0;
    }
}
