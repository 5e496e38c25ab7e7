package org.yizhan.locator.routing;

import java.util.Locale;
import org.yizhan.locator.web.ApiException;

/** How a worker gets there: each is a GraphHopper profile on the same graph. */
public enum Travel {
    /** On foot: footways yes, expressways and private ground no. */
    WALK,
    /** By bicycle or e-bike: cycle speeds, no expressways, no private ground. */
    RIDE;

    /** Walking pace for the stretch between a point and the road it snaps to: 5 km/h. */
    static final double WALKING_METERS_PER_SECOND = 5 / 3.6;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String profile() {
        return key();
    }

    /** {@code walk} or {@code ride}; anything else is a 400 for {@code field}. */
    public static Travel parse(String field, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "walk" -> WALK;
            case "ride" -> RIDE;
            default -> throw ApiException.invalid(field, "travel.mode", field);
        };
    }
}
