package org.yizhan.locator.map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;

/** What a plaque's QR code, a typed code and a hostile station name lead to. */
class StationPageIT extends ApiIT {

    static final LatLng PLAQUE = new LatLng(43.9800, 116.1500);
    static final String XSS_NAME = "<img src=x onerror=alert(1)>";

    String plaque;
    String hostile;
    MapBrowser browser;

    @BeforeEach
    void stations() {
        XilinhotStations.clearPrevious(jdbc);
        plaque = TestStations.insert(
                jdbc, XilinhotStations.openAllHours(PLAQUE, "锡林浩特二维码驿站", List.of("microwave", "wifi")));
        hostile = TestStations.insert(
                jdbc,
                XilinhotStations.openAllHours(
                        XilinhotStations.offset(PLAQUE, 80, 0), XSS_NAME, List.of("drinking_water")));
        awaitIndexed();
        browser = MapBrowser.phone(port).withLocationDenied();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void plaqueUrlOpensTheStation() {
        browser.open("/s/" + plaque);

        assertThat(browser.text("#detail-title")).isEqualTo("锡林浩特二维码驿站");
        assertThat(browser.text("#detail-view")).contains(plaque, "微波炉");
        assertThat(browser.visible("a[data-app='amap']").getDomAttribute("href"))
                .contains("uri.amap.com/navigation");
        browser.screenshot("phone-plaque-url");
    }

    @Test
    void typedCodeJumpsToTheStationAndAnUnknownCodeShowsTheApisProblem() {
        browser.open("/");
        browser.visible("#code-input").sendKeys(plaque.toLowerCase() + "\n");
        assertThat(browser.text("#detail-title")).isEqualTo("锡林浩特二维码驿站");

        String unknown = StationCode.of(XilinhotStations.XILINHOT, 59_999).value();
        // The page is in Chinese and asks the API for Chinese: it shows exactly what the API answers
        // a Chinese caller, title and detail, translating nothing itself.
        var problem = given().header("Accept-Language", "zh-CN")
                .get("/api/v1/stations/{code}", unknown)
                .then()
                .statusCode(404)
                .extract()
                .jsonPath();
        assertThat(problem.getString("title")).isEqualTo("没有这个站点");
        browser.visible("#code-input").clear();
        browser.visible("#code-input").sendKeys(unknown + "\n");
        browser.until(d -> browser.text(".alert").contains(problem.getString("title")));
        assertThat(browser.text(".alert")).contains(problem.getString("title"), problem.getString("detail"));

        browser.visible("#code-input").clear();
        browser.visible("#code-input").sendKeys("not-a-code\n");
        var bad = given().header("Accept-Language", "zh-CN")
                .get("/api/v1/stations/{code}", "not-a-code")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(bad.getString("title")).isEqualTo("站点编码格式不对");
        // Once, as the API words it: title and detail in the alert, no second copy in the card.
        browser.until(d -> browser.text(".alert").contains(bad.getString("title"))
                && browser.text(".alert").contains(bad.getString("detail")));
        assertThat(browser.text("#detail-view")).doesNotContain(bad.getString("detail"));
        browser.screenshot("phone-unknown-code");
    }

    @Test
    void hostileNameIsShownAsText() {
        browser.open("/?lat=" + PLAQUE.lat() + "&lng=" + PLAQUE.lng());
        browser.until(d -> browser.listedCodes().contains(hostile));
        browser.click("#list .station-button[data-code='" + hostile + "']");

        assertThat(browser.text("#detail-title")).isEqualTo(XSS_NAME);
        assertThat(browser.all("#sheet img")).isEmpty();
        assertThat(browser.all("img[src='x']")).isEmpty();
        assertThat(browser.script("return window.__alerts.length")).isEqualTo(0L);
        browser.screenshot("phone-hostile-name");
    }

    @Test
    void englishSwitchTranslatesTheInterfaceAndTheData() {
        browser.open("/s/" + plaque);
        browser.visible("#detail-title");
        browser.click("#lang-switch");

        browser.until(d -> browser.text("#detail-view").contains("Microwave"));
        assertThat(browser.text("#detail-view")).contains("Open 24 hours", "Directions", "Amap");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
        assertThat(browser.currentPath()).contains("lang=en");
        assertThat(browser.text("#lang-switch")).isEqualTo("中文");
        browser.screenshot("phone-english");
    }
}
