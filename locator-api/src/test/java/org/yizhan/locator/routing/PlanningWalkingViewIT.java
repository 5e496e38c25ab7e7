package org.yizhan.locator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.yizhan.locator.support.Browser;

/**
 * The planning view on the road network (the generated test city): it offers walking and riding
 * because the server has a graph, plans on minutes on foot, asks for the stations' catchments
 * (the streets within reach) instead of drawing circles, and switches back to straight lines.
 * Every number on the page is the API's answer to the same question.
 */
class PlanningWalkingViewIT extends RoadApiIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.desktop(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void plannerSwitchesBetweenWalkingAndStraightCoverageAndSeesCatchments() {
        String north = station(city.corner(7, 5), "河北规划驿站");
        String south = station(city.corner(3, 3), "河南规划驿站");
        awaitIndexed();
        String csv = "纬度,经度,权重\n" + row(city.corner(7, 4), 2) + row(city.corner(7, 6), 4) + row(city.corner(3, 2), 1);
        long demand = upload("demand", csv);

        browser.open("/planning?distance=walk&demand=" + demand);
        browser.visible("#username").sendKeys(ADMIN);
        browser.visible("#password").sendKeys(ADMIN_PASSWORD);
        browser.click("#signin-submit");
        browser.visible("#workspace");

        Select distance = new Select(browser.visible("#distance"));
        assertThat(distance.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("walk");
        assertThat(browser.visible("#minutes").getDomProperty("value")).isEqualTo("15");
        JsonPath quarterHour = coverage(demand, "distance", "walk", "minutes", "15");
        browser.until(d -> browser.text("#coverage").contains("步行 15 分钟"));
        assertThat(shareOnPage()).isEqualTo(quarterHour.getDouble("share"));

        // Five minutes on foot (417 m): the demand across the river (300 m, 1,100 m by the bridge) drops out.
        browser.visible("#minutes").clear();
        browser.visible("#minutes").sendKeys("5" + Keys.TAB);
        JsonPath walk = coverage(demand, "distance", "walk", "minutes", "5");
        assertThat(walk.getDouble("share")).isLessThan(quarterHour.getDouble("share"));
        browser.until(d -> browser.text("#coverage").contains("步行 5 分钟") && shareOnPage() == walk.getDouble("share"));

        // The stations in view get their walking catchments from the API, not a circle.
        browser.until(d -> catchmentRequests().stream()
                .anyMatch(url -> url.contains("distance=walk")
                        && url.contains("minutes=5")
                        && url.contains(north)
                        && url.contains(south)));
        browser.screenshot("planning-walking-catchments");

        distance.selectByValue("straight");
        browser.visible("#radius").clear();
        browser.visible("#radius").sendKeys("500" + Keys.TAB);
        JsonPath straight = coverage(demand, "distance", "straight", "radius", "500");
        // Across the river counts in a straight line and not on foot: the two shares differ.
        assertThat(straight.getDouble("share")).isGreaterThan(walk.getDouble("share"));
        browser.until(d -> shareOnPage() == straight.getDouble("share"));
        assertThat(browser.text("#coverage")).doesNotContain("步行");
        browser.screenshot("planning-straight-circles");
    }

    private double shareOnPage() {
        return Double.parseDouble(browser.visible("#coverage-share").getDomAttribute("data-share"));
    }

    @SuppressWarnings("unchecked")
    private List<String> catchmentRequests() {
        return (List<String>) browser.script("return performance.getEntriesByType('resource')"
                + ".map(e => decodeURIComponent(e.name)).filter(n => n.includes('/api/v1/planning/catchments'))");
    }
}
