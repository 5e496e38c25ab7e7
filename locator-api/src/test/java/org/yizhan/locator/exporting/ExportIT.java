package org.yizhan.locator.exporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.exchange.ImportOptions;
import org.yizhan.geo.exchange.ImportRow;
import org.yizhan.geo.exchange.RegisterFormat;
import org.yizhan.geo.exchange.RegisterImport;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;

class ExportIT extends ApiIT {

    private String createIn(String adcode, double lat, double lng, String name) {
        Map<String, Object> form = with(
                with(with(haibowanStation(), "adcode", adcode), "name", name),
                "location",
                Map.of("lat", lat, "lng", lng));
        return createStation(form);
    }

    @Test
    void exportsParseBackToTheSameStationsInEveryTabularFormat() throws Exception {
        Random random = TestRandom.current();
        String code = createIn(
                "150303", 39.43 + random.nextDouble() * 0.02, 106.88 + random.nextDouble() * 0.02, "海南区导出测试驿站");
        for (String format : List.of("csv", "xlsx", "geojson")) {
            byte[] file = asAdmin()
                    .queryParam("format", format)
                    .queryParam("region", "150303")
                    .get("/api/v1/register/export")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            StationRecord exported =
                    readBack(file, RegisterFormat.forFileName("x." + format).orElseThrow(), code);
            StationRecord stored = jdbc.sql(
                            "SELECT code, name, contact_person, opening_hours FROM station WHERE code = :c")
                    .param("c", code)
                    .query((rs, n) -> new StationRecord(
                            rs.getString(1),
                            rs.getString(2),
                            null,
                            "x",
                            0,
                            0,
                            "150303",
                            "self_built",
                            "x",
                            rs.getString(3),
                            "1",
                            rs.getString(4),
                            List.of(),
                            "active",
                            null))
                    .single();
            assertThat(exported.name()).as(format).isEqualTo(stored.name());
            assertThat(exported.contactPerson()).as(format).isEqualTo(stored.contactPerson());
            assertThat(exported.openingHours()).as(format).isEqualTo(stored.openingHours());
        }
        String kml = asAdmin()
                .queryParam("format", "kml")
                .queryParam("region", "150303")
                .get("/api/v1/register/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(kml).contains("<kml").contains("海南区导出测试驿站");
    }

    @Test
    void formulasInCellsAreNeutralised() {
        String code = createIn("150303", 39.44, 106.89, "=HYPERLINK(\"http://evil\",\"点我\")");
        String csv = asAdmin()
                .queryParam("format", "csv")
                .queryParam("region", "150303")
                .get("/api/v1/register/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String line = csv.lines().filter(l -> l.contains(code)).findFirst().orElseThrow();
        assertThat(line).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void unionExportsNeedAnAccountAndOpenDataHidesThePerson() {
        given().get("/api/v1/register/export").then().statusCode(401).contentType("application/problem+json");
        String geojson = given().get("/api/v1/open-data/stations.geojson")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(geojson)
                .contains("FeatureCollection")
                .doesNotContain("contactPerson")
                .doesNotContain("王丽");
        given().get("/api/v1/open-data/stations.csv")
                .then()
                .statusCode(200)
                .contentType(containsStringType("text/csv"));
        given().get("/api/v1/register/template.xlsx").then().statusCode(200);
    }

    @Test
    void theTemplateReadsBackAsARegisterRowAndRevalidatesWithoutBeingWrittenAgain() throws Exception {
        var first = given().get("/api/v1/register/template.xlsx");
        first.then()
                .statusCode(200)
                .contentType(RegisterFormat.XLSX.mediaType())
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("yizhan-register-template.xlsx"));
        byte[] file = first.asByteArray();
        // The import reads the template's columns, and its example row is only refused as the example.
        try (RegisterImport rows =
                RegisterImport.open(new ByteArrayInputStream(file), RegisterFormat.XLSX, ImportOptions.defaults())) {
            List<ImportRow> read = rows.rows().toList();
            assertThat(read).hasSize(1);
            assertThat(read.get(0).problems())
                    .extracting(org.yizhan.geo.exchange.RowProblem::reason)
                    .containsExactly(org.yizhan.geo.exchange.RowReason.EXAMPLE_ROW);
        }

        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(given().get("/api/v1/register/template.xlsx").asByteArray())
                .as("the same bytes each time")
                .isEqualTo(file);
        given().header("If-None-Match", etag)
                .get("/api/v1/register/template.xlsx")
                .then()
                .statusCode(304);
    }

    private static org.hamcrest.Matcher<String> containsStringType(String type) {
        return org.hamcrest.Matchers.containsString(type);
    }

    private static StationRecord readBack(byte[] file, RegisterFormat format, String code) throws Exception {
        try (RegisterImport rows =
                RegisterImport.open(new ByteArrayInputStream(file), format, ImportOptions.defaults())) {
            return rows.rows()
                    .map(ImportRow::record)
                    .filter(r -> r != null && code.equals(r.code()))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
