package org.yizhan.locator.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;

/**
 * The inbox as a district union works it: three workers report the same closed door, the group is
 * acknowledged and resolved at once (a note first), reopened from the resolved list; the station is
 * verified with a button; the export link gives the reports; the dashboard's charts have a slot per
 * week, hour and weekday with the API's numbers, or say "no data"; no grade without ratings. Each
 * step is checked against the API or the database, not against the page. Desktop and 360×640.
 */
class InboxPageIT extends ApiIT {

    private static List<Long> reports(String code, String reason, int n, String text) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Workers.fresh()
                    .request()
                    .body(i == 0 ? Map.of("reason", reason, "text", text) : Map.of("reason", reason))
                    .post("/api/v1/stations/{code}/reports", code)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id"));
        }
        return ids;
    }

    /** Status of each report as the API tells the editor. */
    private static List<String> statuses(String editor, List<Long> ids) {
        JsonPath inbox = Accounts.as(editor)
                .get("/api/v1/feedback/inbox?status=open,acknowledged,resolved&limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return ids.stream()
                .map(id -> inbox.getString("reports.find { it.id == " + id + " }.status"))
                .toList();
    }

    private String verifiedAt(String code) {
        return jdbc.sql("SELECT coalesce(last_verified_at::text, '') FROM station WHERE code = :c")
                .param("c", code)
                .query(String.class)
                .single();
    }

    private static void signIn(FeedbackBrowser browser, String editor) {
        browser.open("/inbox");
        browser.visible("#username").sendKeys(editor);
        browser.visible("#password").sendKeys(Accounts.PASSWORD);
        browser.clickable("#sign-in-submit").click();
        browser.visible("#inbox");
    }

    private static String group(String code, String reason) {
        return "li.report-group[data-code='" + code + "'][data-reason='" + reason + "']";
    }

    @Test
    void identicalReportsAreHandledTogetherTheStationVerifiedAndTheFeedbackExported() {
        String code = Workers.haibowanStation();
        List<Long> closed = reports(code, "closed_when_open", 3, "中午门锁着");
        List<Long> lost = reports(code, "cannot_find", 1, "没有指示牌");
        // A rating and a visit, so that the weekly and hourly charts have a bar to draw.
        String rated = Workers.haibowanStation();
        Workers.fresh()
                .rating(4)
                .post("/api/v1/stations/{code}/ratings", rated)
                .then()
                .statusCode(201);
        Workers.fresh()
                .request()
                .body(Map.of())
                .post("/api/v1/stations/{code}/checkins", rated)
                .then()
                .statusCode(201);
        String editor = Accounts.create("editor", List.of("1503"));

        try (FeedbackBrowser desk = new FeedbackBrowser(port, 1280, 800, false)) {
            signIn(desk, editor);
            String closedGroup = group(code, "closed_when_open");
            assertThat(desk.attribute(closedGroup, "data-ids").split(","))
                    .containsExactlyInAnyOrderElementsOf(
                            closed.stream().map(String::valueOf).toList());
            assertThat(desk.text(closedGroup + " .times-badge")).isEqualTo("×3");
            assertThat(desk.text(closedGroup)).contains("中午门锁着");
            desk.screenshot("inbox-groups-desktop");

            desk.clickable(closedGroup + " .ack-button").click();
            desk.textContains(closedGroup + " .meta", "3 条已受理");
            assertThat(statuses(editor, closed)).containsOnly("acknowledged");
            assertThat(statuses(editor, lost)).containsOnly("open");

            // Resolving needs a word on what was done: nothing changes without it.
            desk.clickable(closedGroup + " .resolve-button").click();
            desk.textContains("#alerts", "处理说明");
            assertThat(statuses(editor, closed)).containsOnly("acknowledged");
            desk.visible(closedGroup + " .note-input").sendKeys("已开门，开放时间已更正");
            desk.clickable(closedGroup + " .resolve-button").click();
            desk.until(d -> d.findElements(By.cssSelector(closedGroup)).isEmpty());
            assertThat(statuses(editor, closed)).containsOnly("resolved");
            assertThat(statuses(editor, lost)).containsOnly("open");

            new org.openqa.selenium.support.ui.Select(desk.visible("#status-filter")).selectByValue("resolved");
            desk.textContains(closedGroup, "已开门，开放时间已更正");
            desk.clickable(closedGroup + " .reopen-button").click();
            desk.until(d -> d.findElements(By.cssSelector(closedGroup)).isEmpty());
            assertThat(statuses(editor, closed)).containsOnly("acknowledged");

            new org.openqa.selenium.support.ui.Select(desk.visible("#status-filter"))
                    .selectByValue("open,acknowledged");
            String verifiedBefore = verifiedAt(code);
            desk.clickable(group(code, "cannot_find") + " .verify-button").click();
            desk.until(d -> !verifiedAt(code).equals(verifiedBefore));

            String export = desk.attribute("#export-csv", "href");
            assertThat(export).isEqualTo("/api/v1/feedback/export?format=csv&days=90");
            String csv = Accounts.as(editor)
                    .get(export)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(csv.lines().filter(line -> line.startsWith("report,") && line.contains(code)))
                    .hasSize(4);

            dashboardMatchesTheApi(desk, editor);
            assertThat((String) desk.script("return document.body.innerText"))
                    .doesNotContain("贝叶斯")
                    .doesNotContain("辖区 *");
        }
    }

    /** Every chart slot against the API's numbers; a grade exactly where the API gives one. */
    private static void dashboardMatchesTheApi(FeedbackBrowser desk, String editor) {
        JsonPath d = Accounts.as(editor)
                .get("/api/v1/feedback/dashboard?weeks=12")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        desk.visible("#chart-weekly");
        desk.script("document.getElementById('dashboard').scrollIntoView()");
        desk.screenshot("inbox-dashboard-desktop");
        desk.script("document.getElementById('chart-weekly').scrollIntoView()");
        desk.screenshot("inbox-charts-desktop");
        Map<String, Integer> weekly = new java.util.HashMap<>();
        for (Map<String, Object> w : d.<Map<String, Object>>getList("total.weekly"))
            weekly.put((String) w.get("weekStart"), ((Number) w.get("ratings")).intValue());
        List<WebElement> weeks = desk.all("#chart-weekly .slot");
        if (weekly.values().stream().allMatch(n -> n == 0)) {
            assertThat(desk.text("#chart-weekly .no-data")).isEqualTo("暂无数据");
        } else {
            assertThat(weeks).hasSize(12);
            assertThat(weeks.get(0).getDomAttribute("data-key")).isEqualTo(d.getString("from"));
            for (WebElement w : weeks)
                assertThat(Integer.parseInt(w.getDomAttribute("data-value")))
                        .isEqualTo(weekly.getOrDefault(w.getDomAttribute("data-key"), 0));
        }
        List<Integer> hours = d.getList("total.checkinsByHour", Integer.class);
        if (hours.stream().allMatch(n -> n == 0)) {
            assertThat(desk.text("#chart-hours .no-data")).isEqualTo("暂无数据");
        } else {
            List<WebElement> slots = desk.all("#chart-hours .slot");
            assertThat(slots).hasSize(24);
            for (int h = 0; h < 24; h++)
                assertThat(Integer.parseInt(slots.get(h).getDomAttribute("data-value")))
                        .isEqualTo(hours.get(h));
        }
        for (WebElement row : desk.all("#station-table tbody tr")) {
            String code = row.getDomAttribute("data-code");
            Object grade = d.get("stations.find { it.code == '" + code + "' }.grade");
            assertThat(row.getText().contains("暂无评分"))
                    .as("no grade for " + code)
                    .isEqualTo(grade == null);
        }
    }

    @Test
    void onAPhoneTablesAreCardsAndTheGroupButtonsFit() {
        String code = Workers.haibowanStation();
        reports(code, "cannot_find", 2, "路口没有指示牌");
        String editor = Accounts.create("editor", List.of("1503"));
        try (FeedbackBrowser phone = new FeedbackBrowser(port, 360, 640, true)) {
            signIn(phone, editor);
            String item = group(code, "cannot_find");
            phone.visible(item);
            assertThat(phone.text(item + " .ack-button")).isEqualTo("全部受理（2 条）");
            phone.screenshot("inbox-groups-phone");
            phone.visible("#district-table");
            // The column heads are for screen readers only: each cell names its column on the card.
            assertThat(phone.driver()
                            .findElement(By.cssSelector("#district-table thead"))
                            .getRect()
                            .getHeight())
                    .isLessThanOrEqualTo(1);
            // A card per district: each cell as wide as the card, never a column one character wide.
            for (WebElement cell : phone.all("#district-table td"))
                assertThat(cell.getRect().getWidth()).isGreaterThan(250);
            assertThat(phone.script("return document.documentElement.scrollWidth"))
                    .isEqualTo(360L);
            phone.script("document.getElementById('dashboard').scrollIntoView()");
            phone.screenshot("inbox-dashboard-phone");
            phone.script("document.getElementById('chart-weekly').scrollIntoView()");
            phone.screenshot("inbox-charts-phone");
        }
    }
}
