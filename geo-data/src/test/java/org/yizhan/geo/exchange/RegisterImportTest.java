package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.station.StationRecord;

class RegisterImportTest {

    static Path fixture(String name) {
        try {
            return Path.of(
                    RegisterImportTest.class.getResource("/exchange/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ImportRow> readAll(Path file, RegisterFormat format) throws IOException {
        try (RegisterImport in = RegisterImport.open(file, format, ImportOptions.defaults())) {
            return in.rows().toList();
        }
    }

    @Test
    void utf8CsvWithBomReadsEveryColumnAndConvertsGcj02() throws IOException {
        List<ImportRow> rows = readAll(fixture("register-utf8-bom.csv"), RegisterFormat.CSV);

        assertThat(rows).extracting(ImportRow::problems).containsOnly(List.of());
        assertThat(rows).extracting(ImportRow::rowNumber).containsExactly(2, 3, 4);
        StationRecord xinhua = rows.get(0).record();
        assertThat(xinhua)
                .usingRecursiveComparison()
                .ignoringFields("amenities")
                .isEqualTo(Stations.xinhuaStreet());
        assertThat(xinhua.amenities()).containsExactly("drinking_water", "microwave", "first_aid", "phone_charging");

        StationRecord gcj = rows.get(1).record();
        LatLng expected = CoordinateSystem.GCJ02.toWgs84(LatLng.of(39.4440, 106.8930));
        assertThat(gcj.lat()).isCloseTo(expected.lat(), within(1e-9));
        assertThat(gcj.lng()).isCloseTo(expected.lng(), within(1e-9));
        assertThat(gcj.lng()).isNotCloseTo(106.8930, within(1e-3)); // the shift is hundreds of metres
        assertThat(gcj.amenities()).containsExactly("drinking_water", "air_conditioning", "toilet");
        assertThat(gcj.code()).isNull();
        assertThat(gcj.floorArea()).isNull();

        StationRecord quoted = rows.get(2).record();
        assertThat(quoted.name()).isEqualTo("乌达区\"暖心\"驿站");
        assertThat(quoted.status()).isEqualTo("suspended");
        assertThat(quoted.openingHours()).isEqualTo("Mo-Fr 08:30-17:30; Sa,Su 09:00-17:00");
        assertThat(quoted.amenities()).containsExactly("ebike_charging", "umbrella", "wifi");
    }

    @Test
    void gbkCsvIsDetectedAndAliasHeadersMap() throws IOException {
        try (RegisterImport in =
                RegisterImport.open(fixture("register-gbk.csv"), RegisterFormat.CSV, ImportOptions.defaults())) {
            assertThat(in.unknownHeaders()).containsExactly("备注");
            List<ImportRow> rows = in.rows().toList();
            assertThat(rows).extracting(ImportRow::problems).containsOnly(List.of());
            assertThat(rows).extracting(r -> r.record().name()).containsExactly("海勃湾区滨河快递小哥驿站", "海南区环卫工人休息站");
            assertThat(rows.get(0).record().amenities())
                    .containsExactly("drinking_water", "kettle", "refrigerator", "seating");
            assertThat(rows.get(0).record().hostOrganisation()).isEqualTo("顺丰速运乌海营业部");
            assertThat(rows.get(1).record().hostType()).isEqualTo("self_built");
        }
    }

    @Test
    void xlsxBelowATitleRowKeepsExcelRowNumbersAndReadsNumericCells() throws IOException {
        try (RegisterImport in =
                RegisterImport.open(fixture("register.xlsx"), RegisterFormat.XLSX, ImportOptions.defaults())) {
            assertThat(in.unknownHeaders()).containsExactly("序号");
            List<ImportRow> rows = in.rows().toList();

            assertThat(rows).extracting(ImportRow::rowNumber).containsExactly(3, 4, 6); // row 5 is blank
            StationRecord first = rows.get(0).record();
            LatLng wgs = CoordinateSystem.GCJ02.toWgs84(LatLng.of(39.67462, 106.82134));
            assertThat(first.lat()).isCloseTo(wgs.lat(), within(1e-9));
            assertThat(first.adcode()).isEqualTo("150302"); // a numeric cell, 150302.0 in the XML
            assertThat(rows.get(1).record().contactPhone()).isEqualTo("13947312345"); // numeric, no 1.39E10
            assertThat(rows.get(1).record().amenities()).containsExactly("air_conditioning", "ebike_charging", "wifi");
            assertThat(rows.get(2).problems())
                    .containsExactly(new RowProblem(6, "纬度（高德）", RowReason.LAT_RANGE, "1000"));
        }
    }

    @Test
    void geoJsonTakesPointsFromGeometryAndPropertiesAsColumns() throws IOException {
        try (RegisterImport in =
                RegisterImport.open(fixture("register.geojson"), RegisterFormat.GEOJSON, ImportOptions.defaults())) {
            List<ImportRow> rows = in.rows().toList();

            assertThat(rows).extracting(ImportRow::rowNumber).containsExactly(1, 2, 3);
            StationRecord square = rows.get(0).record();
            assertThat(square.code()).isEqualTo("150302-00021-1");
            assertThat(square.lat()).isEqualTo(39.6655);
            assertThat(square.lng()).isEqualTo(106.8047);
            assertThat(square.amenities()).containsExactly("drinking_water", "microwave", "ebike_charging");
            assertThat(square.floorArea()).isEqualTo(30.0);

            StationRecord baidu = rows.get(1).record();
            LatLng wgs = CoordinateSystem.BD09.toWgs84(LatLng.of(39.4478, 106.8912));
            assertThat(baidu.lat()).isCloseTo(wgs.lat(), within(1e-9));
            assertThat(baidu.adcode()).isEqualTo("150303");
            assertThat(baidu.status()).isEqualTo("active");
            assertThat(baidu.amenities()).containsExactly("drinking_water", "seating");

            assertThat(rows.get(2).problems())
                    .first()
                    .isEqualTo(new RowProblem(3, "geometry", RowReason.GEOMETRY_TYPE, "LineString"));
            assertThat(in.unknownHeaders()).containsExactly("marker-color");
        }
    }

    @Test
    void missingRequiredColumnsFailTheFileNamingThem() {
        byte[] csv = "名称,地址,纬度,经度\n某驿站,某路,39.6,106.8\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RegisterImport.open(
                        new ByteArrayInputStream(csv), RegisterFormat.CSV, ImportOptions.defaults()))
                .isInstanceOfSatisfying(RegisterFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FileReason.SHEET_MISSING_COLUMNS);
                    assertThat(e.values().get(0)).as("the header row").isEqualTo(1);
                    assertThat((String) e.values().get(1))
                            .contains("行政区划代码 (adcode)")
                            .contains("开放时间 (openingHours)")
                            .doesNotContain("站点名称");
                });
    }

    @Test
    void aCsvPassedOffAsXlsxIsRefusedAsAWhole() {
        byte[] csv = "name,address\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RegisterImport.open(
                        new ByteArrayInputStream(csv), RegisterFormat.XLSX, ImportOptions.defaults()))
                .isInstanceOfSatisfying(
                        RegisterFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(FileReason.XLSX_UNREADABLE));
    }

    @Test
    void perFileCoordinateSystemAppliesWhereRowsNameNone() throws IOException {
        try (RegisterImport in = RegisterImport.open(
                fixture("register-gbk.csv"),
                RegisterFormat.CSV,
                ImportOptions.defaults().withCrs(CoordinateSystem.BD09))) {
            StationRecord first = in.next().record();
            LatLng wgs = CoordinateSystem.BD09.toWgs84(LatLng.of(39.6861, 106.8310));
            assertThat(first.lat()).isCloseTo(wgs.lat(), within(1e-9));
            assertThat(first.lng()).isCloseTo(wgs.lng(), within(1e-9));
        }
    }
}
