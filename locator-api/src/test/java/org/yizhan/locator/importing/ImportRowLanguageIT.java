package org.yizhan.locator.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;

/**
 * Issue 18: a rejected import row is explained in the staff's language (Accept-Language or lang),
 * from the same bundle as the problem details, and names its row and station.
 */
class ImportRowLanguageIT extends ApiIT {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    /** Row 3: a phone that is no number; row 4: an amenity nobody knows; row 5: latitude 139. */
    private static List<String> badRows() {
        List<String> rows = new ArrayList<>(RegisterSheets.haibowanRows(4));
        rows.set(1, rows.get(1).replace("13900001111", "电话待定"));
        rows.set(2, rows.get(2).replace("微波炉、饮水机", "微波炉、按摩椅"));
        rows.set(3, rows.get(3).replace(",39.", ",139."));
        return rows;
    }

    private static JsonPath commit(byte[] file, String acceptLanguage, String lang) {
        var request = asAdmin().header("Accept-Language", acceptLanguage).multiPart("file", "坏行.csv", file);
        if (!lang.isEmpty()) request = request.queryParam("lang", lang);
        return request.queryParam("dryRun", false)
                .post("/api/v1/register/imports")
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
    }

    private static Map<Integer, String> messages(JsonPath report) {
        Map<Integer, String> byRow = new java.util.TreeMap<>();
        for (Map<String, Object> p : report.<Map<String, Object>>getList("problems"))
            byRow.put((Integer) p.get("row"), (String) p.get("message"));
        return byRow;
    }

    @Test
    void rejectedRowsAreExplainedInChineseOrEnglishAndNameTheirStation() {
        List<String> rows = badRows();
        byte[] file = RegisterSheets.csv(rows, StandardCharsets.UTF_8);
        long before = jdbc.sql("SELECT count(*) FROM station").query(Long.class).single();

        JsonPath zh = commit(file, "zh-CN,zh;q=0.9", "");
        assertThat(zh.getString("title")).containsPattern(CJK);
        assertThat(zh.getInt("rejected")).isEqualTo(3);
        Map<Integer, String> chinese = messages(zh);
        assertThat(chinese).containsOnlyKeys(3, 4, 5);
        assertThat(chinese.get(3)).contains("电话待定").contains("不是电话号码");
        assertThat(chinese.get(4)).contains("按摩椅").contains("未知的服务设施");
        assertThat(chinese.get(5)).contains("139.").contains("纬度");
        for (int row = 3; row <= 5; row++) {
            assertThat(zh.getString("problems.find { it.row == " + row + " }.name"))
                    .as("row %d names its station", row)
                    .isEqualTo(rows.get(row - 2).split(",")[0]);
        }
        assertThat(zh.getString("problems.find { it.row == 3 }.reason")).isEqualTo("import.row.phone");
        assertThat(zh.getString("problems.find { it.row == 3 }.column")).isEqualTo("联系电话");

        JsonPath en = commit(file, "en", "");
        assertThat(en.getString("title")).isEqualTo("Nothing was imported");
        Map<Integer, String> english = messages(en);
        assertThat(english).containsOnlyKeys(3, 4, 5);
        assertThat(english.get(3)).contains("'电话待定' is not a phone number");
        assertThat(english.get(4)).startsWith("Unknown amenities: 按摩椅.");
        assertThat(english.get(5)).startsWith("Latitude 139.").contains("out of range");
        assertThat(en.getString("problems.find { it.row == 4 }.name"))
                .isEqualTo(rows.get(2).split(",")[0]);

        // lang= outranks the browser's Accept-Language, as for every problem.
        assertThat(messages(commit(file, "en", "zh"))).isEqualTo(chinese);
        assertThat(jdbc.sql("SELECT count(*) FROM station").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aDryRunSpeaksTheCallersLanguageToo() {
        byte[] file = RegisterSheets.csv(badRows(), StandardCharsets.UTF_8);
        JsonPath zh = asAdmin()
                .header("Accept-Language", "zh-CN")
                .multiPart("file", "坏行.csv", file)
                .post("/api/v1/register/imports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(zh.getInt("rejected")).isEqualTo(3);
        assertThat(messages(zh).values()).allSatisfy(m -> assertThat(m).containsPattern("[不未纬]"));
    }
}
