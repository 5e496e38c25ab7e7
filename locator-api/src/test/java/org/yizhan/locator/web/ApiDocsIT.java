package org.yizhan.locator.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;

class ApiDocsIT extends ApiIT {

    /** Issue 12: an app developer reads about keys, quotas and their errors in the document itself. */
    @Test
    void openApiDescribesKeysQuotasAndAlongRoute() {
        given().get("/v3/api-docs").then().statusCode(200)
                .body("components.securitySchemes.apiKey.in", org.hamcrest.Matchers.equalTo("header"))
                .body("components.securitySchemes.apiKey.name", org.hamcrest.Matchers.equalTo("X-API-Key"))
                .body("info.description", org.hamcrest.Matchers.containsString("RateLimit-Policy"))
                .body("info.description", org.hamcrest.Matchers.containsString("429"))
                .body("info.description", org.hamcrest.Matchers.containsString("Retry-After"))
                .body("paths", hasKey("/api/v1/stations/along-route"))
                .body("paths", hasKey("/api/v1/api-keys"));
    }

    @Test
    void openApiDescribesThePublicEndpoints() {
        given().get("/v3/api-docs").then().statusCode(200)
                .body("paths", hasKey("/api/v1/stations/nearest"))
                .body("paths", hasKey("/api/v1/stations/{code}"))
                .body("paths", hasKey("/api/v1/stations"))
                .body("paths", hasKey("/api/v1/amenities"));
        given().redirects().follow(true).get("/swagger-ui.html").then().statusCode(200);
    }

    @Test
    void amenityVocabularyHasLabelsInTheRequestedLanguage() {
        given().header("Accept-Language", "en-US,en;q=0.9").get("/api/v1/amenities").then().statusCode(200)
                .body("amenities.key", hasItems("drinking_water", "microwave", "ebike_charging", "summer_supplies"))
                .body("amenities.find { it.key == 'microwave' }.label", equalTo("Microwave"));
        given().get("/api/v1/amenities").then().statusCode(200)
                .body("amenities.find { it.key == 'microwave' }.label", equalTo("微波炉"));
    }
}
