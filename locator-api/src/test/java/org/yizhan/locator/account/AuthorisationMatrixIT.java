package org.yizhan.locator.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yizhan.locator.account.AuthorisationMatrix.Row;
import org.yizhan.locator.account.MatrixCase.Place;
import org.yizhan.locator.account.MatrixCase.Who;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;

/**
 * Walks {@link AuthorisationMatrix}: first that it names every operation of the OpenAPI document
 * (so a new endpoint cannot skip it), then every role × in/out of region × operation against the
 * running service. A refused write must leave the database exactly as it was.
 */
class AuthorisationMatrixIT extends ApiIT {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Test
    void everyOperationOfTheOpenApiDocumentHasARow() {
        Map<String, Map<String, Object>> paths = given().get("/v3/api-docs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> inMatrix = new LinkedHashSet<>();
        for (Row row : AuthorisationMatrix.ROWS) {
            if (!inMatrix.add(row.operation())) fail("AuthorisationMatrix.ROWS names " + row.operation() + " twice");
        }
        List<String> problems = new ArrayList<>();
        for (String operation : documented) {
            if (!inMatrix.contains(operation)) {
                problems.add(operation
                        + " is in /v3/api-docs but has no row in AuthorisationMatrix.ROWS: add one line saying "
                        + "who may call it (anonymous | viewer in out | editor in out | admin) and how to call it");
            }
        }
        for (String operation : inMatrix) {
            if (!documented.contains(operation))
                problems.add(operation + " has a row in AuthorisationMatrix.ROWS but is not in /v3/api-docs");
        }
        assertThat(problems)
                .as("operations without a row, or rows without an operation")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRoleInAndOutOfItsRegionGetsTheOutcomeOfItsRow() {
        long seed = Long.getLong(
                "matrix.seed", org.yizhan.locator.support.TestRandom.current().nextLong());
        Random random = new Random(seed);
        // Signed-in sessions (one password check each) rather than HTTP Basic on each of ~300 requests.
        Session viewer = Session.of(Accounts.create("viewer", List.of("1503")), Accounts.PASSWORD);
        Session editor = Session.of(Accounts.create("editor", List.of("1503")), Accounts.PASSWORD);
        Session admin = Session.of(ADMIN, ADMIN_PASSWORD);
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : AuthorisationMatrix.ROWS) {
            String[] expected = row.outcomes().replace("|", " ").trim().split("\\s+");
            if (expected.length != 6)
                throw new IllegalStateException(row.operation() + ": outcomes need 6 entries, got " + row.outcomes());
            tests.add(cell(row, Who.ANONYMOUS, Place.IN, expected[0], MatrixCase::anonymous, admin, random, seed));
            tests.add(cell(row, Who.VIEWER, Place.IN, expected[1], viewer::request, admin, random, seed));
            tests.add(cell(row, Who.VIEWER, Place.OUT, expected[2], viewer::request, admin, random, seed));
            tests.add(cell(row, Who.EDITOR, Place.IN, expected[3], editor::request, admin, random, seed));
            tests.add(cell(row, Who.EDITOR, Place.OUT, expected[4], editor::request, admin, random, seed));
            tests.add(cell(row, Who.ADMIN, Place.IN, expected[5], admin::request, admin, random, seed));
            tests.add(cell(row, Who.ADMIN, Place.OUT, expected[5], admin::request, admin, random, seed));
        }
        return tests.stream();
    }

    /** A browser-like session: the cookie and the CSRF token sent back on writes. */
    private record Session(CookieFilter cookies, String csrf) {
        static Session of(String username, String password) {
            CookieFilter cookies = new CookieFilter();
            String csrf = given().filter(cookies)
                    .contentType(ContentType.URLENC)
                    .formParam("username", username)
                    .formParam("password", password)
                    .post("/login")
                    .then()
                    .statusCode(200)
                    .extract()
                    .cookie("XSRF-TOKEN");
            return new Session(cookies, csrf);
        }

        RequestSpecification request() {
            return given().filter(cookies).header("X-XSRF-TOKEN", csrf);
        }
    }

    private DynamicTest cell(
            Row row,
            Who who,
            Place place,
            String expected,
            Supplier<RequestSpecification> login,
            Session admin,
            Random random,
            long seed) {
        long caseSeed = random.nextLong();
        MatrixCase c = new MatrixCase(who, place, login, admin::request, jdbc, new Random(caseSeed));
        return DynamicTest.dynamicTest(row.operation() + " as " + c + " -> " + expected, () -> {
            String context = row.operation() + " as " + c + " (matrix seed " + seed + ", -Dmatrix.seed to replay)";
            boolean write = !row.operation().startsWith("GET ");
            boolean refused = expected.matches("[0-9]{3}");
            // Fixtures first, so the fingerprint sees only what the refused request itself would do.
            if (write && refused) c.makeFixturesOf(row.request());
            String before = write && refused ? fingerprint() : "";
            Response response = row.request().apply(c);
            int status = response.statusCode();
            String body = response.asString();
            switch (expected) {
                case "ok" -> assertThat(status).as(context + ": " + body).isBetween(200, 299);
                case "full" -> {
                    assertThat(status).as(context + ": " + body).isBetween(200, 299);
                    assertThat(body)
                            .as(context + ": the region's own non-public data must be shown")
                            .contains(c.marker);
                }
                case "filtered" -> {
                    assertThat(status).as(context + ": " + body).isBetween(200, 299);
                    assertThat(body)
                            .as(context + ": non-public data of another region must not be shown")
                            .doesNotContain(c.marker);
                }
                default -> {
                    assertThat(status).as(context + ": " + body).isEqualTo(Integer.parseInt(expected));
                    assertThat(response.contentType()).as(context).startsWith("application/problem+json");
                    if (write)
                        assertThat(fingerprint())
                                .as(context + ": a refused write changed the database")
                                .isEqualTo(before);
                }
            }
        });
    }

    /** Everything a write could change, as one hash; query demand and the index are not register data. */
    private String fingerprint() {
        return jdbc.sql("""
                SELECT md5(concat_ws('|',
                    (SELECT string_agg(id || ':' || version || ':' || status || ':' || change_seq, ',' ORDER BY id) FROM station),
                    (SELECT count(*) FROM station_history),
                    (SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM station_report),
                    (SELECT count(*) FROM station_rating), (SELECT count(*) FROM station_checkin),
                    (SELECT string_agg(id || ':' || array_to_string(regions, ','), ',' ORDER BY id) FROM demand_set),
                    (SELECT string_agg(username || ':' || version || ':' || enabled || ':' || session_epoch, ',' ORDER BY username) FROM account),
                    (SELECT string_agg(id || ':' || coalesce(revoked_at::text, ''), ',' ORDER BY id) FROM api_key)))""").query(String.class).single();
    }
}
