package org.yizhan.geo.division;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One administrative division.
 *
 * @param code six-digit GB/T 2260 code, e.g. {@code 150302}
 * @param name official Chinese name, e.g. {@code 海勃湾区}
 * @param level province, prefecture-level city or county-level area
 * @param parentCode the enclosing division's code; {@code null} only for provinces
 */
public record Division(
        String code, String name, Level level, @Nullable String parentCode) {

    /** Level in the hierarchy; a county may hang directly under a province (e.g. 仙桃市, 东莞市). */
    public enum Level {
        PROVINCE,
        CITY,
        COUNTY
    }

    public Division {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        if (code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("division code must be six digits: " + code);
        }
        if ((level == Level.PROVINCE) != (parentCode == null)) {
            throw new IllegalArgumentException("exactly the provinces have no parent: " + code);
        }
    }
}
