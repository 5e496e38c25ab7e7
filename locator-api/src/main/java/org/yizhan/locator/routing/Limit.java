package org.yizhan.locator.routing;

import org.jspecify.annotations.Nullable;

/**
 * How far counts as "within reach" on the network: a length or a travel time, exactly one set.
 *
 * @param meters route length limit, or null
 * @param seconds travel time limit, or null
 */
public record Limit(@Nullable Double meters, @Nullable Double seconds) {

    public Limit {
        if ((meters == null) == (seconds == null)) {
            throw new IllegalArgumentException("a limit is in metres or in seconds, not both or neither");
        }
    }

    public static Limit meters(double meters) {
        return new Limit(meters, null);
    }

    public static Limit minutes(double minutes) {
        return new Limit(null, minutes * 60);
    }

    /** The time limit; only for a limit in seconds ({@link #minutes}). */
    public double timeSeconds() {
        return java.util.Objects.requireNonNull(seconds, "a length limit has no time");
    }

    /** The length limit; only for a limit in metres ({@link #meters(double)}). */
    public double lengthMeters() {
        return java.util.Objects.requireNonNull(meters, "a time limit has no length");
    }

    boolean admits(double routeMeters, double routeSeconds) {
        return meters != null ? routeMeters <= meters : routeSeconds <= timeSeconds();
    }

    /** The limit in words for responses: "1000 m" or "15 min". */
    public String describe() {
        return meters != null ? Math.round(meters) + " m" : Math.round(timeSeconds() / 60 * 10) / 10.0 + " min";
    }
}
