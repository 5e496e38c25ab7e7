package org.yizhan.locator.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.StationForms;
import org.yizhan.locator.support.TestRandom;

/**
 * No edit is lost silently: leaving the form, reloading and switching language keep or guard
 * unsaved changes; closing a station asks first; an edit and a closing are undone by the next click.
 */
class UnsavedAndUndoIT extends ApiIT {

    Browser browser;
    WorkspacePage page;

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    private String station() {
        return createStation(StationForms.with(StationForms.haibowanStation(), "name", "防丢测试驿站" + TestRandom.token(6)));
    }

    private JsonPath stored(String code) {
        return asAdmin().get("/api/v1/stations/" + code).then().extract().jsonPath();
    }

    private void openAsEditor(Browser opened, String code) {
        browser = opened;
        page = WorkspacePage.openAsEditor(browser, code);
    }

    private boolean reloadIsHeldBack() {
        return (Boolean)
                browser.script(
                        "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
    }

    @Test
    void desktopKeepsAnUnsavedEditThroughBackReloadAndLanguageThenUndoesTheSavedEdit() {
        String code = station();
        openAsEditor(Browser.desktop(port), code);
        assertThat(reloadIsHeldBack()).as("nothing changed yet").isFalse();
        page.type("contactPhone", "13900007777");
        assertThat(reloadIsHeldBack()).isTrue();

        browser.click("#station-pane .back-button");
        browser.visible("#ws-dialog");
        browser.screenshot("guard-back-desktop");
        browser.click("#ws-dialog [data-answer='no']");
        assertThat(page.field("contactPhone").getDomProperty("value")).isEqualTo("13900007777");

        browser.click("#lang-switch");
        browser.until(d -> browser.text("#save-station").equals("Save"));
        assertThat(page.field("contactPhone").getDomProperty("value")).isEqualTo("13900007777");
        assertThat(reloadIsHeldBack()).isTrue();
        browser.click("#lang-switch");
        browser.until(d -> browser.text("#save-station").equals("保存"));

        page.save();
        assertThat(page.awaitMessage("已保存")).isIn("info", "warning");
        assertThat(stored(code).getString("contactPhone")).isEqualTo("13900007777");
        assertThat(reloadIsHeldBack()).as("saved").isFalse();

        browser.click("#editor-alerts [data-action='undo-edit']");
        page.awaitMessage("已撤销修改");
        assertThat(stored(code).getString("contactPhone")).isEqualTo("13900001234");
        assertThat(page.field("contactPhone").getDomProperty("value")).isEqualTo("13900001234");
        List<String> actions = asAdmin()
                .get("/api/v1/stations/" + code + "/history")
                .then()
                .extract()
                .jsonPath()
                .getList("entries.action", String.class);
        assertThat(actions).containsExactly("update", "update", "create");

        // Leaving after saying "discard" goes back to the list.
        page.type("contactPhone", "13900008888");
        browser.click("#station-pane .back-button");
        browser.click("#ws-dialog [data-answer='yes']");
        browser.visible("#filter-text");
        assertThat(stored(code).getString("contactPhone")).isEqualTo("13900001234");
    }

    @Test
    void phoneClosingAsksFirstAndIsUndoneByTheNextClick() {
        String code = station();
        openAsEditor(Browser.phone(port), code);
        browser.visible("#status-reason").sendKeys("场地装修");
        browser.click("[data-status='closed']");
        browser.visible("#ws-dialog");
        browser.screenshot("close-confirm-phone");
        browser.click("#ws-dialog [data-answer='no']");
        assertThat(stored(code).getString("status")).isEqualTo("active");

        browser.click("[data-status='closed']");
        browser.click("#ws-dialog [data-answer='yes']");
        page.awaitMessage("已撤销");
        assertThat(stored(code).getString("status")).isEqualTo("closed");
        browser.screenshot("close-undo-phone");

        browser.click("#editor-alerts [data-action='undo-status']");
        page.awaitMessage("已恢复为");
        assertThat(stored(code).getString("status")).isEqualTo("active");
    }
}
