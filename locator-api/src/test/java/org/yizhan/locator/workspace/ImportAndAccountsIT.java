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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.TestRandom;

/** The register's spreadsheet round trip and the administrators' account list, in the browser. */
class ImportAndAccountsIT extends ApiIT {

    Browser browser;
    WorkspacePage page;

    @BeforeEach
    void openBrowser() {
        browser = Browser.desktop(port);
        page = new WorkspacePage(browser);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** A register sheet whose second data row has a latitude that is not a number. */
    static Path sheetWithABadRow() throws IOException {
        String tag = TestRandom.token(6);
        String csv = "站点编码,站点名称,地址,纬度,经度,行政区划代码,建设方式,依托单位,负责人,联系电话,开放时间,服务设施,状态\n"
                + ",导入测试驿站" + tag
                + ",乌海市海勃湾区新华街12号,39.6733,106.8152,150302,共建,新华街社区,张红,0473-2012345,Mo-Su 08:00-20:00,微波炉,运行\n"
                + ",导入坏纬度驿站" + tag + ",乌海市海勃湾区某路1号,39.6a,106.8152,150302,共建,某社区,张红,0473-2012345,24/7,,运行\n";
        Path file = Files.createTempFile("register-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void dryRunShowsTheBadRowsNumberAndMessage() throws IOException {
        Path sheet = sheetWithABadRow();
        String editor = Accounts.create("editor", List.of("1503"));
        // The same file through the API in the page's language, as the independent answer the page must show.
        JsonPath report = Accounts.as(editor)
                .header("Accept-Language", "zh-CN")
                .multiPart("file", sheet.toFile(), "text/csv")
                .post("/api/v1/register/imports?dryRun=true")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        browser.open("/workspace");
        page.signedInAs(editor);
        browser.click(".ws-tab[data-view='exchange']");
        browser.visible("#import-file").sendKeys(sheet.toAbsolutePath().toString());
        browser.click("#import-dry-run");

        Map<String, Object> problem = report.getMap("problems[0]");
        WebElement row = browser.visible("#import-problems tbody tr[data-row='" + problem.get("row") + "']");
        assertThat(row.getText())
                .contains(String.valueOf(problem.get("row")))
                .contains(String.valueOf(problem.get("message")));
        assertThat(String.valueOf(problem.get("message"))).contains("39.6a").contains("不是数字");
        assertThat(browser.visible("#import-commit").isEnabled()).isFalse();
        assertThat(browser.text("#import-summary")).contains("有误 1");
        browser.screenshot("workspace-import-dry-run");
    }

    /** A clean sheet: the dry run enables the commit, and the commit writes the station. */
    @Test
    void aCleanDryRunCanBeCommittedFromThePage() throws IOException {
        String tag = TestRandom.token(6);
        String csv = "站点名称,地址,纬度,经度,行政区划代码,建设方式,依托单位,负责人,联系电话,开放时间,服务设施\n" + "页面导入驿站" + tag
                + ",乌海市海勃湾区新华街12号,39.6733,106.8152,150302,共建,新华街社区,张红,0473-2012345,Mo-Su 08:00-20:00,微波炉\n";
        Path sheet = Files.createTempFile("register-", ".csv");
        Files.writeString(sheet, csv, StandardCharsets.UTF_8);

        browser.open("/workspace");
        page.signedInAs(Accounts.create("editor", List.of("1503")));
        browser.click(".ws-tab[data-view='exchange']");
        browser.visible("#import-file").sendKeys(sheet.toAbsolutePath().toString());
        browser.click("#import-dry-run");
        browser.until(d -> browser.visible("#import-commit").isEnabled());
        browser.screenshot("workspace-import-report");
        browser.click("#import-commit");

        String name = "页面导入驿站" + tag;
        browser.until(d -> jdbc.sql("SELECT count(*) FROM station WHERE name = :n")
                        .param("n", name)
                        .query(Long.class)
                        .single()
                == 1);
    }

    @Test
    void adminSeesAccountsAndExportLinks() {
        String editor = Accounts.create("editor", List.of("150302"));
        browser.open("/workspace");
        page.signIn(ADMIN, ADMIN_PASSWORD);
        browser.click(".ws-tab[data-view='accounts']");
        WebElement row = browser.visible("#accounts-table tr[data-username='" + editor + "']");
        assertThat(row.getText()).contains("编辑").contains("150302");
        browser.screenshot("workspace-accounts");

        browser.click(".ws-tab[data-view='exchange']");
        List<String> hrefs = browser.all("#export-links a").stream()
                .map(a -> a.getDomAttribute("href"))
                .toList();
        assertThat(hrefs)
                .contains(
                        "/api/v1/register/export?format=csv&status=active",
                        "/api/v1/register/export?format=kml&status=active");
        browser.screenshot("workspace-exchange");
    }

    @Test
    void viewerOnATabletInEnglishMayReadButNotCreate() {
        browser.close();
        browser = Browser.tablet(port);
        page = new WorkspacePage(browser);
        String viewer = Accounts.create("viewer", List.of("1503"));
        browser.open("/workspace?lang=en&lat=39.6553&lng=106.8254&zoom=15");
        assertThat(browser.text("#signin-submit")).isEqualTo("Sign in");
        page.signIn(viewer, Accounts.PASSWORD);
        browser.until(d -> browser.text("#register-count").contains("stations"));
        assertThat(browser.driver().findElement(By.id("new-station")).isDisplayed())
                .isFalse();
        assertThat(browser.text(".ws-tab[data-view='register']")).isEqualTo("Register");
        browser.screenshot("workspace-tablet-en");

        browser.click("#sign-out");
        browser.visible("#signin-form");
        Object status = browser.asyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/api/v1/me').then(r => done(r.status));");
        assertThat(status).isEqualTo(401L);
    }
}
