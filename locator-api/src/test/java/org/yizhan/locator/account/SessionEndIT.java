package org.yizhan.locator.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.yizhan.locator.support.StationForms.haibowanStation;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;

/**
 * A browser session signed in before an administrator disables an account, or changes its role
 * or regions, must not keep the old rights: its very next request is unauthenticated.
 */
class SessionEndIT extends ApiIT {

    /** A signed-in browser: the session cookie and the CSRF token the workspace sends back. */
    private record Session(CookieFilter cookies, String csrf) {}

    private static Session signIn(String username) {
        CookieFilter cookies = new CookieFilter();
        String csrf = given().filter(cookies)
                .contentType(ContentType.URLENC)
                .formParam("username", username)
                .formParam("password", Accounts.PASSWORD)
                .post("/login")
                .then()
                .statusCode(200)
                .extract()
                .cookie("XSRF-TOKEN");
        given().filter(cookies).get("/api/v1/me").then().statusCode(200).body("username", equalTo(username));
        return new Session(cookies, csrf);
    }

    /** Changes the account as an administrator would in the workspace. */
    private static void change(String username, String key, Object value) {
        Map<String, Object> account = asAdmin()
                .get("/api/v1/accounts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("find { it.username == '" + username + "' }");
        Map<String, Object> form = new HashMap<>(account);
        form.put("version", ((Number) account.get("version")).longValue());
        form.put(key, value);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(form)
                .put("/api/v1/accounts/" + username)
                .then()
                .statusCode(200);
    }

    @Test
    void disablingAnAccountEndsItsSessionAtOnce() {
        String editor = Accounts.create("editor", List.of("1503"));
        Session session = signIn(editor);
        change(editor, "enabled", false);

        long before = jdbc.sql("SELECT count(*) FROM station").query(Long.class).single();
        given().filter(session.cookies())
                .header("X-XSRF-TOKEN", session.csrf())
                .contentType(ContentType.JSON)
                .body(haibowanStation())
                .post("/api/v1/stations")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM station").query(Long.class).single())
                .isEqualTo(before);
        given().filter(session.cookies()).get("/api/v1/me").then().statusCode(401);
        given().contentType(ContentType.URLENC)
                .formParam("username", editor)
                .formParam("password", Accounts.PASSWORD)
                .post("/login")
                .then()
                .statusCode(401);
    }

    @Test
    void changingRegionsEndsTheSessionAndANewOneHasTheNewRegions() {
        String editor = Accounts.create("editor", List.of("1503"));
        Session session = signIn(editor);
        change(editor, "regions", List.of("4203"));

        given().filter(session.cookies()).get("/api/v1/me").then().statusCode(401);
        given().filter(session.cookies())
                .get("/api/v1/register/export?format=csv")
                .then()
                .statusCode(401);
        Session fresh = signIn(editor);
        given().filter(fresh.cookies())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("regions", equalTo(List.of("4203")));
    }

    @Test
    void changingTheRoleEndsTheSession() {
        String editor = Accounts.create("editor", List.of("1503"));
        Session session = signIn(editor);
        change(editor, "role", "viewer");

        given().filter(session.cookies())
                .header("X-XSRF-TOKEN", session.csrf())
                .contentType(ContentType.JSON)
                .body(haibowanStation())
                .post("/api/v1/stations")
                .then()
                .statusCode(401);
        given().filter(signIn(editor).cookies())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("role", equalTo("viewer"));
    }

    @Test
    void renamingAnAccountLeavesItsSessionAlone() {
        String editor = Accounts.create("editor", List.of("1503"));
        Session session = signIn(editor);
        change(editor, "displayName", "改名 " + editor);
        given().filter(session.cookies())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(editor));
    }
}
