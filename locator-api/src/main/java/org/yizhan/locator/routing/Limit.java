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

    boolean admits(double routeMeters, double routeSeconds) {
        return meters != null ? routeMeters <= meters : routeSeconds <= seconds;
    }

    /** The limit in words for responses: "1000 m" or "15 min". */
    public String describe() {
        return meters != null ? Math.round(meters) + " m" : Math.round(seconds / 60 * 10) / 10.0 + " min";
    }
}
