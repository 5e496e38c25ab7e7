package org.yizhan.locator.map;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.yizhan.locator.support.Browser;

/** The shared {@link Browser} with what only the courier's map tests need. */
final class MapBrowser extends Browser {

    private MapBrowser(int port, int width, int height, boolean mobile) {
        super(port, width, height, mobile);
    }

    public static MapBrowser phone(int port) {
        return new MapBrowser(port, 360, 640, true);
    }

    public static MapBrowser desktop(int port) {
        return new MapBrowser(port, 1280, 800, false);
    }

    @Override
    public MapBrowser at(double lat, double lng) {
        super.at(lat, lng);
        return this;
    }

    @Override
    public MapBrowser withLocationDenied() {
        super.withLocationDenied();
        return this;
    }

    @Override
    public MapBrowser open(String pathAndQuery) {
        super.open(pathAndQuery);
        return this;
    }

    /** Codes of the stations in the nearest list, in list order, once the list has rows. */
    List<String> listedCodes() {
        until(d -> !d.findElements(By.cssSelector("#list .station-button")).isEmpty());
        return all("#list .station-button").stream()
                .map(e -> e.getDomAttribute("data-code"))
                .toList();
    }

    /** Taps the map {@code dx} CSS pixels right and {@code dy} down from its centre. */
    void tapMap(int dx, int dy) {
        WebElement map = visible("#map");
        new Actions(driver()).moveToElement(map, dx, dy).click().perform();
    }

    /** The rows' data-kind: how the list measured its distances (straight, walk, ride, route). */
    List<String> listedKinds() {
        listedCodes();
        return all("#list .station-button").stream()
                .map(e -> e.getDomAttribute("data-kind"))
                .toList();
    }
}
