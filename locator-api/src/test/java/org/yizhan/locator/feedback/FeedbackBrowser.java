package org.yizhan.locator.feedback;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.yizhan.locator.support.Browser;

/** The shared headless Chromium, location denied (feedback pages open stations by code), plus two waits. */
final class FeedbackBrowser extends Browser {

    FeedbackBrowser(int port, int width, int height, boolean mobile) {
        super(port, width, height, mobile);
        withLocationDenied();
    }

    @Override
    public FeedbackBrowser open(String path) {
        super.open(path);
        return this;
    }

    WebElement clickable(String css) {
        return until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    void textContains(String css, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }
}
