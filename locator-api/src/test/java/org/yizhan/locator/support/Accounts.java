package org.yizhan.locator.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** Creates accounts through the admin API; each call makes a fresh, uniquely named account. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";

    private Accounts() {}

    public static String create(String role, List<String> regions) {
        String username = role + "-" + TestRandom.token(8);
        ApiIT.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        username,
                        "displayName",
                        "测试 " + role,
                        "password",
                        PASSWORD,
                        "role",
                        role,
                        "regions",
                        regions))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201);
        return username;
    }

    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }
}
