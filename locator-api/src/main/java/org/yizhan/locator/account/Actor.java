package org.yizhan.locator.account;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.yizhan.locator.web.ApiException;

/**
 * Who makes a change, and where they may make it. Every write to the register carries one, so
 * the region check happens on the server whatever the client shows.
 *
 * @param username recorded in the history
 * @param regions division-code prefixes an editor may change; ignored for admins
 */
public record Actor(String username, Role role, List<String> regions) {

    public Actor {
        regions = List.copyOf(regions);
    }

    /** The service itself, e.g. loading demo data. */
    public static Actor system(String name) {
        return new Actor(name, Role.ADMIN, List.of());
    }

    public boolean mayEdit(String adcode) {
        return switch (role) {
            case ADMIN -> true;
            case EDITOR -> regions.stream().anyMatch(adcode::startsWith);
            case VIEWER -> false;
        };
    }

    /** Refuses, with a 403 problem detail, a change to a station outside this actor's regions. */
    public void requireMayEdit(String adcode) {
        if (mayEdit(adcode)) return;
        String detail = role == Role.VIEWER
                ? "Your account can read the register but not change it."
                : "Your account may change stations in " + String.join(", ", regions)
                        + " only; this station is in " + adcode + ".";
        throw new ApiException(HttpStatus.FORBIDDEN, "Outside your region", detail,
                Map.of("adcode", adcode, "regions", regions));
    }
}
