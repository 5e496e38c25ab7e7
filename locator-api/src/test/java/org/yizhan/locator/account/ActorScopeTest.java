package org.yizhan.locator.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.yizhan.locator.support.TestRandom;
import org.yizhan.locator.web.ApiException;

/**
 * An account's scopes without HTTP: what it may edit and read, and the SQL LIKE patterns that
 * narrow listings and exports. The patterns are checked against {@link Actor#mayRead} over many
 * division codes, an independent statement of the same rule.
 */
class ActorScopeTest {

    private static final Actor WUHAI_EDITOR = new Actor("e", Role.EDITOR, List.of("1503"));
    private static final Actor TWO_CITY_VIEWER = new Actor("v", Role.VIEWER, List.of("150302", "4203"));

    @Test
    void editorsEditInsideTheirRegionsViewersNowhereAdminsEverywhere() {
        assertThat(WUHAI_EDITOR.mayEdit("150302")).isTrue();
        assertThat(WUHAI_EDITOR.mayEdit("150102")).isFalse();
        assertThat(TWO_CITY_VIEWER.mayEdit("150302")).isFalse();
        assertThat(TWO_CITY_VIEWER.mayRead("150302")).isTrue();
        assertThat(TWO_CITY_VIEWER.mayRead("150303")).isFalse();
        assertThat(Actor.system("demo").mayEdit("500103")).isTrue();
    }

    @Test
    void aWiderRegionIsNarrowedToTheAccountsRegionsInsideIt() {
        assertThat(TWO_CITY_VIEWER.readPatterns("")).containsExactly("150302%", "4203%");
        assertThat(TWO_CITY_VIEWER.readPatterns("15")).containsExactly("150302%");
        assertThat(TWO_CITY_VIEWER.readPatterns("15030")).containsExactly("150302%");
        assertThat(WUHAI_EDITOR.readPatterns("150304")).containsExactly("150304%");
        assertThat(new Actor("a", Role.ADMIN, List.of()).readPatterns(" 42 ")).containsExactly("42%");
    }

    @Test
    void aRegionOutsideIsForbiddenAndAMalformedOneIsABadRequest() {
        assertThatThrownBy(() -> WUHAI_EDITOR.readPatterns("4203"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> WUHAI_EDITOR.readPatterns("15%"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatThrownBy(() -> WUHAI_EDITOR.requireMayRead("420302"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> TWO_CITY_VIEWER.requireMayEdit("150302"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e).hasMessageContaining("not change it"));
    }

    @Test
    void thePatternsSelectExactlyTheCodesTheAccountMayReadInsideTheRegion() {
        Random random = TestRandom.current();
        for (int trial = 0; trial < 300; trial++) {
            Role role = Role.values()[random.nextInt(Role.values().length)];
            List<String> regions = new ArrayList<>();
            for (int i = random.nextInt(3); i >= 0; i--) regions.add(prefix(random, 2 + 2 * random.nextInt(3)));
            Actor actor = new Actor("x", role, regions);
            String region = random.nextInt(4) == 0 ? "" : prefix(random, random.nextInt(7));

            Set<String> expected = new TreeSet<>();
            Set<String> codes = new TreeSet<>();
            for (int i = 0; i < 200; i++) codes.add(prefix(random, 6));
            for (String r : regions) codes.add(r + "0".repeat(6 - r.length()));
            codes.add(region + "1".repeat(6 - region.length()));
            for (String code : codes) if (code.startsWith(region) && actor.mayRead(code)) expected.add(code);

            List<String> patterns;
            try {
                patterns = actor.readPatterns(region);
            } catch (ApiException forbidden) {
                assertThat(forbidden.status()).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(regions).noneMatch(r -> r.startsWith(region) || region.startsWith(r));
                continue;
            }
            Set<String> selected = new TreeSet<>();
            for (String code : codes) if (patterns.stream().anyMatch(p -> like(code, p))) selected.add(code);
            assertThat(selected)
                    .as("%s %s region %s -> %s", role, regions, region, patterns)
                    .isEqualTo(expected);
        }
    }

    /** Digits drawn from a small alphabet, so prefixes of regions and codes often meet. */
    private static String prefix(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) s.append("0135".charAt(random.nextInt(4)));
        return s.toString();
    }

    /** SQL LIKE for patterns of digits ending in a single %, as PostgreSQL evaluates them. */
    private static boolean like(String value, String pattern) {
        return pattern.endsWith("%") && pattern.indexOf('%') == pattern.length() - 1
                ? value.startsWith(pattern.substring(0, pattern.length() - 1))
                : value.equals(pattern);
    }
}
