package org.yizhan.locator.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.TestStations;
import org.yizhan.locator.support.TestStations.Spec;

/** The HTML encoding in real Chromium: station text arrives as text, links lead on, nothing runs. */
class OgcHtmlBrowserIT extends ApiIT {

    @Test
    void stationTextIsShownAsTextAndLinksLeadToTheStation() {
        String name = "<img src=x onerror=alert(1)>驿站 & \"Co\"";
        String code =
                TestStations.insert(jdbc, Spec.active(new LatLng(39.71, 84.91)).withName(name));
        awaitIndexed();
        try (Browser browser = Browser.desktop(port)) {
            browser.open("/ogcapi/collections/stations/items?f=html&bbox=84.9,39.7,84.92,39.72");
            browser.visible("table");
            List<String> cells =
                    browser.all("td").stream().map(e -> e.getText()).toList();
            assertThat(cells).contains(name, code);
            assertThat(browser.all("main img")).isEmpty();

            browser.open("/ogcapi/collections/stations/items/" + code + "?f=html");
            assertThat(browser.visible("h1").getText()).isEqualTo(name);
            browser.driver().findElement(By.linkText("The collection")).click();
            browser.until(d -> browser.currentPath().startsWith("/ogcapi/collections/stations"));
            assertThat(browser.script("return window.__alerts")).asList().isEmpty();
            assertThat(browser.pageErrors()).asList().isEmpty();
        }
    }
}
