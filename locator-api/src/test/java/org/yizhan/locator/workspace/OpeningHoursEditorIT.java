package org.yizhan.locator.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Axe;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.StationForms;
import org.yizhan.locator.support.TestRandom;

/**
 * The opening-hours helper: Chinese converted by {@code GET /api/v1/opening-hours} with a preview,
 * days × time ranges written as OSM syntax, and the holiday note in sight; what is saved is what
 * the preview said.
 */
class OpeningHoursEditorIT extends ApiIT {

    Browser browser;
    WorkspacePage page;

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    private String station() {
        return createStation(
                StationForms.with(StationForms.haibowanStation(), "name", "开放时间助手驿站" + TestRandom.token(6)));
    }

    private String converted(String text) {
        return asAdmin()
                .queryParam("text", text)
                .get("/api/v1/opening-hours")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("osm");
    }

    private String stored(String code) {
        return asAdmin()
                .get("/api/v1/stations/" + code)
                .then()
                .extract()
                .jsonPath()
                .getString("openingHours");
    }

    private void openAsEditor(Browser opened, String code) {
        browser = opened;
        page = WorkspacePage.openAsEditor(browser, code);
    }

    @Test
    void phoneConvertsChineseWithAPreviewAndSavesWhatItShowed() {
        String code = station();
        openAsEditor(Browser.phone(port), code);

        // Chinese typed straight into the field: the preview says what will be stored.
        page.type("openingHours", "周一至周六 7:30-19:30");
        String expected = converted("周一至周六 7:30-19:30");
        browser.until(d -> expected.equals(browser.text("#f-hours-osm")));

        browser.click("#f-hours-helper summary");
        browser.visible("#f-hours-zh").sendKeys("每天8点到晚上8点节假日休息");
        browser.click("#f-hours-zh-convert");
        String everyDay = converted("每天8点到晚上8点节假日休息");
        // The holiday's closing is not the days' closing.
        assertThat(everyDay).isEqualTo("Mo-Su 08:00-20:00");
        browser.until(d -> browser.text("#f-hours-zh-result").contains(everyDay));
        browser.click("#f-hours-zh-use");
        assertThat(page.field("openingHours").getDomProperty("value")).isEqualTo(everyDay);
        // The holiday part cannot be stored: the form says so where it can be seen.
        assertThat(browser.text("#f-hours-holiday")).contains("节假日");
        browser.screenshot("hours-chinese-phone");
        assertThat(Axe.seriousViolations(browser, "#station-pane")).isEmpty();

        page.save();
        assertThat(page.awaitMessage("已保存")).isIn("info", "warning");
        assertThat(stored(code)).isEqualTo(everyDay);
    }

    @Test
    void desktopBuildsDaysAndRangesIntoOsmThatTheServerStores() {
        String code = station();
        openAsEditor(Browser.desktop(port), code);
        browser.click("#f-hours-helper summary");
        // Group 1 starts as Monday to Friday 08:00-18:00; a second group for the weekend mornings.
        browser.click("#f-hours-add-row");
        browser.script("""
                const times = document.querySelectorAll('.hours-row[data-row="2"] input[type=time]');
                times[0].value = '09:00'; times[1].value = '12:00';
                times[1].dispatchEvent(new Event('input', {bubbles: true}));""");
        browser.click(".hours-row[data-row='1'] .add-range");
        browser.until(d -> browser.text("#f-hours-built").contains("Mo-Fr 08:00-18:00,14:00-18:00"));
        // The second range of the weekday group: 08:00-12:00 and 14:00-18:00.
        browser.script("""
                const times = document.querySelectorAll('.hours-row[data-row="1"] input[type=time]');
                times[1].value = '12:00';
                times[1].dispatchEvent(new Event('input', {bubbles: true}));""");
        String osm = "Mo-Fr 08:00-12:00,14:00-18:00; Sa,Su 09:00-12:00";
        browser.until(d -> browser.text("#f-hours-built").contains(osm));
        browser.click("#f-hours-ph");
        browser.click("#f-hours-write");
        assertThat(page.field("openingHours").getDomProperty("value")).isEqualTo(osm);
        assertThat(browser.text("#f-hours-holiday")).contains("节假日");
        // What the helper wrote is what the converter reads back unchanged.
        assertThat(converted(osm)).isEqualTo(osm);
        browser.until(d -> browser.text("#f-hours-preview").contains("格式正确"));
        browser.screenshot("hours-builder-desktop");
        assertThat(Axe.seriousViolations(browser, "#station-pane")).isEmpty();

        page.save();
        assertThat(page.awaitMessage("已保存")).isIn("info", "warning");
        assertThat(stored(code)).isEqualTo(osm);
    }
}
