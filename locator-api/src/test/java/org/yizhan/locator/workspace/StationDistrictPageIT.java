package org.yizhan.locator.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Axe;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.TestRandom;
import org.yizhan.locator.support.TestStations;

/**
 * A new station's district comes from its point: the form fills the code that
 * {@code GET /api/v1/divisions/at} gives for the clicked point, names it, and flags a code the
 * point contradicts before saving; administrators pick districts by name.
 */
class StationDistrictPageIT extends ApiIT {

    static final Random PLACE = TestRandom.forClass(StationDistrictPageIT.class);

    Browser browser;
    WorkspacePage page;

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    private JsonPath divisionAt(double lat, double lng) {
        return asAdmin()
                .queryParam("lat", lat)
                .queryParam("lng", lng)
                .get("/api/v1/divisions/at")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private double value(String field) {
        return Double.parseDouble(page.field(field).getDomProperty("value"));
    }

    @Test
    void desktopEditorClicksTheMapAndTheDistrictIsFilledAndNamed() {
        double lat = 39.655 + PLACE.nextDouble() * 0.02;
        double lng = 106.815 + PLACE.nextDouble() * 0.02;
        // A neighbour within 3 km: where the boundaries tell only the city, its district is the suggestion.
        TestStations.insert(jdbc, TestStations.Spec.active(new LatLng(lat + 0.002, lng + 0.002)));
        String editor = Accounts.create("editor", List.of("1503"));
        browser = Browser.desktop(port);
        page = new WorkspacePage(browser);
        browser.open("/workspace?lat=" + lat + "&lng=" + lng + "&zoom=17");
        page.signedInAs(editor);
        browser.click("#new-station");
        browser.visible("#station-form");
        page.clickMapCentre();
        browser.until(d -> !page.field("lat").getDomProperty("value").isEmpty());

        JsonPath at = divisionAt(value("lat"), value("lng"));
        String expected = at.getString("adcode") != null ? at.getString("adcode") : at.getString("suggested");
        assertThat(expected).startsWith("1503");
        browser.until(d -> expected.equals(page.field("adcode").getDomProperty("value")));
        String name = at.getList("candidates.code", String.class).contains(expected)
                ? at.getString("candidates.find { it.code == '" + expected + "' }.name")
                : at.getString("area.name");
        assertThat(browser.text("#f-adcode-name")).contains(name).contains(at.getString("area.name"));
        assertThat(browser.all("#f-adcode-pick"))
                .as("editors of one city choose from its list")
                .isEmpty();
        browser.screenshot("district-filled-desktop");
    }

    @Test
    void phoneAdminIsWarnedOfAContradictingCodeAndTakesTheOneThePointSays() {
        // Chaoyang, Beijing: the boundaries there are county-level, so the point names its district.
        double lat = 39.915 + PLACE.nextDouble() * 0.01;
        double lng = 116.445 + PLACE.nextDouble() * 0.01;
        browser = Browser.phone(port);
        page = new WorkspacePage(browser);
        browser.open("/workspace?lat=" + lat + "&lng=" + lng + "&zoom=17#new");
        page.signIn(ADMIN, ADMIN_PASSWORD);
        browser.visible("#station-form");
        page.clickMapCentre();
        browser.until(d -> !page.field("lat").getDomProperty("value").isEmpty());
        JsonPath at = divisionAt(value("lat"), value("lng"));
        String expected = at.getString("adcode");
        assertThat(expected).startsWith("11");
        browser.until(d -> expected.equals(page.field("adcode").getDomProperty("value")));
        // The picker shows the same district by name: Beijing, then the district.
        browser.until(d -> "11".equals(browser.visible("#f-adcode-pick").getDomProperty("value")));
        List<WebElement> levels = browser.all("#f-adcode-pick-picker select");
        browser.until(d -> expected.equals(browser.all("#f-adcode-pick-picker select")
                .get(browser.all("#f-adcode-pick-picker select").size() - 1)
                .getDomProperty("value")));
        assertThat(levels).isNotEmpty();

        String wrong = expected.equals("110101") ? "110102" : "110101";
        String marker = TestRandom.token(6);
        page.type("name", "区划核对驿站" + marker);
        page.type("address", "北京市朝阳区测试路1号");
        page.type("adcode", wrong);
        page.type("hostOrganisation", "朝阳区总工会");
        page.type("contactPerson", "王芳");
        page.type("contactPhone", "010-65001234");
        page.type("openingHours", "24/7");
        browser.until(d -> browser.text("#f-adcode-error").contains(expected));
        browser.screenshot("district-contradiction-phone");
        assertThat(Axe.seriousViolations(browser, "#station-pane")).isEmpty();
        page.save();
        browser.visible("#editor-alerts [data-action='use-located']");
        assertThat(jdbc.sql("SELECT count(*) FROM station WHERE name = :n")
                        .param("n", "区划核对驿站" + marker)
                        .query(Long.class)
                        .single())
                .as("nothing saved before the question is answered")
                .isZero();
        browser.screenshot("district-before-save-phone");
        browser.click("#editor-alerts [data-action='use-located']");
        assertThat(page.message("info", "warning")).contains("已创建站点");
        String code = browser.text("#station-pane .subtitle .code");
        assertThat(asAdmin()
                        .get("/api/v1/stations/" + code)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("adcode"))
                .isEqualTo(expected);
        assertThat(browser.driver().findElements(By.cssSelector("#f-adcode[aria-invalid='true']")))
                .isEmpty();
    }
}
