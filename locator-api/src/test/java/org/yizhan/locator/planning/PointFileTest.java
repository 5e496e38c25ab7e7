package org.yizhan.locator.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.locator.web.ApiException;

/** Planning uploads in each format, read through geo-data's readers; no Spring, no database. */
class PointFileTest {

    private static List<PointFile.Point> read(byte[] bytes, String name) throws IOException {
        return PointFile.read(new ByteArrayInputStream(bytes), name, CoordinateSystem.WGS84);
    }

    @Test
    void gbkCsvWithChineseHeadersAndATitleFreeFirstRowIsRead() throws IOException {
        byte[] gbk = "纬度,经度,权重,区县\n39.6553,106.8254,3,海勃湾区\n\n39.66,106.83,,乌达区\n".getBytes(Charset.forName("GBK"));

        List<PointFile.Point> points = read(gbk, "demand.csv");

        assertThat(points)
                .containsExactly(
                        new PointFile.Point(new LatLng(39.6553, 106.8254), 3, "海勃湾区"),
                        new PointFile.Point(new LatLng(39.66, 106.83), 1, "乌达区"));
    }

    @Test
    void utf8CsvWithABomAndTabsIsRead() throws IOException {
        byte[] utf8 = "\uFEFFlat\tlng\tweight\n39.6553\t106.8254\t2\n".getBytes(StandardCharsets.UTF_8);

        assertThat(read(utf8, "demand.CSV"))
                .containsExactly(new PointFile.Point(new LatLng(39.6553, 106.8254), 2, null));
    }

    @Test
    void badRowsAreNamedAsTheSpreadsheetNumbersThem() {
        byte[] csv = "lat,lng,weight\n39.6,106.8,1\n\nabc,106.8,1\n39.6,106.8,-2\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(csv, "d.csv"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.getMessage())
                                .contains("row 4: 'abc' is not a number")
                                .contains("row 5: weight must be a number ≥ 0"));
    }

    @Test
    void aFileWithoutCoordinateColumnsOrOfAnotherTypeIsRefused() {
        assertThatThrownBy(() -> read("名称,权重\n某处,3\n".getBytes(StandardCharsets.UTF_8), "d.csv"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("lat/纬度 and lng/经度 are required");
        assertThatThrownBy(() -> read("x".getBytes(StandardCharsets.UTF_8), "d.txt"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Upload points as .csv, .xlsx or .geojson");
        assertThatThrownBy(() -> read("not a zip".getBytes(StandardCharsets.UTF_8), "d.xlsx"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.key()).isEqualTo("file.xlsx.unreadable");
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.getMessage()).contains("cannot be read as an .xlsx workbook");
                });
    }

    @Test
    void xlsxRowsAreRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("points");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("经度");
            header.createCell(1).setCellValue("纬度");
            header.createCell(2).setCellValue("名称");
            Row row = sheet.createRow(3); // rows 2 and 3 left empty
            row.createCell(0).setCellValue(106.8254);
            row.createCell(1).setCellValue(39.6553);
            row.createCell(2).setCellValue("某处");
            wb.write(out);
        }

        assertThat(read(out.toByteArray(), "sites.xlsx"))
                .containsExactly(new PointFile.Point(new LatLng(39.6553, 106.8254), 1, "某处"));
    }

    @Test
    void geoJsonTakesNumericWeightsAndTextLabelsAndConvertsTheCrs() throws IOException {
        byte[] geoJson = """
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","geometry":{"type":"Point","coordinates":[106.8254,39.6553]},"properties":{"weight":4,"name":"甲"}},
                  {"type":"Feature","geometry":{"type":"Point","coordinates":[106.83,39.66]},"properties":{"weight":"9","label":7}}
                ]}""".getBytes(StandardCharsets.UTF_8);

        List<PointFile.Point> points =
                PointFile.read(new ByteArrayInputStream(geoJson), "d.geojson", CoordinateSystem.GCJ02);

        LatLng first = CoordinateSystem.GCJ02.toWgs84(new LatLng(39.6553, 106.8254));
        assertThat(points).hasSize(2);
        assertThat(points.get(0)).isEqualTo(new PointFile.Point(first, 4, "甲"));
        assertThat(points.get(1).weight()).isEqualTo(1); // a weight given as text is not a number
        assertThat(points.get(1).label()).isNull(); // nor is a number a label
    }

    @Test
    void aCsvWithAnUnclosedQuoteIsRefusedWithItsLineAndNoParserInternals() {
        byte[] csv = "lat,lng\n39.1,106.1\n\"><img src=x onerror=alert(1)>\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(csv, "p.csv")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.key()).isEqualTo("file.csv.malformed");
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.args()).containsExactly(3L);
        });
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkAreRefusedWithTheirLine() {
        // 0xFF starts no character in UTF-8 or GB18030; this failed with a decoder error (500) once.
        byte[] csv = bytes("lat,lng\n39.1,106.1\n", new byte[] {(byte) 0xFF, '?', (byte) 0xC3, (byte) 0xA7}, "\n");
        assertThatThrownBy(() -> read(csv, "p.csv")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.key()).isEqualTo("file.csv.encoding");
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.args()).containsExactly(3L);
        });
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void geoJsonThatIsBrokenOrHoldsNoPointIsRefused() {
        assertThatThrownBy(() -> read(
                        "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8), "d.geojson"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.key()).isEqualTo("file.geojson.malformed");
                    assertThat(e.args().subList(0, 2)).as("line and column").containsExactly(1, 41);
                });
        assertThatThrownBy(() -> read("""
                {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}}]}""".getBytes(StandardCharsets.UTF_8), "d.json"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Feature 1 is not a Point");
        assertThatThrownBy(() -> read(
                        "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8),
                        "d.geojson"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("no Point features");
    }
}
