package org.yizhan.locator.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.photo.TestImages;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;

/** A station's card shows its photos as lazily loaded thumbnails that open the larger image. */
class StationPhotosIT extends ApiIT {

    static final LatLng GATE = new LatLng(43.9200, 116.1800);

    String station;
    MapBrowser browser;

    @BeforeEach
    void stationWithTwoPhotos() {
        XilinhotStations.clearPrevious(jdbc);
        station = TestStations.insert(
                jdbc, XilinhotStations.openAllHours(GATE, "锡林浩特照片驿站", List.of("microwave", "wifi", "toilet")));
        for (long seed = 11; seed <= 12; seed++) {
            asAdmin()
                    .multiPart("file", "p.jpg", TestImages.jpeg(TestImages.picture(1200, 900, seed)), "image/jpeg")
                    .post("/api/v1/stations/{code}/photos", station)
                    .then()
                    .statusCode(201);
        }
        browser = MapBrowser.phone(port).withLocationDenied();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void detailShowsLazyThumbnailsWithTextAlternatives() {
        browser.open("/s/" + station);
        browser.visible("#detail-title");

        List<WebElement> thumbs = browser.until(d -> {
            List<WebElement> found = browser.all("#photos img.photo-thumb");
            return found.size() == 2 ? found : null;
        });
        for (int i = 0; i < thumbs.size(); i++) {
            WebElement img = thumbs.get(i);
            assertThat(img.getDomAttribute("loading")).isEqualTo("lazy");
            assertThat(img.getDomAttribute("alt")).isEqualTo("锡林浩特照片驿站的照片 " + (i + 1));
            assertThat(img.getDomAttribute("src")).endsWith("/thumbnail");
        }
        browser.script("document.getElementById('photos').scrollIntoView({block: 'center'})");
        browser.until(
                d -> Boolean.TRUE.equals(
                        browser.script(
                                "return [...document.querySelectorAll('#photos img')].every(i => i.complete && i.naturalWidth === 320)")));
        assertThat(browser.visible("#photos a.photo-link").getDomAttribute("href"))
                .doesNotEndWith("/thumbnail");
        browser.screenshot("phone-detail-photos");

        // Amenities are drawn from the sprite, never as emoji, each with its label beside it.
        assertThat(browser.all("#detail-view .amenity-list svg use")).hasSize(3);
        assertThat((String) browser.script(
                        "return document.querySelector('#detail-view .amenity-list svg use').getAttribute('href')"))
                .isEqualTo("/icons.svg#amenity-microwave");
        assertThat((String) browser.script("return document.body.innerText"))
                .doesNotContainPattern("[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}]");
    }
}
