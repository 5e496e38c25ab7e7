package org.yizhan.locator.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.nullValue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Browser;

/** Another origin's web app may read the public API and post anonymous feedback, and nothing else. */
class CorsIT extends ApiIT {

    private static final String APP = "https://delivery-app.example";

    @Test
    void aPreflightForAPublicReadIsAllowedFromAnyOriginWithoutCredentialsAndCached() {
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-api-key, if-none-match")
                .options("/api/v1/stations/nearest")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("x-api-key"))
                .header("Access-Control-Max-Age", "3600")
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void aCrossOriginReadMayReadTheCachingHeaders() {
        given().header("Origin", APP)
                .get("/api/v1/amenities")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit"));
    }

    @Test
    void writesOtherThanAnonymousFeedbackAreNotOpenedToOtherOrigins() {
        for (String[] write : new String[][] {
            {"POST", "/api/v1/stations"},
            {"PUT", "/api/v1/stations/150302-00001-9"},
            {"POST", "/api/v1/register/imports"},
            {"POST", "/api/v1/accounts"}
        }) {
            given().header("Origin", APP)
                    .header("Access-Control-Request-Method", write[0])
                    .header("Access-Control-Request-Headers", "content-type")
                    .options(write[1])
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .header("Access-Control-Allow-Origin", nullValue());
        }
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-device-id")
                .options("/api/v1/stations/150302-00001-9/ratings")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*");
    }

    /** A real browser on another origin: its preflights and CORS checks are the ones that count. */
    @Test
    void aBrowserOnAnotherOriginReadsButCannotWrite() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = "<!doctype html><title>another app</title>".getBytes(StandardCharsets.UTF_8);
        other.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try (Browser browser = Browser.desktop(port)) {
            browser.driver().get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            String api = "http://localhost:" + port;
            @SuppressWarnings("unchecked")
            Map<String, Object> read = (Map<String, Object>) browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0] + '/api/v1/amenities', {headers: {'X-Device-Id': 'forces-a-preflight'}})
                      .then(r => r.json().then(j => done({status: r.status, etag: r.headers.get('ETag'), count: j.amenities.length})))
                      .catch(e => done({error: String(e)}));""", api);
            assertThat(read)
                    .as("cross-origin read")
                    .containsEntry("status", 200L)
                    .containsKey("etag");
            assertThat(read.get("etag")).isNotNull();

            @SuppressWarnings("unchecked")
            Map<String, Object> write = (Map<String, Object>) browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0] + '/api/v1/stations', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'})
                      .then(r => done({status: r.status}))
                      .catch(e => done({error: String(e)}));""", api);
            assertThat(write).as("cross-origin write").containsKey("error");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aSameOriginRequestIsUntouched() {
        given().get("/api/v1/amenities").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://localhost:" + port)
                .get("/api/v1/amenities")
                .then()
                .statusCode(200);
    }
}
