package org.yizhan.locator.station;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who provides the premises: the union itself (自建) or a partner (共建). */
public enum HostType {
    SELF_BUILT,
    CO_BUILT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HostType> parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value().equalsIgnoreCase(value.trim()))
                .findFirst();
    }
}
