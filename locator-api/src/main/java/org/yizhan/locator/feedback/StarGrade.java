package org.yizhan.locator.feedback;

/**
 * The satisfaction grade of a station, 1 to 5 stars, by the rule documented in docs/FEEDBACK.md:
 * a Bayesian mean of the ratings (five imaginary 3.5-star ratings keep one rating from deciding),
 * minus 0.5 per unresolved "closed when it should be open" report (at most 1.5), minus 0.25 per
 * other unresolved report (at most 1), minus 1 when the station is stale; clamped to 1..5 and
 * rounded half up to whole stars.
 */
record StarGrade(double score, int stars) {

    static final double PRIOR_MEAN = 3.5;
    static final int PRIOR_WEIGHT = 5;

    static StarGrade of(long ratings, long starSum, long unresolvedClosed, long unresolvedOther, boolean stale) {
        double score = (starSum + PRIOR_MEAN * PRIOR_WEIGHT) / (ratings + PRIOR_WEIGHT);
        score -= Math.min(1.5, 0.5 * unresolvedClosed);
        score -= Math.min(1.0, 0.25 * unresolvedOther);
        if (stale) score -= 1.0;
        score = Math.max(1.0, Math.min(5.0, score));
        return new StarGrade(Math.round(score * 100) / 100.0, (int) Math.floor(score + 0.5));
    }
}
