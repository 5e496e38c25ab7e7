package org.yizhan.locator.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;

/**
 * One navigation across the staff pages (js/staff-nav.js): the inbox, planning and workspace link
 * to each other, keep the session and the language, and a report's station opens the editor. On a
 * 360×640 phone the language switch and sign-out sit behind a menu button instead of off screen.
 */
class StaffNavigationIT extends ApiIT {

    private static List<String> pagesLinked(FeedbackBrowser browser) {
        return browser.all(".staff-links a").stream()
                .map(a -> a.getDomAttribute("href"))
                .toList();
    }

    private static String currentPage(FeedbackBrowser browser) {
        return browser.attribute(".staff-links a[aria-current='page']", "data-page");
    }

    /** Whether the page's own cookie session is signed in, asked by the page's origin. */
    private static Object signedIn(FeedbackBrowser browser) {
        return browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/session').then(r => r.json()).then(s => done(s.signedIn));");
    }

    @Test
    void inboxPlanningAndWorkspaceShareOneNavigationAndAReportOpensTheEditor() {
        String code = Workers.haibowanStation();
        Workers.fresh().fileReport(code, "cannot_find");
        String name = asAdmin()
                .get("/api/v1/stations/{code}", code)
                .then()
                .extract()
                .jsonPath()
                .getString("name");
        String editor = Accounts.create("editor", List.of("1503"));

        try (FeedbackBrowser desk = new FeedbackBrowser(port, 1280, 800, false)) {
            desk.open("/inbox");
            desk.visible("#sign-in");
            assertThat(pagesLinked(desk)).containsExactly("/workspace", "/inbox", "/planning", "/");
            assertThat(currentPage(desk)).isEqualTo("inbox");
            desk.visible("#username").sendKeys(editor);
            desk.visible("#password").sendKeys(Accounts.PASSWORD);
            desk.clickable("#sign-in-submit").click();
            desk.textContains("#ws-user-name", editor);
            // The regions by name, as the API names them.
            desk.textContains("#ws-user-regions", "1503 乌海市");

            String link = "li.report[data-code='" + code + "'] a.station";
            assertThat(desk.attribute(link, "href")).isEqualTo("/workspace#code=" + code);
            desk.screenshot("staff-nav-inbox-desktop");
            desk.clickable(link).click();
            desk.textContains("#editor-title", name);
            assertThat(currentPage(desk)).isEqualTo("workspace");
            desk.textContains("#ws-user-name", editor);
            desk.screenshot("staff-nav-workspace-desktop");

            desk.clickable(".staff-links a[data-page='planning']").click();
            desk.visible("#workspace");
            desk.textContains("#ws-user-name", editor);
            assertThat(currentPage(desk)).isEqualTo("planning");

            desk.clickable("#lang-switch").click();
            desk.textContains(".staff-links a[data-page='inbox']", "Feedback");
            assertThat(desk.attribute(".staff-links a[data-page='inbox']", "href"))
                    .isEqualTo("/inbox?lang=en");
            desk.clickable(".staff-links a[data-page='inbox']").click();
            desk.textContains("#inbox-heading", "Problem reports");
            desk.screenshot("staff-nav-inbox-english");

            desk.clickable("#sign-out").click();
            desk.visible("#sign-in");
            assertThat(signedIn(desk)).isEqualTo(false);
            // Signed out, the pages ask /api/v1/session, which answers without a failed request.
            assertThat(desk.consoleErrors()).noneMatch(m -> m.contains(" 401"));
        }
    }

    @Test
    void onAPhoneTheMenuHoldsTheLanguageSwitchAndSignOut() {
        String editor = Accounts.create("editor", List.of("1503"));
        try (FeedbackBrowser phone = new FeedbackBrowser(port, 360, 640, true)) {
            for (String page : List.of("/inbox", "/planning", "/workspace")) {
                phone.open(page);
                phone.visible("#staff-menu-button");
                assertThat(phone.driver().findElement(By.id("lang-switch")).isDisplayed())
                        .as("language switch folded away on " + page)
                        .isFalse();
                assertThat(phone.script("return document.documentElement.scrollWidth"))
                        .as("nothing wider than the phone on " + page)
                        .isEqualTo(360L);
            }
            phone.open("/inbox");
            phone.visible("#username").sendKeys(editor);
            phone.visible("#password").sendKeys(Accounts.PASSWORD);
            phone.clickable("#sign-in-submit").click();
            phone.visible("#inbox");
            phone.screenshot("staff-nav-inbox-phone");

            // The workspace's own tabs: a strip that scrolls sideways, each tab one line high.
            phone.open("/workspace");
            phone.visible("#tabs");
            for (WebElement tab : phone.all(".ws-tab")) {
                if (tab.isDisplayed()) assertThat(tab.getRect().getHeight()).isLessThan(60);
            }
            assertThat(phone.script("return document.documentElement.scrollWidth"))
                    .isEqualTo(360L);
            phone.visible("#register-table");
            phone.screenshot("staff-nav-workspace-phone");
            phone.open("/inbox");
            phone.visible("#inbox");
            phone.clickable("#staff-menu-button").click();
            WebElement lang = phone.clickable("#lang-switch");
            WebElement out = phone.clickable("#sign-out");
            for (WebElement button : List.of(lang, out)) {
                assertThat(button.getRect().getX() + button.getRect().getWidth())
                        .isLessThanOrEqualTo(360);
                assertThat(button.getRect().getY() + button.getRect().getHeight())
                        .isLessThanOrEqualTo(640);
            }
            phone.screenshot("staff-nav-phone-menu");
            lang.click();
            phone.textContains("#inbox-heading", "Problem reports");
            assertThat(phone.driver().findElement(By.id("sign-out")).isDisplayed())
                    .as("the menu closes after switching")
                    .isFalse();
            phone.clickable("#staff-menu-button").click();
            phone.clickable("#sign-out").click();
            phone.visible("#sign-in");
            assertThat(signedIn(phone)).isEqualTo(false);
        }
    }
}
