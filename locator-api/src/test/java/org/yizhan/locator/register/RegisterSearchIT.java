package org.yizhan.locator.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;
import org.yizhan.locator.support.TestStations;

/**
 * Staff search over the whole register the account may read: codes with or without hyphens,
 * names, addresses and district names; filters, sorting, paging; the export holds what the search lists.
 */
class RegisterSearchIT extends ApiIT {

    private final String token = "搜" + TestRandom.token(6);

    private String station(String name, String address, String adcode, LatLng at) {
        String code = TestStations.insert(
                jdbc, TestStations.Spec.active(at).inDivision(adcode).withName(name));
        jdbc.sql("UPDATE station SET address = :a WHERE code = :c")
                .param("a", address)
                .param("c", code)
                .update();
        return code;
    }

    private JsonPath search(io.restassured.specification.RequestSpecification as, Map<String, ?> params) {
        return as.queryParams(params)
                .get("/api/v1/register/search")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aCodeIsFoundWithOrWithoutHyphensInAnyWidth() {
        String code = station(token + "驿站", "新华街1号", "150302", new LatLng(39.66, 106.82));
        String bare = code.replace("-", "");
        String fullWidth = code.chars()
                .mapToObj(c -> String.valueOf((char) (c + 0xFEE0))) // ASCII to full width: digits, '-', 'X'
                .reduce("", String::concat);
        for (String typed : List.of(
                code,
                bare,
                bare.toLowerCase(),
                fullWidth,
                code.substring(0, 6) + " " + code.substring(7, 12) + " " + code.substring(13))) {
            assertThat(search(asAdmin(), Map.of("q", typed)).getList("items.code", String.class))
                    .as(typed)
                    .containsExactly(code);
        }
        // A prefix without the check character lists the station too.
        assertThat(search(asAdmin(), Map.of("q", bare.substring(0, 11), "size", 200))
                        .getList("items.code", String.class))
                .contains(code);
    }

    @Test
    void namesAddressesAndDistrictNamesMatchAsWordsThatMustAllMatch() {
        String haibowan = station(token + "新华驿站", "海勃湾区" + token + "路8号", "150302", new LatLng(39.66, 106.82));
        String wuda = station(token + "乌达驿站", "乌达区团结路1号", "150304", new LatLng(39.50, 106.70));
        String zhangwan = station("张湾" + token + "驿站", "车城路2号", "420303", new LatLng(32.65, 110.77));

        assertThat(search(asAdmin(), Map.of("q", token)).getList("items.code", String.class))
                .containsExactlyInAnyOrder(haibowan, wuda, zhangwan);
        assertThat(search(asAdmin(), Map.of("q", token + " 乌达")).getList("items.code", String.class))
                .as("district name AND token")
                .containsExactly(wuda);
        assertThat(search(asAdmin(), Map.of("q", token + " 乌海")).getList("items.code", String.class))
                .as("a city's name finds its districts")
                .containsExactlyInAnyOrder(haibowan, wuda);
        assertThat(search(asAdmin(), Map.of("q", token + "路8")).getList("items.code", String.class))
                .as("substring of the address")
                .containsExactly(haibowan);
        assertThat(search(asAdmin(), Map.of("q", "100%" + token)).getList("items.code", String.class))
                .as("% is a character, not a wildcard")
                .isEmpty();

        // A Wuhai viewer sees Wuhai only, with the responsible person; another region is a 403.
        String viewer = Accounts.create("viewer", List.of("1503"));
        JsonPath seen = search(Accounts.as(viewer), Map.of("q", token));
        assertThat(seen.getList("items.code", String.class)).containsExactlyInAnyOrder(haibowan, wuda);
        assertThat(seen.getList("items.contactPerson", String.class)).containsOnly("张三");
        Accounts.as(viewer)
                .queryParam("district", "4203")
                .get("/api/v1/register/search")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void filtersSortingAndPagingGoTogether() {
        List<String> codes = new ArrayList<>();
        String[] names = {"阿", "包", "北", "呼", "乌", "成", "大"};
        for (int i = 0; i < names.length; i++) {
            codes.add(station(
                    names[i] + token,
                    "测试路" + i + "号",
                    i % 2 == 0 ? "150302" : "150303",
                    new LatLng(39.6 + i * 0.01, 106.8)));
        }
        jdbc.sql("UPDATE station SET status = 'suspended' WHERE code = :c")
                .param("c", codes.get(1))
                .update();
        jdbc.sql("UPDATE station SET amenities = '{drinking_water,microwave}' WHERE code IN (:c)")
                .param("c", List.of(codes.get(2), codes.get(3)))
                .update();
        jdbc.sql(
                        "UPDATE station SET last_verified_at = now() - interval '400 days', created_at = now() - interval '500 days' WHERE code = :c")
                .param("c", codes.get(4))
                .update();
        jdbc.sql("UPDATE station SET last_verified_at = now() WHERE code IN (:c) AND code <> :old")
                .param("c", codes)
                .param("old", codes.get(4))
                .update();

        // Pinyin order of the first character: a, bao, bei, cheng, da, hu, wu.
        List<String> byName = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            byName.addAll(search(asAdmin(), Map.of("q", token, "sort", "name", "size", 3, "page", page))
                    .getList("items.name", String.class));
        }
        assertThat(byName)
                .containsExactly(
                        "阿" + token, "包" + token, "北" + token, "成" + token, "大" + token, "呼" + token, "乌" + token);
        JsonPath first = search(asAdmin(), Map.of("q", token, "sort", "code", "order", "desc", "size", 2));
        assertThat(first.getLong("total")).isEqualTo(7);
        assertThat(first.getList("items.code", String.class))
                .containsExactlyElementsOf(codes.stream()
                        .sorted(Comparator.reverseOrder())
                        .limit(2)
                        .toList());

        assertThat(search(asAdmin(), Map.of("q", token, "status", "suspended")).getList("items.code", String.class))
                .containsExactly(codes.get(1));
        assertThat(search(asAdmin(), Map.of("q", token, "amenities", "microwave"))
                        .getList("items.code", String.class))
                .containsExactlyInAnyOrder(codes.get(2), codes.get(3));
        assertThat(search(asAdmin(), Map.of("q", token, "needsChecking", "true"))
                        .getList("items.code", String.class))
                .containsExactly(codes.get(4));
        assertThat(search(asAdmin(), Map.of("q", token, "needsChecking", "false"))
                        .getList("items.code", String.class))
                .hasSize(6);
        assertThat(search(asAdmin(), Map.of("q", token, "district", "150303")).getList("items.code", String.class))
                .containsExactlyInAnyOrder(codes.get(1), codes.get(3), codes.get(5));

        // The export holds exactly what the search lists.
        String csv = new String(
                asAdmin()
                        .queryParams(Map.of("q", token, "district", "150302", "format", "csv"))
                        .get("/api/v1/register/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        List<String> exported = codes.stream().filter(csv::contains).toList();
        assertThat(exported).containsExactlyInAnyOrder(codes.get(0), codes.get(2), codes.get(4), codes.get(6));
        assertThat(csv.lines().count()).as("header plus four rows").isEqualTo(5);
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        for (Map<String, String> bad : List.of(
                Map.of("sort", "colour"),
                Map.of("order", "up"),
                Map.of("page", "0"),
                Map.of("status", "open"),
                Map.of("amenities", "sauna"),
                Map.of("district", "15a"),
                Map.of("size", "0"))) {
            asAdmin()
                    .queryParams(bad)
                    .get("/api/v1/register/search")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        io.restassured.RestAssured.given()
                .port(port)
                .get("/api/v1/register/search")
                .then()
                .statusCode(401);
    }
}
