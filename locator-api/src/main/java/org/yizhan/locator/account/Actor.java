package org.yizhan.locator.account;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.Regions;

/**
 * Who makes a change, and where they may make it. Every write to the register carries one, so
 * the region check happens on the server whatever the client shows.
 *
 * @param username recorded in the history
 * @param regions division-code prefixes an editor may change and a viewer or editor may read
 *     personal data of (responsible person, history, feedback, exports); ignored for admins
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

    /** Whether this account may see non-public data of a station in {@code adcode}: admins everywhere, others in their regions. */
    public boolean mayRead(String adcode) {
        return role == Role.ADMIN || regions.stream().anyMatch(adcode::startsWith);
    }

    /**
     * The stations whose non-public data this account may read, as SQL LIKE patterns over an
     * adcode, narrowed to {@code region} when given ("" = all of the account's regions). A
     * region outside the account's is refused with a 403 problem detail.
     */
    public List<String> readPatterns(String region) {
        String prefix = region.trim();
        if (!prefix.matches("[0-9]{0,6}")) {
            throw ApiException.invalid("region", "region.prefix.any");
        }
        if (role == Role.ADMIN) return List.of(prefix + "%");
        if (prefix.isEmpty()) return regions.stream().map(r -> r + "%").toList();
        if (regions.stream().anyMatch(prefix::startsWith)) return List.of(prefix + "%");
        // A wider region (15 for an account of 1503) is narrowed to the account's regions inside it.
        List<String> inside = regions.stream()
                .filter(r -> r.startsWith(prefix))
                .map(r -> r + "%")
                .toList();
        if (!inside.isEmpty()) return inside;
        throw ApiException.of(HttpStatus.FORBIDDEN, "region.outside.sees", Regions.named(regions), prefix)
                .with("region", prefix)
                .with("regions", regions);
    }

    /** Refuses, with a 403 problem detail, a read of a station's non-public data outside this account's regions. */
    public void requireMayRead(String adcode) {
        if (mayRead(adcode)) return;
        throw ApiException.of(HttpStatus.FORBIDDEN, "region.outside.read", Regions.named(regions), adcode)
                .with("adcode", adcode)
                .with("regions", regions);
    }

    /** Refuses, with a 403 problem detail, a change to a station outside this actor's regions. */
    public void requireMayEdit(String adcode) {
        if (mayEdit(adcode)) return;
        ApiException refusal = role == Role.VIEWER
                ? ApiException.of(HttpStatus.FORBIDDEN, "region.outside.viewer")
                : ApiException.of(HttpStatus.FORBIDDEN, "region.outside.edit", String.join(", ", regions), adcode);
        throw refusal.with("adcode", adcode).with("regions", regions);
    }
}
