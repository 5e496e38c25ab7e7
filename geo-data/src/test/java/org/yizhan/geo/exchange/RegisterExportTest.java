package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.yizhan.geo.station.StationRecord;

class RegisterExportTest {

    private static byte[] export(RegisterFormat format, ExportOptions options, List<StationRecord> stations)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegisterExport.write(stations.stream(), format, options, out);
        return out.toByteArray();
    }

    private static List<StationRecord> reimport(RegisterFormat format, byte[] file) throws IOException {
        try (RegisterImport in =
                RegisterImport.open(new ByteArrayInputStream(file), format, ImportOptions.defaults())) {
            List<ImportRow> rows = in.rows().toList();
            assertThat(rows).extracting(ImportRow::problems).containsOnly(List.of());
            assertThat(in.unknownHeaders()).isEmpty();
            return rows.stream().map(ImportRow::record).toList();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CSV", "XLSX", "GEOJSON"})
    void registerExportImportsBackToTheSameRecords(RegisterFormat format) throws IOException {
        byte[] file = export(format, ExportOptions.register(), Stations.all());

        assertThat(reimport(format, file)).containsExactlyElementsOf(Stations.all());
    }

    @ParameterizedTest
    @EnumSource(names = {"CSV", "XLSX"})
    void englishHeadersImportBackToo(RegisterFormat format) throws IOException {
        ExportOptions english = new ExportOptions(ExportOptions.Audience.REGISTER, ExportOptions.Headers.ENGLISH);

        assertThat(reimport(format, export(format, english, Stations.all()))).containsExactlyElementsOf(Stations.all());
    }

    @Test
    void csvStartsWithABomAndNeutralisesFormulasButNotNumbers() throws IOException {
        StationRecord southern = new StationRecord(
                null,
                "=1+1",
                null,
                "Cape Town",
                -33.9249,
                18.4241,
                "150302",
                "self_built",
                "u",
                "p",
                "13904731234",
                "24/7",
                List.of(),
                "active",
                null);
        String csv = new String(
                export(RegisterFormat.CSV, ExportOptions.register(), List.of(Stations.formulaInjection(), southern)),
                StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFF站点编码,站点名称,");
        assertThat(csv)
                .contains(
                        "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\"",
                        "'@SUM(A1)",
                        "'-2+3 乌达区滨河街",
                        "'+86 银行",
                        "''=已转义的负责人",
                        "'+86 13904731234");
        assertThat(csv).contains(",-33.9249,18.4241,"); // numbers are not text: no apostrophe
        assertThat(csv.lines().skip(1))
                .allSatisfy(line -> assertThat(line).doesNotContainPattern("(^|,)[=+@-](?!\\d)"));
    }

    @Test
    void xlsxKeepsCoordinatesNumericAndTextNeutralised() throws IOException {
        byte[] file = export(RegisterFormat.XLSX, ExportOptions.register(), List.of(Stations.formulaInjection()));

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Row row = wb.getSheet(RegisterTemplate.SHEET_NAME).getRow(1);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"点我\")");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(39.5052);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(106.7226);
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo("''=已转义的负责人");
        }
    }

    @Test
    void openDataLeavesOutTheResponsiblePerson() throws IOException {
        String csv = new String(
                export(RegisterFormat.CSV, ExportOptions.openData(), Stations.all()), StandardCharsets.UTF_8);
        String json = new String(
                export(RegisterFormat.GEOJSON, ExportOptions.openData(), Stations.all()), StandardCharsets.UTF_8);
        String kml = new String(
                export(RegisterFormat.KML, ExportOptions.openData(), Stations.all()), StandardCharsets.UTF_8);

        assertThat(csv.lines().findFirst())
                .hasValue(
                        "\uFEFFcode,name,nameEn,address,lat,lng,crs,adcode,hostType,hostOrganisation,contactPhone,openingHours,"
                                + "amenities,status,floorArea");
        for (String file : List.of(csv, json, kml)) {
            assertThat(file).doesNotContain("contactPerson", "张红", "李强").contains("0473-2012345");
        }
    }

    @Test
    void kmlHasAPlacemarkWithNameDescriptionAndLngLatPoint() throws Exception {
        byte[] kml = export(RegisterFormat.KML, ExportOptions.register(), List.of(Stations.xinhuaStreet()));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(kml));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.opengis.net/kml/2.2");
        Element placemark =
                (Element) doc.getElementsByTagNameNS("*", "Placemark").item(0);
        assertThat(text(placemark, "name")).isEqualTo("海勃湾区新华街爱心驿站");
        assertThat(text(placemark, "description")).contains("新华街12号", "0473-2012345", "微波炉");
        assertThat(text(placemark, "coordinates")).isEqualTo("106.8152,39.6733");
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagNameNS("*", tag).item(0).getTextContent();
    }

    @Test
    void templateImportsAsOneRefusedExampleRow() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegisterTemplate.xlsx(out);

        try (RegisterImport in = RegisterImport.open(
                new ByteArrayInputStream(out.toByteArray()), RegisterFormat.XLSX, ImportOptions.defaults())) {
            assertThat(in.rows().toList())
                    .singleElement()
                    .satisfies(row -> assertThat(row.problems())
                            .containsExactly(new RowProblem(2, "站点名称", RowReason.EXAMPLE_ROW)));
            assertThat(in.unknownHeaders()).isEmpty();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
            assertThat(wb.getSheetAt(1).getRow(14).getCell(3).getStringCellValue())
                    .contains("电瓶车充电");
        }
    }
}
