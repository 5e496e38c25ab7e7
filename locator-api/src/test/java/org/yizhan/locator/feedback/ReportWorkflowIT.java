package org.yizhan.locator.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;

/**
 * Working through reports: a group of identical reports is handled in one request, answering one
 * of three "closed" reports does not make the station checked, a resolved report can be reopened,
 * and the dashboard gives no grade to a station nobody rated.
 */
class ReportWorkflowIT extends ApiIT {

    private boolean stale(String code) {
        return given().get("/api/v1/stations/{code}/feedback", code)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getBoolean("stale");
    }

    private String lastVerified(String code) {
        return jdbc.sql("SELECT coalesce(last_verified_at::text, '') FROM station WHERE code = :c")
                .param("c", code)
                .query(String.class)
                .single();
    }

    private List<Long> threeClosedReports(String code) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Workers.fresh().fileReport(code, "closed_when_open"));
        }
        return ids;
    }

    @Test
    void answeringOneOfThreeClosedReportsLeavesTheStationToCheck() {
        String code = Workers.haibowanStation();
        List<Long> ids = threeClosedReports(code);
        assertThat(stale(code)).as("three networks say closed").isTrue();
        String verifiedBefore = lastVerified(code);

        asAdmin()
                .contentType("application/json")
                .body(Map.of("note", "已联系"))
                .post("/api/v1/feedback/reports/{id}/resolve", ids.get(0))
                .then()
                .statusCode(200);
        assertThat(stale(code)).as("two of the three are still open").isTrue();
        assertThat(lastVerified(code))
                .as("not verified while identical reports remain")
                .isEqualTo(verifiedBefore);

        JsonPath bulk = asAdmin()
                .contentType("application/json")
                .body(Map.of("ids", ids, "action", "resolve", "note", "门已打开"))
                .post("/api/v1/feedback/reports/bulk")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(bulk.getInt("changed")).isEqualTo(2);
        assertThat(bulk.getList("reports.status", String.class)).containsOnly("resolved");
        assertThat(stale(code)).as("all answered: the station is checked").isFalse();
        assertThat(lastVerified(code)).isNotEqualTo(verifiedBefore);
    }

    @Test
    void aResolvedReportCanBeReopenedAndAnOpenOneCannot() {
        String code = Workers.haibowanStation();
        long id = Workers.fresh().fileReport(code, "cannot_find");
        asAdmin()
                .post("/api/v1/feedback/reports/{id}/reopen", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        asAdmin()
                .contentType("application/json")
                .body(Map.of("note", "已处理"))
                .post("/api/v1/feedback/reports/{id}/resolve", id)
                .then()
                .statusCode(200);
        asAdmin().post("/api/v1/feedback/reports/{id}/reopen", id).then().statusCode(200);
        Map<String, Object> row = jdbc.sql(
                        "SELECT status, resolved_at, resolution_note FROM station_report WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("acknowledged");
        assertThat(row.get("resolved_at")).isNull();
        List<Long> inbox = asAdmin()
                .get("/api/v1/feedback/inbox?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("reports.id", Long.class);
        assertThat(inbox).as("back among the reports to handle").contains(id);
    }

    @Test
    void aBulkActionWithAReportOutsideTheRegionChangesNothing() {
        String wuhai = Workers.haibowanStation();
        String shiyan = Workers.zhangwanStation();
        long mine = Workers.fresh().fileReport(wuhai, "cannot_find");
        long theirs = Workers.fresh().fileReport(shiyan, "cannot_find");
        String editor = Accounts.create("editor", List.of("1503"));
        Accounts.as(editor)
                .contentType("application/json")
                .body(Map.of("ids", List.of(mine, theirs), "action", "acknowledge"))
                .post("/api/v1/feedback/reports/bulk")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(jdbc.sql("SELECT status FROM station_report WHERE id IN (:ids)")
                        .param("ids", List.of(mine, theirs))
                        .query(String.class)
                        .list())
                .containsOnly("open");
        Accounts.as(editor)
                .contentType("application/json")
                .body(Map.of("ids", List.of(mine), "action", "explode"))
                .post("/api/v1/feedback/reports/bulk")
                .then()
                .statusCode(400);
        Accounts.as(editor)
                .contentType("application/json")
                .body(Map.of("ids", List.of(mine), "action", "resolve"))
                .post("/api/v1/feedback/reports/bulk")
                .then()
                .statusCode(400);
    }

    @Test
    void noGradeWithoutRatings() {
        String unrated = Workers.zhangwanStation();
        String rated = Workers.zhangwanStation();
        Workers.fresh()
                .rating(5)
                .post("/api/v1/stations/{code}/ratings", rated)
                .then()
                .statusCode(201);
        JsonPath d = asAdmin()
                .get("/api/v1/feedback/dashboard?region=420303")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(d.getString("stations.find { it.code == '" + unrated + "' }.grade"))
                .isNull();
        assertThat(d.getString("stations.find { it.code == '" + unrated + "' }.score"))
                .isNull();
        assertThat(d.getInt("stations.find { it.code == '" + rated + "' }.grade"))
                .isBetween(1, 5);
        assertThat(d.getInt("districts.find { it.adcode == '420303' }.grade"))
                .as("the district: its rated stations")
                .isBetween(1, 5);
    }
}
