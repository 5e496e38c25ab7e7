package org.yizhan.locator.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.DamagedFiles;
import org.yizhan.locator.support.ProblemWords;

class RegisterImportIT extends ApiIT {

    private long stations() {
        return jdbc.sql("SELECT count(*) FROM station").query(Long.class).single();
    }

    private static JsonPath upload(RequestSpecification who, byte[] file, String name, boolean dryRun, int status) {
        return who.multiPart("file", name, file)
                .queryParam("dryRun", dryRun)
                .post("/api/v1/register/imports")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    @Test
    void dryRunReportsWithoutWritingThenCommitWritesAndReimportChangesNothing() {
        byte[] file = RegisterSheets.csv(RegisterSheets.haibowanRows(5), StandardCharsets.UTF_8);
        long before = stations();

        JsonPath dry = upload(asAdmin(), file, "台账.csv", true, 200);
        assertThat(dry.getInt("rows")).isEqualTo(5);
        assertThat(dry.getInt("created")).isEqualTo(5);
        assertThat(dry.getBoolean("committed")).isFalse();
        assertThat(stations()).isEqualTo(before);

        JsonPath commit = upload(asAdmin(), file, "台账.csv", false, 200);
        assertThat(commit.getInt("created")).isEqualTo(5);
        assertThat(commit.getBoolean("committed")).isTrue();
        assertThat(stations()).isEqualTo(before + 5);

        JsonPath again = upload(asAdmin(), file, "台账.csv", false, 200);
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(5);
        assertThat(stations()).isEqualTo(before + 5);
    }

    @Test
    void aChangedRowUpdatesTheStationAndRecordsBeforeAndAfter() {
        List<String> rows = RegisterSheets.haibowanRows(2);
        upload(asAdmin(), RegisterSheets.csv(rows, StandardCharsets.UTF_8), "v1.csv", false, 200);
        List<String> changed = List.of(rows.get(0).replace("Mo-Fr 08:00-18:00", "24/7"), rows.get(1));
        JsonPath report = upload(asAdmin(), RegisterSheets.csv(changed, StandardCharsets.UTF_8), "v2.csv", false, 200);
        assertThat(report.getInt("updated")).isEqualTo(1);
        assertThat(report.getInt("unchanged")).isEqualTo(1);

        String code = report.getString("preview.find { it.action == 'update' }.code");
        asAdmin()
                .get("/api/v1/stations/" + code + "/history")
                .then()
                .statusCode(200)
                .body("entries[0].action", equalTo("import"))
                .body("entries[0].reason", equalTo("v2.csv"))
                .body("entries[0].changes.openingHours.before", equalTo("Mo-Fr 08:00-18:00"))
                .body("entries[0].changes.openingHours.after", equalTo("24/7"));
        given().get("/api/v1/stations/" + code).then().body("alwaysOpen", equalTo(true));
    }

    @Test
    void oneBadRowMeansNothingIsWrittenAndTheRowIsNamed() {
        List<String> rows = new ArrayList<>(RegisterSheets.haibowanRows(4));
        rows.set(2, rows.get(2).replace(",39.", ",139.")); // latitude 139: row 4 in Excel (header is row 1)
        rows.set(3, rows.get(3).replace("Mo-Fr 08:00-18:00", "周一到周五"));
        byte[] file = RegisterSheets.csv(rows, StandardCharsets.UTF_8);
        long before = stations();

        given().auth()
                .preemptive()
                .basic(ADMIN, ADMIN_PASSWORD)
                .multiPart("file", "broken.csv", file)
                .queryParam("dryRun", false)
                .post("/api/v1/register/imports")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Nothing was imported"))
                .body("rejected", equalTo(2))
                .body("problems.row", hasItem(4))
                .body("problems.find { it.row == 4 }.column", equalTo("纬度"))
                .body("problems.find { it.row == 5 }.column", equalTo("开放时间"));
        assertThat(stations()).isEqualTo(before);
    }

    @Test
    void gbkFilesFromExcelAreRead() {
        byte[] file = RegisterSheets.csv(RegisterSheets.haibowanRows(2), Charset.forName("GBK"));
        JsonPath dry = upload(asAdmin(), file, "gbk.csv", true, 200);
        assertThat(dry.getInt("created")).isEqualTo(2);
        assertThat(dry.getList("preview.name", String.class))
                .allSatisfy(n -> assertThat(n).startsWith("导入测试驿站"));
    }

    @Test
    void anEditorCannotImportOutsideItsRegion() {
        String editor = Accounts.create("editor", List.of("4203"));
        byte[] file = RegisterSheets.csv(RegisterSheets.haibowanRows(1), StandardCharsets.UTF_8);
        JsonPath dry = upload(Accounts.as(editor), file, "wuhai.csv", true, 200);
        assertThat(dry.getInt("rejected")).isEqualTo(1);
        assertThat(dry.getString("problems[0].message")).contains("outside your regions");
        Accounts.as(Accounts.create("viewer", List.of()))
                .multiPart("file", "x.csv", file)
                .post("/api/v1/register/imports")
                .then()
                .statusCode(403);
    }

    @Test
    void unknownFileTypesAndMissingColumnsAreExplained() {
        asAdmin()
                .multiPart("file", "register.xls", new byte[] {1, 2, 3})
                .post("/api/v1/register/imports")
                .then()
                .statusCode(415)
                .body("detail", containsString(".xlsx"));
        asAdmin()
                .multiPart("file", "register.csv", "名称,地址\n驿站,路\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/register/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("file"));
    }

    @Test
    void aFileInNeitherUtf8NorGbkIsRefusedNamingTheLineInTheCallersLanguage() {
        byte[] good = RegisterSheets.csv(RegisterSheets.haibowanRows(3), StandardCharsets.UTF_8);
        byte[] file = Arrays.copyOf(good, good.length + 2);
        file[good.length] = (byte) 0xFF; // starts no character in UTF-8 or GB18030
        file[good.length + 1] = '\n';
        long line = new String(good, StandardCharsets.UTF_8).lines().count() + 1;
        asAdmin()
                .header("Accept-Language", "zh-CN")
                .multiPart("file", "register.csv", file)
                .post("/api/v1/register/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("file"))
                .body("detail", containsString("第 " + line + " 行既不是 UTF-8 也不是 GBK"));
        asAdmin()
                .header("Accept-Language", "en")
                .multiPart("file", "register.csv", file)
                .queryParam("dryRun", true)
                .post("/api/v1/register/imports")
                .then()
                .statusCode(400)
                .body("detail", containsString("Line " + line + " of the file is neither UTF-8 nor GBK"));
    }

    /**
     * A workbook damaged inside (a cell said to be at AAAAAAA3, past Excel's last column XFD) is
     * refused naming its row and cell, in the caller's language: no English sentence of geo-data's
     * in a Chinese answer.
     */
    @Test
    void aDamagedWorkbookIsRefusedNamingTheRowInTheCallersLanguage() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(RegisterSheets.HEADER.split(",")));
        RegisterSheets.haibowanRows(2).forEach(r -> rows.add(List.of(r.split(","))));
        byte[] file = DamagedFiles.workbookWithCellAt(rows, "AAAAAAA3");
        long before = stations();

        String zh = asAdmin()
                .header("Accept-Language", "zh-CN")
                .multiPart("file", "台账.xlsx", file)
                .queryParam("dryRun", false)
                .post("/api/v1/register/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("file"))
                .body("title", equalTo("文件无法读取"))
                .body("code", equalTo("file.xlsx.badColumn"))
                .extract()
                .path("detail");
        System.out.println("zh detail of the AAAAAAA3 workbook: " + zh);
        assertThat(zh).isEqualTo("工作簿已损坏：第 3 行有一个单元格标在“AAAAAAA3”，而工作表中没有这一列。" + "请在 Excel 或 WPS 中打开文件，重新保存后再上传。");
        ProblemWords.assertChinese(zh);

        String en = asAdmin()
                .header("Accept-Language", "en")
                .multiPart("file", "register.xlsx", file)
                .queryParam("dryRun", true)
                .post("/api/v1/register/imports")
                .then()
                .statusCode(400)
                .body("title", equalTo("The file cannot be read"))
                .body("code", equalTo("file.xlsx.badColumn"))
                .extract()
                .path("detail");
        System.out.println("en detail of the AAAAAAA3 workbook: " + en);
        assertThat(en)
                .isEqualTo("The workbook is damaged: row 3 has a cell at 'AAAAAAA3', which is no column of a sheet. "
                        + "Open the file in Excel or WPS, save it again and upload that.");
        assertThat(stations()).isEqualTo(before);
    }

    @Test
    void aHundredThousandRowsAreCheckedInOneDryRun() {
        byte[] file = RegisterSheets.csv(RegisterSheets.haibowanRows(100_000), StandardCharsets.UTF_8);
        long started = System.nanoTime();
        JsonPath dry = upload(asAdmin(), file, "big.csv", true, 200);
        System.out.printf(
                "dry run of 100,000 rows (%.1f MB): %.1f s%n", file.length / 1e6, (System.nanoTime() - started) / 1e9);
        assertThat(dry.getInt("rows")).isEqualTo(100_000);
        assertThat(dry.getInt("created")).isEqualTo(100_000);
        assertThat(dry.getList("preview")).hasSize(RegisterImporter.MAX_LISTED);
    }

    @Test
    void theCommitListsEveryNewCodeAndTheHistoryHoldsTheValuesSet() {
        List<String> rows = RegisterSheets.haibowanRows(3);
        JsonPath commit =
                upload(asAdmin(), RegisterSheets.csv(rows, StandardCharsets.UTF_8), "new-stations.csv", false, 200);
        List<String> codes = commit.getList("preview.code", String.class);
        List<String> names = commit.getList("preview.name", String.class);
        assertThat(commit.getList("preview.action", String.class)).containsOnly("create");
        assertThat(codes).hasSize(3).doesNotContainNull();
        for (int i = 0; i < 3; i++) {
            assertThat(jdbc.sql("SELECT name FROM station WHERE code = :c")
                            .param("c", codes.get(i))
                            .query(String.class)
                            .single())
                    .as("row %d's code is the station the row created", i + 2)
                    .isEqualTo(names.get(i));
        }
        JsonPath history = asAdmin()
                .get("/api/v1/stations/" + codes.get(0) + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getString("entries[0].action")).isEqualTo("import");
        assertThat(history.getString("entries[0].reason")).isEqualTo("new-stations.csv");
        assertThat(history.getString("entries[0].changes.code.after")).isEqualTo(codes.get(0));
        assertThat(history.getString("entries[0].changes.hostOrganisation.after"))
                .isEqualTo("海勃湾区总工会");
        assertThat(history.getString("entries[0].changes.openingHours.after")).isEqualTo("Mo-Fr 08:00-18:00");
        assertThat(history.getString("entries[0].changes.name.before")).isNull();
    }

    @Test
    void chineseOpeningHoursAreStoredAsOsmAndUnreadableOnesNameRowAndStation() {
        List<String> rows = new ArrayList<>(RegisterSheets.haibowanRows(3));
        rows.set(0, rows.get(0).replace("Mo-Fr 08:00-18:00", "每天8点到晚上8点"));
        rows.set(1, rows.get(1).replace("Mo-Fr 08:00-18:00", "周一至周六 7:30-19:30"));
        String stationName = rows.get(2).split(",")[0];
        rows.set(2, rows.get(2).replace("Mo-Fr 08:00-18:00", "周一至周五 早晚各一次"));
        JsonPath dry = upload(asAdmin(), RegisterSheets.csv(rows, StandardCharsets.UTF_8), "hours.csv", true, 200);
        assertThat(dry.getInt("rejected")).isEqualTo(1);
        assertThat(dry.getInt("problems[0].row")).isEqualTo(4);
        assertThat(dry.getString("problems[0].column")).isEqualTo("开放时间");
        assertThat(dry.getString("problems[0].name")).isEqualTo(stationName);
        assertThat(dry.getString("problems[0].message")).contains("早晚各一次").contains("周一至周六 7:30-19:30");

        JsonPath commit = upload(
                asAdmin(), RegisterSheets.csv(rows.subList(0, 2), StandardCharsets.UTF_8), "hours.csv", false, 200);
        List<String> codes = commit.getList("preview.code", String.class);
        assertThat(jdbc.sql("SELECT opening_hours FROM station WHERE code IN (:c) ORDER BY code")
                        .param("c", codes)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("Mo-Su 08:00-20:00", "Mo-Sa 07:30-19:30");
    }
}
