package org.yizhan.locator.station;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.ProblemWords;

/**
 * The opening-hours preview's notes say what a conversion left out in the caller's language,
 * quoting the part of the text it left out (they were English sentences for every caller).
 */
class OpeningHoursIT extends ApiIT {

    private static Response converted(String text, String language) {
        return given().header("Accept-Language", language)
                .queryParam("text", text)
                .get("/api/v1/opening-hours");
    }

    @Test
    void aHolidayNoteIsInTheCallersLanguageAndQuotesWhatWasLeftOut() {
        String typed = "周一至周五 9:00-17:00，法定节假日休息";
        Response chinese = converted(typed, "zh-CN");
        Response english = converted(typed, "en");
        for (Response r : List.of(chinese, english)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.jsonPath().getString("osm")).isEqualTo("Mo-Fr 09:00-17:00");
            assertThat(r.jsonPath().getList("notes", String.class))
                    .singleElement()
                    .asString()
                    .contains("法定节假日休息");
        }
        String zh = chinese.jsonPath().getString("notes[0]");
        String en = english.jsonPath().getString("notes[0]");
        System.out.println("OpeningHoursIT notes: " + zh + " / " + en);
        ProblemWords.assertChinese(zh.replace("法定节假日休息", ""));
        ProblemWords.assertEnglish(en);
        assertThat(en.replace("法定节假日休息", "")).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void hoursWithoutHolidaysHaveNoNotes() {
        Response r = converted("每天8点到晚上8点", "zh-CN");
        assertThat(r.jsonPath().getString("osm")).isEqualTo("Mo-Su 08:00-20:00");
        assertThat(r.jsonPath().getList("notes")).isEmpty();
    }
}
