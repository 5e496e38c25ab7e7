package org.yizhan.locator.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an account may do. Editors are further limited to their regions. */
public enum Role {
    /** Everything, including accounts. */
    ADMIN,
    /** Creates, edits and closes stations inside its division-code prefixes. */
    EDITOR,
    /** Reads non-public fields (responsible person, history); changes nothing. */
    VIEWER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values())
                .filter(r -> r.value().equalsIgnoreCase(value.trim()))
                .findFirst();
    }
}
