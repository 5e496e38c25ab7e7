package org.yizhan.locator.feedback;

import java.util.List;

/** The fixed keys workers choose from; labels live in the clients (the map's i18n.js). */
final class Vocabulary {

    static final List<String> TAGS = List.of(
            "clean",
            "warm_enough",
            "cool_enough",
            "friendly_staff",
            "water_available",
            "could_charge",
            "could_heat_food",
            "quiet",
            "open_as_listed",
            "easy_to_find");

    static final String CLOSED_WHEN_OPEN = "closed_when_open";
    static final String WRONG_LOCATION = "wrong_location";
    static final String AMENITY_MISSING = "amenity_missing";
    static final String OTHER = "other";
    static final List<String> REASONS =
            List.of(CLOSED_WHEN_OPEN, "cannot_find", WRONG_LOCATION, AMENITY_MISSING, OTHER);

    static final List<String> STATUSES = List.of("open", "acknowledged", "resolved");

    private Vocabulary() {}
}
