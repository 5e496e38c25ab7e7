package org.yizhan.locator.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.DamagedFiles;
import org.yizhan.locator.support.ProblemWords;

/**
 * A large .xlsx planning upload goes through the streaming sheet reader: every row arrives, in
 * order, with the weights the file holds. Sets belong to the regions they were uploaded for.
 */
class PlanningUploadIT extends ApiIT {

    @Test
    void aFiftyThousandRowWorkbookIsReadRowByRow() throws IOException {
        long seed = org.yizhan.locator.support.TestRandom.current().nextLong();
        Random random = new Random(seed);
        int rows = 50_000;
        double weightSum = 0;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        // Written with POI's streaming writer too, so the test itself holds only a window of rows.
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet("需求点");
            Row header = sheet.createRow(0);
            List<String> names = List.of("纬度", "经度", "权重", "区县");
            for (int i = 0; i < names.size(); i++) header.createCell(i).setCellValue(names.get(i));
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                int weight = 1 + random.nextInt(50);
                weightSum += weight;
                row.createCell(0).setCellValue(39.60 + random.nextDouble() * 0.12);
                row.createCell(1).setCellValue(106.75 + random.nextDouble() * 0.15);
                row.createCell(2).setCellValue(weight);
                row.createCell(3).setCellValue("150302");
            }
            book.write(file);
        }
        long id = ((Number) asAdmin()
                        .multiPart("file", "demand.xlsx", file.toByteArray())
                        .queryParam("kind", "demand")
                        .queryParam("region", "1503")
                        .post("/api/v1/planning/sets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("id"))
                .longValue();

        var stored = jdbc.sql(
                        "SELECT count(*) AS n, sum(weight) AS w, min(seq) AS lo, max(seq) AS hi FROM demand_point WHERE set_id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(((Number) stored.get("n")).intValue()).as("seed %d", seed).isEqualTo(rows);
        assertThat(((Number) stored.get("w")).doubleValue()).as("seed %d", seed).isCloseTo(weightSum, within(1e-6));
        assertThat(((Number) stored.get("hi")).intValue()).isEqualTo(rows - 1);
    }

    @Test
    void aSetIsUsedOnlyByAccountsOfItsRegions() {
        byte[] csv = "lat,lng,weight\n39.6553,106.8254,3\n39.6600,106.8300,2\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String wuhaiEditor = Accounts.create("editor", List.of("1503"));
        String shiyanViewer = Accounts.create("viewer", List.of("4203"));
        String wuhaiViewer = Accounts.create("viewer", List.of("150302"));
        long id = ((Number) Accounts.as(wuhaiEditor)
                        .multiPart("file", "demand.csv", csv)
                        .queryParam("kind", "demand")
                        .post("/api/v1/planning/sets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("id"))
                .longValue();
        assertThat(jdbc.sql("SELECT array_to_string(regions, ',') FROM demand_set WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .as("a set without region= belongs to all of the uploader's regions")
                .isEqualTo("1503");

        Accounts.as(shiyanViewer)
                .queryParam("demand", id)
                .get("/api/v1/planning/coverage")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        List<Integer> shiyanSees = Accounts.as(shiyanViewer)
                .get("/api/v1/planning/sets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", Integer.class);
        assertThat(shiyanSees).doesNotContain((int) id);
        // A district viewer inside Wuhai does not read a set of all Wuhai: it may hold other districts' demand.
        Accounts.as(wuhaiViewer)
                .queryParam("demand", id)
                .get("/api/v1/planning/coverage")
                .then()
                .statusCode(403);
        asAdmin()
                .queryParam("demand", id)
                .get("/api/v1/planning/coverage")
                .then()
                .statusCode(200);
    }

    /**
     * A damaged workbook (a cell said to be at AAAAAAA3, past Excel's last column) is refused as
     * the register import refuses it, naming the row, in the caller's language.
     */
    @Test
    void aDamagedWorkbookIsRefusedNamingTheRowInTheCallersLanguage() {
        byte[] file = DamagedFiles.workbookWithCellAt(
                List.of(
                        List.of("纬度", "经度", "权重"),
                        List.of("39.6553", "106.8254", "3"),
                        List.of("39.66", "106.83", "2")),
                "AAAAAAA3");
        for (String language : List.of("zh-CN", "en")) {
            String detail = asAdmin()
                    .header("Accept-Language", language)
                    .multiPart("file", "demand.xlsx", file)
                    .queryParam("kind", "demand")
                    .queryParam("region", "1503")
                    .post("/api/v1/planning/sets")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", org.hamcrest.Matchers.equalTo("file"))
                    .body("code", org.hamcrest.Matchers.equalTo("file.xlsx.badColumn"))
                    .extract()
                    .path("detail");
            if (language.equals("en")) {
                assertThat(detail).startsWith("The workbook is damaged: row 3 has a cell at 'AAAAAAA3'");
                ProblemWords.assertEnglish(detail);
            } else {
                assertThat(detail).startsWith("工作簿已损坏：第 3 行有一个单元格标在“AAAAAAA3”");
                ProblemWords.assertChinese(detail);
            }
        }
    }
}
