package org.yizhan.locator.planning;

import org.jspecify.annotations.Nullable;
import org.yizhan.locator.routing.Limit;
import org.yizhan.locator.routing.Travel;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.ProblemText;

/**
 * How planning measures "within reach": straight-line metres, or the way there on the road
 * network (walking or riding) within metres or minutes.
 *
 * @param travel null for straight-line distance
 * @param limit the network limit; null for straight-line distance
 * @param radius straight-line radius in metres; for network measures, the straight-line
 *     distance nothing within the limit can exceed (used to pick the stations around the demand)
 */
record Measure(@Nullable Travel travel, @Nullable Limit limit, double radius) {

    static final double DEFAULT_RADIUS = 1_000;
    static final double DEFAULT_MINUTES = 15;

    /**
     * From the request: {@code distance} defaults to walk when a road graph is loaded (the
     * 15-minute-walk target), else straight; a network limit is {@code radius} metres or
     * {@code minutes}, 15 minutes when neither is given.
     */
    static Measure parse(
            @Nullable String distance, @Nullable Double radius, @Nullable Double minutes, boolean graphLoaded) {
        String kind = distance == null || distance.isBlank() ? (graphLoaded ? "walk" : "straight") : distance.trim();
        if (radius != null) requireRange("radius", radius, 50, 20_000, new ProblemText("unit.metres"));
        if (minutes != null) requireRange("minutes", minutes, 1, 120, new ProblemText("unit.minutes"));
        if ("straight".equals(kind)) {
            if (minutes != null) throw ApiException.invalid("minutes", "planning.minutes.straight");
            return new Measure(null, null, radius == null ? DEFAULT_RADIUS : radius);
        }
        if (!"walk".equals(kind) && !"ride".equals(kind)) {
            throw ApiException.invalid("distance", "planning.distance");
        }
        if (!graphLoaded) {
            throw ApiException.invalid("distance", "planning.distance.noGraph");
        }
        if (radius != null && minutes != null) {
            throw ApiException.invalid("minutes", "planning.limit.both");
        }
        Travel travel = Travel.parse("distance", kind);
        Limit limit =
                radius != null ? Limit.meters(radius) : Limit.minutes(minutes == null ? DEFAULT_MINUTES : minutes);
        double bound = radius != null ? radius : limit.timeSeconds() * maxSpeed(travel) + 400;
        return new Measure(travel, limit, bound);
    }

    /** Faster than anyone walks or rides in town, in m/s: bounds how far a time limit can reach. */
    private static double maxSpeed(Travel travel) {
        return travel == Travel.WALK ? 7 / 3.6 : 35 / 3.6;
    }

    private static void requireRange(String field, double value, double min, double max, ProblemText unit) {
        if (!(value >= min && value <= max)) {
            throw ApiException.invalid(field, "planning.limit.range", field, (int) min, (int) max, unit);
        }
    }

    /** How far reach typically extends in a straight line: sets the spacing of generated candidate grids. */
    double typicalReach() {
        if (limit == null) return radius;
        if (limit.meters() != null) return limit.meters();
        return limit.timeSeconds() * (travel == Travel.WALK ? 5 / 3.6 : 15 / 3.6);
    }

    /** "straight", "walk" or "ride". */
    String distance() {
        return travel == null ? "straight" : travel.key();
    }

    /** The limit in words: "1000 m" or "15 min". */
    String describe() {
        return limit == null ? Math.round(radius) + " m" : limit.describe();
    }

    /** The straight-line radius or the network limit in metres, for responses; null for a time limit. */
    @Nullable
    Double radiusMeters() {
        if (limit == null) return radius;
        return limit.meters();
    }
}
