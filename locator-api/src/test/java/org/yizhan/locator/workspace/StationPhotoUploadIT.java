package org.yizhan.locator.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.photo.TestImages;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.TestStations;

/** A union editor adds a photo to a station of their region from the station's form. */
class StationPhotoUploadIT extends ApiIT {

    Browser browser;
    WorkspacePage page;
    String station;

    @BeforeEach
    void stationInWuhai() {
        station = TestStations.insert(
                jdbc, TestStations.Spec.active(new LatLng(39.6800, 106.8300)).withName("工作台照片驿站"));
        browser = Browser.desktop(port);
        page = new WorkspacePage(browser);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void editorUploadsAPhotoAndSeesItsThumbnail() throws Exception {
        Path file = Files.createTempFile("station-photo", ".jpg");
        Files.write(file, TestImages.jpegWithExif(TestImages.picture(1600, 1200, 21), 39.68, 106.83, (short) 1));
        String editor = Accounts.create("editor", List.of("1503"));
        browser.open("/workspace#code=" + station);
        page.signedInAs(editor);
        browser.visible("#ws-photo-list .empty");

        browser.visible("#photo-file").sendKeys(file.toAbsolutePath().toString());
        browser.visible("#photo-upload").click();

        browser.until(d -> browser.all("#ws-photo-list img").size() == 1);
        assertThat(browser.visible("#photo-alerts").getText()).contains("照片已上传");
        browser.until(
                d -> Boolean.TRUE.equals(
                        browser.script(
                                "const i = document.querySelector('#ws-photo-list img'); return i.complete && i.naturalWidth === 320;")));
        browser.screenshot("workspace-photo-uploaded");
        Files.delete(file);
    }
}
