package org.yizhan.locator.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.TestStations;

/**
 * Every page under the real Content-Security-Policy in Chromium: each finishes its start-up
 * (an element its script renders appears) and the browser reports no violation. The detector is
 * proven first by a violation the test provokes on purpose.
 */
class CspBrowserIT extends ApiIT {

    @Test
    void noPageReportsAViolation() {
        String code = TestStations.insert(jdbc, TestStations.Spec.active(new LatLng(39.6553, 106.8254)));
        awaitIndexed();
        try (Browser browser = Browser.desktop(port).withLocationDenied()) {
            // The detector works: an inline script is refused and reported.
            browser.open("/inbox");
            browser.visible("#sign-in:not([hidden]) #username");
            browser.script(
                    "const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.append(s);");
            browser.until(d -> !browser.cspViolations().isEmpty());
            assertThat(browser.cspViolations()).anySatisfy(v -> assertThat(v).startsWith("script-src"));
            assertThat(browser.script("return window.__ran === true")).isEqualTo(false);

            for (Page page : List.of(
                    new Page("/s/" + code, "#detail-title"),
                    new Page("/embed?lat=39.6553&lng=106.8254&zoom=15", "#map .leaflet-pane"),
                    new Page("/map", "#map .leaflet-pane"),
                    new Page("/workspace", "#signin-view:not([hidden])"),
                    new Page("/inbox", "#sign-in:not([hidden])"),
                    new Page("/planning", "#signin:not([hidden])"),
                    new Page("/planning", "#map .leaflet-pane"))) {
                browser.open(page.path());
                browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(page.ready())));
                assertThat(browser.cspViolations()).as(page.path()).isEmpty();
                assertThat((List<?>) browser.pageErrors()).as(page.path()).isEmpty();
            }
            // Signed in, the inbox renders reports and the dashboard.
            browser.open("/inbox");
            browser.visible("#sign-in:not([hidden]) #username").sendKeys(ADMIN);
            browser.visible("#password").sendKeys(ADMIN_PASSWORD);
            browser.visible("#sign-in-submit").click();
            browser.visible("#station-table");
            assertThat(browser.cspViolations()).as("/inbox signed in").isEmpty();
        }
    }

    record Page(String path, String ready) {}
}
