package org.yizhan.locator.station;

import org.jspecify.annotations.Nullable;
import org.yizhan.locator.web.ApiException;

/** How much of each station a search answers with: {@code full} (default) or {@code compact}. */
public enum StationView {
    FULL,
    COMPACT;

    public static final String DESCRIPTION =
            "full (default) or compact: code, name, location, openNow and distanceMeters only";

    public static StationView parse(@Nullable String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("full")) return FULL;
        if (value.trim().equalsIgnoreCase("compact")) return COMPACT;
        throw ApiException.invalid("view", "station.view.invalid");
    }
}
