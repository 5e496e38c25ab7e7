package org.yizhan.locator.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.yizhan.locator.support.StationForms.haibowanStation;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;

class SignInIT extends ApiIT {

    @Test
    void browserSignsInWithASessionAndMustSendTheCsrfToken() {
        String editor = Accounts.create("editor", List.of("1503"));
        CookieFilter browser = new CookieFilter();
        String csrf = given().filter(browser)
                .contentType(ContentType.URLENC)
                .formParam("username", editor)
                .formParam("password", Accounts.PASSWORD)
                .post("/login")
                .then()
                .statusCode(200)
                .body("role", equalTo("editor"))
                .body("regions", equalTo(List.of("1503")))
                .cookie("XSRF-TOKEN", notNullValue())
                .extract()
                .cookie("XSRF-TOKEN");
        given().filter(browser).get("/api/v1/me").then().statusCode(200).body("username", equalTo(editor));
        // The staff pages' first look: the session says who, as /me does.
        given().filter(browser)
                .get("/api/v1/session")
                .then()
                .statusCode(200)
                .body("signedIn", equalTo(true))
                .body("username", equalTo(editor))
                .body("regions", equalTo(List.of("1503")));

        // A forged cross-site POST carries the session cookie but cannot know the token.
        given().filter(browser)
                .contentType(ContentType.JSON)
                .body(haibowanStation())
                .post("/api/v1/stations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        given().filter(browser)
                .header("X-XSRF-TOKEN", csrf)
                .contentType(ContentType.JSON)
                .body(haibowanStation())
                .post("/api/v1/stations")
                .then()
                .statusCode(201);

        given().filter(browser)
                .header("X-XSRF-TOKEN", csrf)
                .post("/logout")
                .then()
                .statusCode(204);
        given().filter(browser).get("/api/v1/me").then().statusCode(401);
        // Signed out is an answer, not an error: nobody's name, no regions.
        given().filter(browser)
                .get("/api/v1/session")
                .then()
                .statusCode(200)
                .body("signedIn", equalTo(false))
                .body("username", nullValue())
                .body("regions", equalTo(List.of()));
    }

    @Test
    void wrongPasswordIsA401AndRepeatedGuessingIsThrottled() {
        String viewer = Accounts.create("viewer", List.of());
        for (int i = 0; i < 10; i++) {
            given().auth()
                    .preemptive()
                    .basic(viewer, "guess-" + i)
                    .get("/api/v1/me")
                    .then()
                    .statusCode(401);
        }
        given().auth()
                .preemptive()
                .basic(viewer, "guess-11")
                .get("/api/v1/me")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "30");
        // Even the right password waits: the guesser must not learn it worked.
        Accounts.as(viewer).get("/api/v1/me").then().statusCode(429);
    }

    @Test
    void signedInAccountsSeeTheResponsiblePersonThePublicDoesNot() {
        String code = createStation(haibowanStation());
        given().get("/api/v1/stations/" + code).then().statusCode(200).body("contactPerson", nullValue());
        Accounts.as(Accounts.create("viewer", List.of("1503")))
                .get("/api/v1/stations/" + code)
                .then()
                .statusCode(200)
                .body("contactPerson", equalTo("王丽"));
        // A viewer of another city's union reads the public fields only.
        Accounts.as(Accounts.create("viewer", List.of("4203")))
                .get("/api/v1/stations/" + code)
                .then()
                .statusCode(200)
                .body("contactPerson", nullValue());
    }

    @Test
    void onlyAdminsManageAccounts() {
        String editor = Accounts.create("editor", List.of("1503"));
        Accounts.as(editor).get("/api/v1/accounts").then().statusCode(403).contentType("application/problem+json");
        asAdmin().get("/api/v1/accounts").then().statusCode(200).body("username", hasItem(editor));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        "bad-region",
                        "displayName",
                        "x",
                        "password",
                        Accounts.PASSWORD,
                        "role",
                        "editor",
                        "regions",
                        List.of("999999")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(400)
                .body("field", equalTo("regions"));
    }
}
