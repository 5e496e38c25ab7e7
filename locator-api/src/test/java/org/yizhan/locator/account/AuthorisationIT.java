package org.yizhan.locator.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;

/**
 * Each role × each write × inside / outside its region, against the running service. A refused
 * write must answer 401/403 and leave the register exactly as it was.
 */
class AuthorisationIT extends ApiIT {

    enum Who {
        ADMIN,
        WUHAI_EDITOR,
        HAIBOWAN_EDITOR,
        VIEWER,
        ANONYMOUS
    }

    enum Write {
        CREATE,
        UPDATE,
        CLOSE
    }

    /** Haibowan (150302) is inside Wuhai (1503); Wuda (150304) is in Wuhai but not Haibowan; Zhangwan (420303) is Shiyan. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                        Arguments.of(Who.ADMIN, "150302", 200),
                        Arguments.of(Who.ADMIN, "420303", 200),
                        Arguments.of(Who.WUHAI_EDITOR, "150302", 200),
                        Arguments.of(Who.WUHAI_EDITOR, "150304", 200),
                        Arguments.of(Who.WUHAI_EDITOR, "420303", 403),
                        Arguments.of(Who.HAIBOWAN_EDITOR, "150302", 200),
                        Arguments.of(Who.HAIBOWAN_EDITOR, "150304", 403),
                        Arguments.of(Who.HAIBOWAN_EDITOR, "420303", 403),
                        Arguments.of(Who.VIEWER, "150302", 403),
                        Arguments.of(Who.ANONYMOUS, "150302", 401))
                .flatMap(a -> Stream.of(Write.values()).map(w -> Arguments.of(a.get()[0], w, a.get()[1], a.get()[2])));
    }

    private static final Map<Who, String> USERS = new java.util.EnumMap<>(Who.class);

    private RequestSpecification as(Who who) {
        if (who == Who.ADMIN) return asAdmin();
        if (who == Who.ANONYMOUS) return given();
        String username = USERS.computeIfAbsent(who, w -> switch (w) {
            case WUHAI_EDITOR -> Accounts.create("editor", List.of("1503"));
            case HAIBOWAN_EDITOR -> Accounts.create("editor", List.of("150302"));
            default -> Accounts.create("viewer", List.of());
        });
        return Accounts.as(username);
    }

    @ParameterizedTest(name = "{0} {1} in {2} -> {3}")
    @MethodSource("matrix")
    void writesAreAllowedOnlyInsideTheAccountsRegion(Who who, Write write, String adcode, int expected) {
        Map<String, Object> form = with(haibowanStation(), "adcode", adcode);
        if (adcode.startsWith("4203"))
            form = with(form, "location", Map.of("lat", 32.6470, "lng", 110.7800)); // Zhangwan, Shiyan
        String existing = write == Write.CREATE ? null : createStation(form);
        Supplier<Long> stations =
                () -> jdbc.sql("SELECT count(*) FROM station").query(Long.class).single();
        long before = stations.get();
        String snapshot = existing == null ? "" : snapshot(existing);

        var response = switch (write) {
            case CREATE -> as(who).contentType(ContentType.JSON).body(form).post("/api/v1/stations");
            case UPDATE ->
                as(who).contentType(ContentType.JSON)
                        .body(with(with(form, "name", "改过的名字"), "version", 0))
                        .put("/api/v1/stations/" + existing);
            case CLOSE ->
                as(who).contentType(ContentType.JSON)
                        .body(Map.of("status", "closed", "reason", "测试", "version", 0))
                        .post("/api/v1/stations/" + existing + "/status");
        };
        int success = write == Write.CREATE ? 201 : 200;
        response.then()
                .statusCode(expected == 200 ? success : expected)
                .contentType(expected == 200 ? "application/json" : "application/problem+json");

        if (expected != 200) {
            assertThat(stations.get()).isEqualTo(before);
            if (existing != null) assertThat(snapshot(existing)).isEqualTo(snapshot);
        }
    }

    private String snapshot(String code) {
        return jdbc.sql("SELECT name || status || version FROM station WHERE code = :c")
                .param("c", code)
                .query(String.class)
                .single();
    }
}
