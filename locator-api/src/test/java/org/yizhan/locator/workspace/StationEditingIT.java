package org.yizhan.locator.workspace;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.StationForms;
import org.yizhan.locator.support.TestRandom;

/** Union staff on a desktop: sign in, create a station by clicking the map, edit it, read its history. */
class StationEditingIT extends ApiIT {

    // A fresh spot in Haibowan on every run: the test database keeps earlier runs' stations.
    static final java.util.Random PLACE = TestRandom.forClass(StationEditingIT.class);
    static final double LAT = 39.6561 + PLACE.nextDouble() * 0.02;
    static final double LNG = 106.8140 + PLACE.nextDouble() * 0.02;

    Browser browser;
    WorkspacePage page;
    String marker;

    @BeforeEach
    void openBrowser() {
        browser = Browser.desktop(port);
        page = new WorkspacePage(browser);
        marker = TestRandom.token(6);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void editorCreatesAStationByClickingTheMapEditsItAndSeesTheHistory() {
        String editor = Accounts.create("editor", List.of("1503"));
        browser.open("/workspace?lat=" + LAT + "&lng=" + LNG + "&zoom=17");
        page.signedInAs(editor);
        assertThat(browser.text("#ws-user-regions")).isEqualTo("1503 乌海市");
        browser.until(d -> !browser.text("#register-count").contains("正在加载"));
        browser.screenshot("workspace-register");

        browser.click("#new-station");
        browser.visible("#station-form");
        page.clickMapCentre();
        browser.until(d -> !page.field("lat").getDomProperty("value").isEmpty());
        assertThat(Double.parseDouble(page.field("lat").getDomProperty("value")))
                .isCloseTo(LAT, within(0.0005));
        assertThat(Double.parseDouble(page.field("lng").getDomProperty("value")))
                .isCloseTo(LNG, within(0.0005));
        assertThat(browser.all(".edit-marker")).hasSize(1);

        String name = "工作台测试驿站" + marker;
        page.type("name", name);
        page.type("address", "乌海市海勃湾区人民路8号");
        page.type("adcode", "150302");
        page.type("hostOrganisation", "海勃湾区总工会");
        page.type("contactPerson", "李明");
        page.type("contactPhone", "0473-1234567");
        page.type("openingHours", "Mo-Fr 08:00-18:00");
        page.check("microwave");
        page.check("drinking_water");
        browser.screenshot("workspace-create-form");
        page.save();

        assertThat(page.message("info", "warning")).contains("已创建站点");
        String code = browser.text("#station-pane .subtitle .code");
        JsonPath created = asAdmin()
                .get("/api/v1/stations/" + code)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(created.getString("name")).isEqualTo(name);
        assertThat(created.getString("contactPerson")).isEqualTo("李明");
        assertThat(created.getDouble("location.lat")).isCloseTo(LAT, within(0.0005));
        assertThat(created.getList("amenities", String.class)).containsExactlyInAnyOrder("microwave", "drinking_water");

        page.type("openingHours", "24/7");
        page.save();
        assertThat(page.awaitMessage("已保存")).isIn("info", "warning");
        assertThat(asAdmin()
                        .get("/api/v1/stations/" + code)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("openingHours"))
                .isEqualTo("24/7");

        browser.until(d -> d.findElements(By.cssSelector("#history-list > li")).size() == 2);
        String change = browser.text("#history-list > li.action-update dd[data-field='openingHours']");
        assertThat(change).contains("Mo-Fr 08:00-18:00").contains("→").contains("24/7");
        assertThat(browser.text("#history-list > li.action-update .who")).isEqualTo(editor);
        browser.click("#station-pane .jump");
        browser.until(
                d -> (Boolean)
                        browser.script(
                                "const r = document.getElementById('history-list').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight * 0.6;"));
        browser.screenshot("workspace-history");
    }

    @Test
    void wrongPasswordIsExplained() {
        browser.open("/workspace");
        page.signIn(Accounts.create("editor", List.of("1503")), "not the password");
        String shown = browser.until(d -> browser.text("#signin-error .alert"));
        assertThat(shown).contains(chineseTitle("signIn.wrongPassword"));
        assertThat(browser.all("#register-view:not([hidden])")).isEmpty();
        browser.screenshot("workspace-signin-wrong");
    }

    @Test
    void editorOfWuhaiCannotSaveAStationInShiyan() {
        String editor = Accounts.create("editor", List.of("1503"));
        browser.open("/workspace");
        page.signedInAs(editor);
        browser.click("#new-station");
        String name = "十堰越权测试驿站" + marker;
        page.type("name", name);
        page.type("address", "十堰市张湾区车城路1号");
        // Typed as Amap shows it (GCJ-02): the pin goes where the map draws the point.
        new org.openqa.selenium.support.ui.Select(page.field("crs")).selectByValue("gcj02");
        page.type("lat", "32.6520");
        page.type("lng", "110.7790");
        page.type("adcode", "420303");
        page.type("hostOrganisation", "张湾区总工会");
        page.type("contactPerson", "周强");
        page.type("contactPhone", "0719-8123456");
        page.type("openingHours", "24/7");
        page.save();

        String message = page.message("error");
        // The page shows the API's own Chinese words, from the one message bundle.
        assertThat(message).contains(chineseTitle("region.outside.edit")).contains("420303");
        assertThat(browser.all(".edit-marker")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM station WHERE name = :name")
                        .param("name", name)
                        .query(Long.class)
                        .single())
                .isZero();
        browser.screenshot("workspace-outside-region");
    }

    @Test
    void staleEditIsRefusedWithAReloadButton() {
        Map<String, Object> form = StationForms.with(StationForms.haibowanStation(), "name", "并发编辑测试驿站" + marker);
        String code = createStation(form);
        String editor = Accounts.create("editor", List.of("150302"));
        browser.open("/workspace#code=" + code);
        page.signedInAs(editor);
        browser.until(d -> page.field("name").getDomProperty("value").startsWith("并发编辑测试驿站"));

        Map<String, Object> theirs =
                StationForms.with(StationForms.with(form, "version", 0), "name", "别人改过的驿站" + marker);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(theirs)
                .put("/api/v1/stations/" + code)
                .then()
                .statusCode(200);

        page.type("contactPhone", "13900009999");
        page.save();
        assertThat(page.message("error")).contains(chineseTitle("station.version.stale"));
        browser.screenshot("workspace-conflict");
        assertThat(given().get("/api/v1/stations/" + code)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("contactPhone"))
                .isEqualTo("13900001234");

        browser.click("#editor-alerts [data-action='reload']");
        browser.until(d -> page.field("name").getDomProperty("value").equals("别人改过的驿站" + marker));
        assertThat(page.field("contactPhone").getDomProperty("value")).isEqualTo("13900001234");
    }

    @Test
    void openingHoursTheApiCannotReadAreExplainedAtTheField() {
        String code = createStation(StationForms.with(StationForms.haibowanStation(), "name", "开放时间测试驿站" + marker));
        browser.open("/workspace#code=" + code);
        page.signedInAs(Accounts.create("editor", List.of("1503")));
        browser.until(d -> !page.field("name").getDomProperty("value").isEmpty());
        page.type("openingHours", "早八点到晚六点");
        page.type("contactPhone", "12");
        page.save();
        // The phone is caught in the browser; fix it and the server explains the hours.
        assertThat(browser.text("#f-contactPhone-error")).contains("电话号码");
        page.type("contactPhone", "13900001234");
        page.save();
        browser.until(d -> "true".equals(browser.visible("#f-openingHours").getDomAttribute("aria-invalid")));
        assertThat(browser.text("#f-openingHours-error")).isNotBlank();
        assertThat(page.field("openingHours").getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("workspace-hours-invalid");
    }

    private static String chineseTitle(String code) {
        return org.yizhan.locator.web.ProblemMessages.shared()
                .text(org.yizhan.locator.web.Language.ZH, code + ".title", java.util.List.of());
    }
}
