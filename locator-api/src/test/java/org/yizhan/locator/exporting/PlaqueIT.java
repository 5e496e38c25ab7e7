package org.yizhan.locator.exporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.locator.support.StationForms.haibowanStation;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;

class PlaqueIT extends ApiIT {

    @Test
    void aPlaqueCarriesTheCodeAndTheStationName() throws Exception {
        String code = asAdmin()
                .contentType(ContentType.JSON)
                .body(haibowanStation())
                .post("/api/v1/stations")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
        byte[] pdf = asAdmin()
                .queryParam("codes", code)
                .queryParam("union", "乌海市总工会")
                .get("/api/v1/plaques")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(pdf)) {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains(code).contains("乌海市总工会").contains("爱心驿站");
        }
        given().queryParam("codes", code).get("/api/v1/plaques").then().statusCode(401);
        asAdmin()
                .queryParam("codes", code)
                .queryParam("perPage", 3)
                .get("/api/v1/plaques")
                .then()
                .statusCode(400);
    }
}
