package org.yizhan.locator.workspace;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.Browser;

/** The workspace as a person uses it: sign in, open the station form, fill fields, save. */
final class WorkspacePage {

    private final Browser browser;

    WorkspacePage(Browser browser) {
        this.browser = browser;
    }

    Browser browser() {
        return browser;
    }

    /**
     * Opens the station's form in the workspace, signs in as a new editor for Wuhai (1503) and
     * waits until the form shows the station.
     */
    static WorkspacePage openAsEditor(Browser browser, String code) {
        WorkspacePage page = new WorkspacePage(browser);
        browser.open("/workspace#code=" + code);
        page.signIn(Accounts.create("editor", List.of("1503")), Accounts.PASSWORD);
        browser.until(d -> !page.field("name").getDomProperty("value").isEmpty());
        return page;
    }

    WorkspacePage signIn(String username, String password) {
        browser.visible("#signin-username").sendKeys(username);
        browser.visible("#signin-password").sendKeys(password);
        browser.click("#signin-submit");
        return this;
    }

    /** Signs in and waits until the header shows the account. */
    WorkspacePage signedInAs(String username) {
        signIn(username, Accounts.PASSWORD);
        browser.until(d -> browser.text("#ws-user-name").contains(username));
        return this;
    }

    WebElement field(String name) {
        return browser.visible("#f-" + name);
    }

    void type(String name, String value) {
        WebElement input = field(name);
        input.clear();
        input.sendKeys(value);
    }

    void clickMapCentre() {
        new Actions(browser.driver())
                .moveToElement(browser.visible("#map"))
                .click()
                .perform();
    }

    void check(String amenity) {
        WebElement box = browser.driver().findElement(By.cssSelector("#f-amenities input[value='" + amenity + "']"));
        if (!box.isSelected()) box.click();
    }

    void save() {
        browser.click("#save-station");
    }

    /** Waits until the form shows a message containing {@code text}; returns that message's kind. */
    String awaitMessage(String text) {
        return browser.until(d -> {
            for (WebElement alert : d.findElements(By.cssSelector("#editor-alerts .alert"))) {
                if (alert.getText().contains(text)) return alert.getDomAttribute("data-kind");
            }
            return null;
        });
    }

    /** The text of the form's message once one of the given kind (error, warning, info) is shown. */
    String message(String... kinds) {
        return failingWithAScreenshot(() -> browser.until(d -> {
            for (WebElement alert : d.findElements(By.cssSelector("#editor-alerts .alert"))) {
                for (String kind : kinds) if (kind.equals(alert.getDomAttribute("data-kind"))) return alert.getText();
            }
            return null;
        }));
    }

    /** On a timeout, keeps a screenshot of what the page showed instead and says what the panel said. */
    private <T> T failingWithAScreenshot(java.util.function.Supplier<T> wait) {
        try {
            return wait.get();
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("workspace-failure-" + System.currentTimeMillis());
            throw new AssertionError(
                    "no message; page errors: " + browser.pageErrors() + "; the panel shows: "
                            + browser.script("return document.querySelector('.ws-panel').innerText"),
                    e);
        }
    }
}
