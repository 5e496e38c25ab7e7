package org.yizhan.locator.exporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.locator.support.StationForms.haibowanStation;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;

class PlaqueIT extends ApiIT {

    @Test
    void aPlaqueCarriesTheCodeAndTheStationName() throws Exception {
        String code = createStation(haibowanStation());
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

    @Test
    void thePreviewTellsTheCountTheFirstPlaqueAndItsQrAddressAsThePdfPrintsThem() throws Exception {
        createStation(haibowanStation());
        io.restassured.path.json.JsonPath preview = asAdmin()
                .queryParam("region", "150302")
                .queryParam("union", "海勃湾区总工会")
                .get("/api/v1/plaques/preview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        byte[] pdf = asAdmin()
                .queryParam("region", "150302")
                .queryParam("union", "海勃湾区总工会")
                .get("/api/v1/plaques")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String code = preview.getString("code");
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isEqualTo(preview.getInt("count"));
            String first = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(first).contains(code).contains(preview.getString("name")).contains("海勃湾区总工会");
        }
        assertThat(preview.getString("qrUrl")).isEqualTo("http://localhost:" + port + "/s/" + code);
        // No district: a problem naming the field, never a PDF of nothing.
        asAdmin()
                .get("/api/v1/plaques/preview")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("region"));
    }
}
