package org.yizhan.locator.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;

/** The union side: inbox scope, acknowledge and resolve, verify, dashboard and export. */
class InboxIT extends ApiIT {

    String wuhai;
    String shiyan;
    long wuhaiReport;
    long shiyanReport;
    String wuhaiEditor;
    String shiyanEditor;

    @BeforeEach
    void reports() {
        wuhai = Workers.haibowanStation();
        shiyan = Workers.zhangwanStation();
        wuhaiReport = Workers.fresh().fileReport(wuhai, "closed_when_open");
        shiyanReport = Workers.fresh().fileReport(shiyan, "cannot_find");
        wuhaiEditor = Accounts.create("editor", List.of("1503"));
        shiyanEditor = Accounts.create("editor", List.of("420303"));
    }

    @Test
    void anEditorSeesOnlyReportsOfStationsInTheirRegions() {
        List<Long> seen = Accounts.as(wuhaiEditor)
                .get("/api/v1/feedback/inbox")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("reports.id", Long.class);
        assertThat(seen).contains(wuhaiReport).doesNotContain(shiyanReport);
        List<Long> shiyanSees = Accounts.as(shiyanEditor)
                .get("/api/v1/feedback/inbox")
                .then()
                .statusCode(200)
                .body("reports.code", not(hasItem(equalTo(wuhai))))
                .extract()
                .jsonPath()
                .getList("reports.id", Long.class);
        assertThat(shiyanSees).contains(shiyanReport).doesNotContain(wuhaiReport);
        List<Long> admin = asAdmin()
                .get("/api/v1/feedback/inbox?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("reports.id", Long.class);
        assertThat(admin).contains(wuhaiReport, shiyanReport);

        Accounts.as(wuhaiEditor)
                .get("/api/v1/feedback/inbox?region=4203")
                .then()
                .statusCode(403)
                .body("title", equalTo("Outside your region"));
        given().get("/api/v1/feedback/inbox").then().statusCode(401);
    }

    @Test
    void theNewestReportHeadsTheInboxAndMostReportedSortsByCount() {
        Workers.fresh().fileReport(wuhai, "closed_when_open");
        String other = Workers.haibowanStation();
        long newest = Workers.fresh()
                .report("other")
                .body(Map.of("reason", "other", "text", "门锁坏了"))
                .post("/api/v1/stations/{code}/reports", other)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        var top = Accounts.as(wuhaiEditor)
                .get("/api/v1/feedback/inbox")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(top.getLong("reports[0].id")).isEqualTo(newest);
        assertThat(top.getString("reports[0].text")).isEqualTo("门锁坏了");
        List<Map<String, Object>> byCount = Accounts.as(wuhaiEditor)
                .get("/api/v1/feedback/inbox?sort=most_reported")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("reports");
        long first = ((Number) byCount.get(0).get("stationUnresolved")).longValue();
        assertThat(byCount)
                .allSatisfy(r -> assertThat(((Number) r.get("stationUnresolved")).longValue())
                        .isLessThanOrEqualTo(first));
    }

    /** An empty list of statuses is refused, not listed as "IN ()" (once a 500). */
    @Test
    void anEmptyListOfStatusesIsRefused() {
        Accounts.as(wuhaiEditor)
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/feedback/inbox?status=,")
                .then()
                .statusCode(400)
                .body("field", equalTo("status"))
                .body("detail", containsString("空项"));
    }

    @Test
    void acknowledgeThenResolveMarksTheStationVerified() {
        Accounts.as(wuhaiEditor)
                .post("/api/v1/feedback/reports/{id}/acknowledge", wuhaiReport)
                .then()
                .statusCode(200)
                .body("status", equalTo("acknowledged"));
        Accounts.as(wuhaiEditor)
                .get("/api/v1/feedback/inbox?status=acknowledged")
                .then()
                .body("reports.find { it.id == " + wuhaiReport + " }.acknowledgedBy", equalTo(wuhaiEditor));

        Accounts.as(wuhaiEditor)
                .contentType(ContentType.JSON)
                .body(Map.of("note", ""))
                .post("/api/v1/feedback/reports/{id}/resolve", wuhaiReport)
                .then()
                .statusCode(400)
                .body("field", equalTo("note"));
        Accounts.as(wuhaiEditor)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "门已打开；开放时间已更正"))
                .post("/api/v1/feedback/reports/{id}/resolve", wuhaiReport)
                .then()
                .statusCode(200)
                .body("status", equalTo("resolved"));

        given().get("/api/v1/stations/{code}", wuhai)
                .then()
                .statusCode(200)
                .body("lastVerifiedAt", notNullValue())
                .body("stale", equalTo(false));
        Accounts.as(wuhaiEditor)
                .get("/api/v1/feedback/inbox?status=resolved")
                .then()
                .body("reports.find { it.id == " + wuhaiReport + " }.resolutionNote", equalTo("门已打开；开放时间已更正"));
        Accounts.as(wuhaiEditor)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "again"))
                .post("/api/v1/feedback/reports/{id}/resolve", wuhaiReport)
                .then()
                .statusCode(409);
    }

    @Test
    void reportsAndStationsOutsideTheRegionCannotBeTouched() {
        Accounts.as(wuhaiEditor)
                .post("/api/v1/feedback/reports/{id}/acknowledge", shiyanReport)
                .then()
                .statusCode(404);
        Accounts.as(wuhaiEditor)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "x"))
                .post("/api/v1/feedback/reports/{id}/resolve", shiyanReport)
                .then()
                .statusCode(404);
        Accounts.as(wuhaiEditor)
                .post("/api/v1/stations/{code}/verify", shiyan)
                .then()
                .statusCode(403);
        Accounts.as(shiyanEditor)
                .post("/api/v1/stations/{code}/verify", shiyan)
                .then()
                .statusCode(200)
                .body("lastVerifiedAt", notNullValue());
        String viewer = Accounts.create("viewer", List.of());
        Accounts.as(viewer).post("/api/v1/stations/{code}/verify", wuhai).then().statusCode(403);
        String status = jdbc.sql("SELECT status FROM station_report WHERE id = :id")
                .param("id", shiyanReport)
                .query(String.class)
                .single();
        assertThat(status).isEqualTo("open");
    }

    @Test
    void dashboardCountsRatingsTagsReportsAndCheckins() {
        String region = Workers.zhangwanStation();
        Workers.fresh()
                .request()
                .body(Map.of("stars", 5, "tags", List.of("clean", "friendly_staff")))
                .post("/api/v1/stations/{code}/ratings", region)
                .then()
                .statusCode(201);
        Workers.fresh()
                .request()
                .body(Map.of("stars", 3, "tags", List.of("clean")))
                .post("/api/v1/stations/{code}/ratings", region)
                .then()
                .statusCode(201);
        Workers.fresh()
                .request()
                .post("/api/v1/stations/{code}/checkins", region)
                .then()
                .statusCode(201);

        var json = Accounts.as(shiyanEditor)
                .get("/api/v1/feedback/dashboard?region=420303&weeks=4")
                .then()
                .statusCode(200)
                .body("gradeRule", notNullValue())
                .extract()
                .jsonPath();
        Map<String, Object> station = json.getMap("stations.find { it.code == '" + region + "' }");
        Map<String, Object> numbers = (Map<String, Object>) station.get("numbers");
        assertThat(((Number) numbers.get("ratingCount")).intValue()).isEqualTo(2);
        assertThat(((Number) numbers.get("averageStars")).doubleValue()).isEqualTo(4.0);
        assertThat((Map<String, Object>) numbers.get("tagCounts"))
                .containsEntry("clean", 2)
                .containsEntry("friendly_staff", 1);
        assertThat(((List<Number>) numbers.get("checkinsByHour"))
                        .stream().mapToLong(Number::longValue).sum())
                .isEqualTo(1);
        assertThat(((List<Number>) numbers.get("checkinsByWeekday"))
                        .stream().mapToLong(Number::longValue).sum())
                .isEqualTo(1);
        assertThat((List<?>) numbers.get("weekly")).hasSize(1);
        // (5 + 3 + 3.5 * 5) / 7 = 3.64 -> 4 stars
        assertThat(((Number) station.get("score")).doubleValue()).isEqualTo(3.64);
        assertThat(station.get("grade")).isEqualTo(4);
        assertThat(json.getList("districts.adcode", String.class)).containsExactly("420303");
        assertThat(json.getInt("districts[0].numbers.reportsByReason.cannot_find"))
                .isGreaterThanOrEqualTo(1);

        Accounts.as(wuhaiEditor)
                .get("/api/v1/feedback/dashboard?region=420303")
                .then()
                .statusCode(403);
    }

    @Test
    void exportIsScopedAndSafeAgainstFormulaInjection() throws Exception {
        Workers.fresh()
                .request()
                .body(Map.of("stars", 2, "comment", "=1+2 热水不热"))
                .post("/api/v1/stations/{code}/ratings", wuhai)
                .then()
                .statusCode(201);

        String csv = new String(
                Accounts.as(wuhaiEditor)
                        .get("/api/v1/feedback/export?format=csv&days=7")
                        .then()
                        .statusCode(200)
                        .contentType("text/csv;charset=UTF-8")
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("\uFEFFtype,station_code")
                .contains(wuhai)
                .contains("'=1+2 热水不热")
                .doesNotContain(shiyan);

        byte[] xlsx = Accounts.as(wuhaiEditor)
                .get("/api/v1/feedback/export?format=xlsx&days=7")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("feedback");
            boolean found = false;
            for (var row : sheet) {
                var comment = row.getCell(7);
                if (comment != null && comment.getStringCellValue().contains("热水不热")) {
                    found = true;
                    assertThat(comment.getStringCellValue()).isEqualTo("'=1+2 热水不热");
                }
            }
            assertThat(found).isTrue();
        }
        Accounts.as(wuhaiEditor)
                .get("/api/v1/feedback/export?format=pdf")
                .then()
                .statusCode(400)
                .body("field", equalTo("format"));
    }
}
