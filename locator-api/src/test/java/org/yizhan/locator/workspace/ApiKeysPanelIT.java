package org.yizhan.locator.workspace;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.TestRandom;

/** The administrators' "应用密钥 / API keys" panel: issue a key, see its use, revoke it. */
class ApiKeysPanelIT extends ApiIT {

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

    @Test
    void anAdministratorIssuesAKeyShownOnceSeesItsUseAndRevokesIt() {
        String admin = Accounts.create("admin", List.of());
        // Markup in an app's name stays text.
        String app = "<img src=x onerror=alert(1)>骑手宝 " + TestRandom.token(5);
        browser.open("/workspace");
        page.signedInAs(admin);
        browser.click(".ws-tab[data-view='apikeys']");
        browser.visible("#apikey-app").sendKeys(app);
        browser.visible("#apikey-contact").sendKeys("dev@example.org");
        WebElement perMinute = browser.visible("#apikey-per-minute");
        perMinute.clear();
        perMinute.sendKeys("7");
        browser.click("#apikey-issue");
        String key = browser.until(d -> {
            String value = browser.attribute("#apikey-secret", "value");
            return value != null && value.startsWith("yz_") ? value : null;
        });

        // The key works at once, with its own quota; only its hash is stored.
        assertThat(given().header("X-API-Key", key).get("/api/v1/amenities").header("RateLimit-Policy"))
                .startsWith("\"minute\";q=7;w=60");
        long id = jdbc.sql("SELECT id FROM api_key WHERE app_name = :a")
                .param("a", app)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM api_key WHERE position(:k in concat_ws('|', key_hash::text, key_prefix, app_name, contact)) > 0")
                        .param("k", key.substring(11))
                        .query(Long.class)
                        .single())
                .isZero();
        WebElement row = browser.visible("#apikeys-table tr[data-key-id='" + id + "']");
        assertThat(row.getText())
                .contains(app)
                .contains(key.substring(0, 11))
                .contains("有效")
                .doesNotContain(key.substring(11));
        assertThat(browser.all("#apikeys-table img")).isEmpty();

        // Its use today, as counted by the service (shared through the database about once a second).
        given().header("X-API-Key", key).get("/api/v1/amenities").then().statusCode(200);
        browser.until(d -> {
            Long stored = jdbc.sql(
                            "SELECT coalesce(sum(requests), 0) FROM api_usage WHERE subject = :s AND window_seconds = 86400")
                    .param("s", "k" + id)
                    .query(Long.class)
                    .single();
            if (stored != 2) return false;
            browser.click(".ws-tab[data-view='apikeys']");
            return "2".equals(browser.text("[data-today='" + id + "']"));
        });

        browser.click("[data-revoke='" + id + "']");
        browser.click("[data-confirm-revoke='" + id + "']");
        browser.until(
                d -> browser.text("#apikeys-table tr[data-key-id='" + id + "']").contains("已吊销"));
        assertThat(given().header("X-API-Key", key).get("/api/v1/amenities").statusCode())
                .isEqualTo(401);

        browser.click("#lang-switch");
        browser.until(d -> browser.text("#apikeys-view h2").equals("API keys"));
        assertThat(browser.text("#apikeys-table tr[data-key-id='" + id + "']")).contains("revoked");
        browser.screenshot("workspace-api-keys");
    }
}
