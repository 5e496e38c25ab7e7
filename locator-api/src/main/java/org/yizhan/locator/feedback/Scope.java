package org.yizhan.locator.feedback;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.yizhan.locator.account.Actor;
import org.yizhan.locator.account.Role;
import org.yizhan.locator.web.ApiException;

/**
 * Which stations' feedback an account sees: the same division-code prefixes in which it may
 * edit stations ({@link Actor#mayEdit}). Expressed as SQL LIKE patterns over {@code s.adcode}.
 */
record Scope(List<String> patterns) {

    /** The account's regions, narrowed to {@code region} when given; a region outside them is refused. */
    static Scope of(Actor actor, String region) {
        String prefix = region.trim();
        if (!prefix.matches("[0-9]{0,6}")) {
            throw ApiException.invalid("region", "'region' must be a division-code prefix such as 15, 1503 or 150302.");
        }
        if (actor.role() == Role.ADMIN) return new Scope(List.of(prefix + "%"));
        if (prefix.isEmpty()) return new Scope(actor.role() == Role.EDITOR ? actor.regions().stream().map(r -> r + "%").toList() : List.of());
        if (actor.role() == Role.EDITOR && actor.regions().stream().anyMatch(prefix::startsWith)) {
            return new Scope(List.of(prefix + "%"));
        }
        throw new ApiException(HttpStatus.FORBIDDEN, "Outside your region",
                "Your account sees feedback for " + (actor.regions().isEmpty() ? "no region" : String.join(", ", actor.regions()))
                        + " only; " + prefix + " is not inside them.",
                Map.of("region", prefix, "regions", actor.regions()));
    }

    String[] array() {
        return patterns.toArray(String[]::new);
    }
}
