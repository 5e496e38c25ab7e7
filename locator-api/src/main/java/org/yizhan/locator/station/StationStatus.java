package org.yizhan.locator.station;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Lifecycle of a station. Closed stations keep their record and their code forever. */
public enum StationStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED;

    /** The lower-case form used in the database and the API. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StationStatus> parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value().equalsIgnoreCase(value.trim()))
                .findFirst();
    }
}
