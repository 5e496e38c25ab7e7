package org.yizhan.locator.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.ProblemWords;

/**
 * Problem details come in the caller's language: Chinese for {@code Accept-Language: zh-CN}, English
 * for {@code en}, {@code lang} over the header; the same machine-readable {@code code} in both, and
 * the language named in Content-Language. One representative failure of each kind the API knows,
 * from the controllers, the MVC machinery, the bean validator, the security chain, the servlet
 * filters and the container.
 */
class ProblemLanguageIT extends ApiIT {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    private record Failure(String name, int status, Function<RequestSpecification, Response> send) {}

    private static List<Failure> failures() {
        String code = StationCode.of("150302", 17).value();
        char check = code.charAt(code.length() - 1);
        String wrongCheck = code.substring(0, code.length() - 1) + (check == '1' ? '2' : '1');
        String unknown = StationCode.of("150302", 99_998).value();
        String tooLongName = "驿".repeat(500);
        return List.of(
                new Failure("bad coordinate", 400, r -> r.get("/api/v1/stations/nearest?lat=91&lng=106")),
                new Failure("malformed code", 400, r -> r.get("/api/v1/stations/not-a-code")),
                new Failure("wrong check character", 400, r -> r.get("/api/v1/stations/" + wrongCheck)),
                new Failure("unknown station", 404, r -> r.get("/api/v1/stations/" + unknown)),
                new Failure("missing parameter", 400, r -> r.get("/api/v1/stations/nearest?lng=106")),
                new Failure("wrong parameter type", 400, r -> r.get("/api/v1/stations/nearest?lat=39&lng=106&limit=x")),
                new Failure(
                        "malformed JSON",
                        400,
                        r -> r.auth()
                                .preemptive()
                                .basic(ADMIN, ADMIN_PASSWORD)
                                .contentType("application/json")
                                .body("{\"name\": ")
                                .post("/api/v1/stations")),
                new Failure(
                        "validation error",
                        400,
                        r -> r.auth()
                                .preemptive()
                                .basic(ADMIN, ADMIN_PASSWORD)
                                .contentType("application/json")
                                .body("{\"name\": \"" + tooLongName + "\", \"ownership\": \"rented\"}")
                                .post("/api/v1/stations")),
                new Failure("sign-in required", 401, r -> r.get("/api/v1/register/search")),
                new Failure(
                        "wrong password",
                        401,
                        r -> r.auth()
                                .preemptive()
                                .basic(ADMIN, "wrong-password-1")
                                .get("/api/v1/me")),
                new Failure(
                        "cross-origin write refused",
                        403,
                        r -> r.header("Origin", "https://elsewhere.example")
                                .header("Access-Control-Request-Method", "POST")
                                .options("/api/v1/stations")),
                new Failure("unknown path", 404, r -> r.get("/api/v1/no-such-thing")),
                new Failure(
                        "method not allowed",
                        405,
                        r -> r.auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).delete("/api/v1/stations/nearest")),
                new Failure(
                        "unsupported media type",
                        415,
                        r -> r.auth()
                                .preemptive()
                                .basic(ADMIN, ADMIN_PASSWORD)
                                .contentType("text/plain")
                                .body("hello")
                                .post("/api/v1/stations")),
                new Failure(
                        "wildcard content type",
                        415,
                        r -> r.contentType("*/*").body(new byte[] {120}).post("/api/v1/stations")),
                new Failure(
                        "malformed query string",
                        400,
                        r -> r.urlEncodingEnabled(false).get("/api/v1/stations/nearest?lat=%C3%28&lng=106")));
    }

    @Test
    void everyKindOfFailureAnswersInChineseOrEnglishWithTheSameCode() {
        for (Failure failure : failures()) {
            Response chinese = failure.send().apply(given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"));
            Response english = failure.send().apply(given().header("Accept-Language", "en-US,en;q=0.9"));
            String what = failure.name();
            assertThat(chinese.statusCode()).as(what).isEqualTo(failure.status());
            assertThat(english.statusCode()).as(what).isEqualTo(failure.status());
            assertThat(chinese.contentType()).as(what).startsWith("application/problem+json");

            String zhTitle = chinese.jsonPath().getString("title");
            String enTitle = english.jsonPath().getString("title");
            assertThat(zhTitle).as(what + " zh title").containsPattern(CJK);
            assertThat(chinese.jsonPath().getString("detail"))
                    .as(what + " zh detail")
                    .containsPattern(CJK);
            assertThat(enTitle).as(what + " en title").isNotBlank().doesNotContainPattern(CJK);
            assertThat(english.jsonPath().getString("detail"))
                    .as(what + " en detail")
                    .isNotBlank();
            assertThat(chinese.header("Content-Language")).as(what).isEqualTo("zh-CN");
            assertThat(english.header("Content-Language")).as(what).isEqualTo("en");

            String code = chinese.jsonPath().getString("code");
            assertThat(code).as(what + " code").matches("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9]+)+");
            assertThat(english.jsonPath().getString("code")).as(what + " code").isEqualTo(code);
            // Never a raw key where words belong.
            assertThat(zhTitle).as(what).doesNotContain(code);
            assertThat(enTitle).as(what).doesNotContain(code);
        }
    }

    @Test
    void theCodesNameTheFailures() {
        String code = StationCode.of("150302", 17).value();
        String wrongCheck = code.substring(0, code.length() - 1) + (code.endsWith("1") ? '2' : '1');
        given().get("/api/v1/stations/not-a-code")
                .then()
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("station.code.malformed"));
        given().get("/api/v1/stations/" + wrongCheck)
                .then()
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("station.code.checkCharacter"));
        given().header("Accept-Language", "zh-CN")
                .get("/api/v1/stations/not-a-code")
                .then()
                .body("title", org.hamcrest.Matchers.equalTo("站点编码格式不对"))
                .body("detail", org.hamcrest.Matchers.containsString("not-a-code"));
    }

    @Test
    void theLangParameterOverridesTheHeaderAndChineseIsTheDefault() {
        Response english =
                given().header("Accept-Language", "zh-CN").get("/api/v1/stations/nearest?lat=91&lng=106&lang=en");
        assertThat(english.jsonPath().getString("title")).isEqualTo("Invalid value for 'lat'");
        assertThat(english.header("Content-Language")).isEqualTo("en");
        System.out.println("ProblemLanguageIT example (lang=en): " + english.asString());

        Response chinese =
                given().header("Accept-Language", "en").get("/api/v1/stations/nearest?lat=91&lng=106&lang=zh");
        assertThat(chinese.jsonPath().getString("title")).containsPattern(CJK).contains("lat");
        System.out.println("ProblemLanguageIT example (lang=zh): " + chinese.asString());

        // No preference at all, or only languages the API does not speak: Chinese.
        for (String header : new String[] {"", "fr-FR,de;q=0.8"}) {
            Response fallback =
                    given().header("Accept-Language", header).get("/api/v1/stations/nearest?lat=91&lng=106");
            assertThat(fallback.jsonPath().getString("title")).as(header).containsPattern(CJK);
        }
    }

    @Test
    void bothAnswersCarryTheSameValues() {
        Response chinese =
                given().header("Accept-Language", "zh-CN").get("/api/v1/stations/nearest?lat=39&lng=106&limit=101");
        Response english = given().get("/api/v1/stations/nearest?lat=39&lng=106&limit=101");
        assertThat(english.jsonPath().getString("detail")).isEqualTo("'limit' must be between 1 and 100, got 101.");
        assertThat(chinese.jsonPath().getString("detail"))
                .contains("limit", "1", "100", "101")
                .containsPattern(CJK);
        assertThat(chinese.jsonPath().getString("field")).isEqualTo("limit");
    }

    /**
     * A route geo-data cannot use is refused with its reason worded here, not with geo-data's
     * English pasted into a Chinese sentence.
     */
    @Test
    void aRouteRefusalIsWordedInTheCallersLanguage() {
        Map<String, Object> cutShort = Map.of("polyline", "_p~iF~ps|U_");
        Map<String, Object> onePoint =
                Map.of("type", "LineString", "coordinates", List.of(List.of(106.8, 39.6), List.of(106.8, 39.6)));
        for (Map.Entry<Map<String, Object>, String> c : Map.of(
                        cutShort, "route.polyline.cutOff", onePoint, "route.unusable.points")
                .entrySet()) {
            Response chinese = given().header("Accept-Language", "zh-CN")
                    .contentType("application/json")
                    .body(c.getKey())
                    .post("/api/v1/stations/along-route");
            Response english = given().header("Accept-Language", "en")
                    .contentType("application/json")
                    .body(c.getKey())
                    .post("/api/v1/stations/along-route");
            for (Response r : List.of(chinese, english)) {
                assertThat(r.statusCode()).as(c.getValue()).isEqualTo(400);
                assertThat(r.jsonPath().getString("code")).isEqualTo(c.getValue());
            }
            System.out.println(
                    "ProblemLanguageIT route refusal: " + chinese.jsonPath().getString("detail") + " / "
                            + english.jsonPath().getString("detail"));
            ProblemWords.assertChinese(chinese.jsonPath().getString("detail"));
            ProblemWords.assertEnglish(english.jsonPath().getString("detail"));
        }
    }
}
