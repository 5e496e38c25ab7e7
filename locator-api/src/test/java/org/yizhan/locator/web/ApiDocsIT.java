package org.yizhan.locator.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yizhan.locator.support.ApiIT;

class ApiDocsIT extends ApiIT {

    /** Issue 12: an app developer reads about keys, quotas and their errors in the document itself. */
    @Test
    void openApiDescribesKeysQuotasAndAlongRoute() {
        given().get("/v3/api-docs")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.apiKey.in", org.hamcrest.Matchers.equalTo("header"))
                .body("components.securitySchemes.apiKey.name", org.hamcrest.Matchers.equalTo("X-API-Key"))
                .body("info.description", org.hamcrest.Matchers.containsString("RateLimit-Policy"))
                .body("info.description", org.hamcrest.Matchers.containsString("429"))
                .body("info.description", org.hamcrest.Matchers.containsString("Retry-After"))
                .body("paths", hasKey("/api/v1/stations/along-route"))
                .body("paths", hasKey("/api/v1/api-keys"));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /**
     * Every API operation a controller of ours serves is in {@code /v3/api-docs}, and the document
     * describes nothing that is not served: the list comes from Spring's own handler mappings,
     * not from the document, so an undocumented endpoint (and thus one missing from
     * AuthorisationMatrix, which walks the document) fails here.
     */
    @Test
    void openApiDocumentsExactlyTheOperationsTheControllersServe() {
        Map<String, Map<String, Object>> paths = given().get("/v3/api-docs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "put", "post", "delete", "patch", "head", "options")
                        .contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path)));

        Set<String> served = new TreeSet<>();
        Set<String> hidden = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.yizhan.locator")) continue;
            if (isPage(handler)) continue;
            boolean isHidden = handler.hasMethodAnnotation(Hidden.class)
                    || handler.getBeanType().isAnnotationPresent(Hidden.class);
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    (isHidden ? hidden : served).add(method.name() + " " + withoutRegex(pattern));
                }
            }
        }

        assertThat(served)
                .as("controller operations (%d) missing from /v3/api-docs", served.size())
                .allSatisfy(op -> assertThat(documented).contains(op));
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(served);
        assertThat(extra).as("documented but served by no controller of ours").isEmpty();
        assertThat(hidden).as("hidden operations must not be documented").doesNotContainAnyElementsOf(documented);
        assertThat(served)
                .contains(
                        "GET /api/v1/stations/nearest",
                        "GET /api/v1/stations/{code}",
                        "GET /api/v1/stations",
                        "GET /api/v1/amenities",
                        "POST /api/v1/stations");
        given().redirects().follow(true).get("/swagger-ui.html").then().statusCode(200);
    }

    /**
     * A page (the map, the inbox, the workspace): a view name such as {@code forward:/index.html},
     * not a body the handler writes. Pages are not API operations and are not in the document.
     */
    private static boolean isPage(HandlerMethod handler) {
        boolean writesBody = AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                || handler.hasMethodAnnotation(ResponseBody.class)
                || ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType());
        return !writesBody && handler.getMethod().getReturnType() == String.class;
    }

    /** {@code /s/{code:[0-9X-]+}} as OpenAPI writes it: {@code /s/{code}}. */
    private static String withoutRegex(String pattern) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inRegex = false;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    inRegex = false;
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inRegex = true;
            }
            if (!inRegex) out.append(c);
        }
        return out.toString();
    }

    @Test
    void amenityVocabularyHasLabelsInTheRequestedLanguage() {
        given().header("Accept-Language", "en-US,en;q=0.9")
                .get("/api/v1/amenities")
                .then()
                .statusCode(200)
                .body("amenities.key", hasItems("drinking_water", "microwave", "ebike_charging", "summer_supplies"))
                .body("amenities.find { it.key == 'microwave' }.label", equalTo("Microwave"));
        // No preference (an empty header replaces the tests' default English): Chinese.
        given().header("Accept-Language", "")
                .get("/api/v1/amenities")
                .then()
                .statusCode(200)
                .body("amenities.find { it.key == 'microwave' }.label", equalTo("微波炉"));
    }
}
