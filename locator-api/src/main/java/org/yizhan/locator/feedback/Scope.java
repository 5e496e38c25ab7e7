package org.yizhan.locator.feedback;

import java.util.List;
import org.yizhan.locator.account.Actor;

/**
 * Which stations' feedback an account sees: the division-code prefixes of its regions
 * ({@link Actor#readPatterns}), viewers included. Expressed as SQL LIKE patterns over {@code s.adcode}.
 */
record Scope(List<String> patterns) {

    /** The account's regions, narrowed to {@code region} when given; a region outside them is refused. */
    static Scope of(Actor actor, String region) {
        return new Scope(actor.readPatterns(region));
    }

    String[] array() {
        return patterns.toArray(String[]::new);
    }
}
