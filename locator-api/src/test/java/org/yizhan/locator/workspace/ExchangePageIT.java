package org.yizhan.locator.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Axe;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.TestRandom;

/**
 * Imports show every new code and name the rejected stations; an imported station's history is in
 * staff words; exports and plaques are chosen by district, the union name is remembered, and the
 * first plaque and its QR address are shown before printing.
 */
class ExchangePageIT extends ApiIT {

    static final String HEADER = "站点编码,站点名称,地址,纬度,经度,行政区划代码,建设方式,依托单位,负责人,联系电话,开放时间,服务设施,状态\n";

    Browser browser;
    WorkspacePage page;

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    private static Path sheet(String rows) throws IOException {
        Path file = Files.createTempFile("register-", ".csv");
        Files.writeString(file, HEADER + rows, StandardCharsets.UTF_8);
        return file;
    }

    private static String row(String name, String lat, String hours) {
        return "," + name + ",乌海市海勃湾区新华街12号," + lat + ",106.8152,150302,共建,新华街社区,张红,0473-2012345," + hours
                + ",微波炉,运行\n";
    }

    private void exchangeAs(Browser opened, String username, String password) {
        browser = opened;
        page = new WorkspacePage(browser);
        browser.open("/workspace");
        page.signIn(username, password);
        browser.click(".ws-tab[data-view='exchange']");
    }

    @Test
    void desktopImportNamesRejectedRowsListsEveryNewCodeAndHistorySpeaksStaffWords() throws IOException {
        String tag = TestRandom.token(6);
        String editor = Accounts.create("editor", List.of("1503"));
        exchangeAs(Browser.desktop(port), editor, Accounts.PASSWORD);

        browser.visible("#import-file")
                .sendKeys(
                        sheet(row("导入甲驿站" + tag, "39.6733", "Mo-Su 08:00-20:00") + row("导入坏行驿站" + tag, "39.6a", "24/7"))
                                .toAbsolutePath()
                                .toString());
        browser.click("#import-dry-run");
        assertThat(browser.text("#import-problems tbody tr .import-name")).isEqualTo("导入坏行驿站" + tag);

        List<String> names = List.of("导入甲驿站" + tag, "导入乙驿站" + tag, "导入丙驿站" + tag);
        browser.visible("#import-file")
                .sendKeys(sheet(row(names.get(0), "39.6733", "Mo-Su 08:00-20:00")
                                + row(names.get(1), "39.6741", "24/7")
                                + row(names.get(2), "39.6752", "Mo-Fr 09:00-17:00"))
                        .toAbsolutePath()
                        .toString());
        browser.click("#import-dry-run");
        browser.until(d -> browser.visible("#import-commit").isEnabled());
        browser.click("#import-commit");
        browser.visible("#import-created");
        for (String name : names) {
            String code = jdbc.sql("SELECT code FROM station WHERE name = :n")
                    .param("n", name)
                    .query(String.class)
                    .single();
            assertThat(browser.text("#import-created")).contains(code).contains(name);
        }
        browser.screenshot("import-new-codes-desktop");
        assertThat(Axe.seriousViolations(browser, "#exchange-view")).isEmpty();

        String code = jdbc.sql("SELECT code FROM station WHERE name = :n")
                .param("n", names.get(2))
                .query(String.class)
                .single();
        // A query makes it a new page load (a changed hash alone would not reload).
        browser.open("/workspace?lang=zh#code=" + code);
        String entry = browser.text("#history-list > li");
        assertThat(entry).contains("批量导入").contains("导入文件").contains("站点编码").contains(code);
        assertThat(entry)
                .contains("Mo-Fr 09:00-17:00")
                .doesNotContain("import ·")
                .doesNotContain("（空）");
        browser.screenshot("import-history-desktop");
    }

    @Test
    void phoneAdminPicksADistrictForExportAndPlaquesAndSeesTheFirstPlaqueFirst() {
        exchangeAs(Browser.phone(port), ADMIN, ADMIN_PASSWORD);
        // No district yet: a sentence, and no link to a problem document.
        assertThat(browser.text("#plaque-preview")).contains("请先选择城市或区县");
        assertThat(browser.attribute("#plaque-region-link", "aria-disabled")).isEqualTo("true");

        new Select(browser.visible("#export-region")).selectByValue("15");
        new Select(browser.visible("#export-region-city")).selectByValue("1503");
        new Select(browser.visible("#export-region-county")).selectByValue("150302");
        String href = browser.until(d -> {
            String h = browser.attribute("#export-links a[data-format='csv']", "href");
            return h.contains("region=150302") ? h : null;
        });
        String csv = (String) browser.asyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
                href);
        long total = (long) asAdmin()
                .queryParams(Map.of("district", "150302", "status", "active", "size", 1))
                .get("/api/v1/register/search")
                .then()
                .extract()
                .jsonPath()
                .getDouble("total");
        assertThat(csv.lines().skip(1).filter(l -> !l.isBlank()).count()).isEqualTo(total);

        String union = "海勃湾区总工会" + TestRandom.token(4);
        browser.visible("#plaque-union").clear();
        browser.visible("#plaque-union").sendKeys(union);
        new Select(browser.visible("#plaque-district")).selectByValue("15");
        new Select(browser.visible("#plaque-district-city")).selectByValue("1503");
        new Select(browser.visible("#plaque-district-county")).selectByValue("150302");
        JsonPath preview = asAdmin()
                .queryParams(Map.of("region", "150302", "union", union))
                .get("/api/v1/plaques/preview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        browser.until(d -> browser.text("#plaque-first").contains(union));
        assertThat(browser.text("#plaque-first"))
                .contains(preview.getString("code"))
                .contains(preview.getString("name"));
        assertThat(browser.text("#plaque-qr-url")).isEqualTo(preview.getString("qrUrl"));
        assertThat(browser.text("#plaque-count")).contains(String.valueOf(preview.getInt("count")));
        assertThat(browser.attribute("#plaque-region-link", "href")).contains("region=150302");
        browser.screenshot("plaque-preview-phone");
        assertThat(Axe.seriousViolations(browser, "#exchange-view")).isEmpty();

        // The union's name is remembered on this computer.
        browser.open("/workspace");
        browser.click(".ws-tab[data-view='exchange']");
        browser.until(d -> union.equals(browser.visible("#plaque-union").getDomProperty("value")));
    }
}
