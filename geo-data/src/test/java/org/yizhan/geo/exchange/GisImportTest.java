package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.station.StationRecord;

/**
 * Shapefiles and GeoPackages written by GDAL (see {@code gis/make-fixtures.sh}) from
 * {@code gis/wuhai-stations.geojson}: GDAL/PROJ projected the points, proj4j brings them back, and
 * every record must equal the GeoJSON import of the same stations, coordinates within 1 mm.
 */
class GisImportTest {

    /** 1e-8 degrees is about a millimetre. */
    private static final double SAME_POINT_DEG = 1e-8;

    static Path gis(String name) {
        return RegisterImportTest.fixture("gis/" + name);
    }

    private static List<StationRecord> expected() throws IOException {
        return RegisterImportTest.readAll(gis("wuhai-stations.geojson"), RegisterFormat.GEOJSON).stream()
                .map(ImportRow::record)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "wuhai-gk35-gbk.zip,   SHAPEFILE,  Chinese field names in GBK without .cpg; GK zone 35 with prefix",
        "wuhai-cm105-utf8.zip, SHAPEFILE,  English keys cut to 10 characters; UTF-8 .cpg; CM 105E; in a folder",
        "wuhai-cgcs2000.zip,   SHAPEFILE,  CGCS2000 geographic; .cpg 936",
        "wuhai-gk35.gpkg,      GEOPACKAGE, GeoPackage by GDAL in GK zone 35",
    })
    void readsTheSameStationsAsTheGeoJson(String file, RegisterFormat format, String what) throws IOException {
        List<StationRecord> expected = expected();
        // The caller's crs= must not apply to CGCS2000 or projected layers.
        try (RegisterImport in =
                RegisterImport.open(gis(file), format, ImportOptions.defaults().withCrs(CoordinateSystem.GCJ02))) {
            List<ImportRow> rows = in.rows().toList();
            assertThat(rows).extracting(ImportRow::rowNumber).containsExactly(1, 2, 3);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i).problems()).as(what).isEmpty();
                StationRecord actual = rows.get(i).record();
                StationRecord want = expected.get(i);
                assertThat(actual.lat()).as(what).isCloseTo(want.lat(), within(SAME_POINT_DEG));
                assertThat(actual.lng()).as(what).isCloseTo(want.lng(), within(SAME_POINT_DEG));
                assertThat(actual)
                        .as(what)
                        .usingRecursiveComparison()
                        .ignoringFields("lat", "lng")
                        .isEqualTo(want);
            }
            assertThat(in.unknownHeaders()).as(what).isEmpty();
        }
    }

    @Test
    void aLayerDeclaredWgs84TakesTheCallersCrs() throws IOException {
        Path zip = ShapefileFixture.points(List.of(new double[] {106.8152, 39.6733}), ShapefileFixture.WGS84_PRJ);
        try (RegisterImport in = RegisterImport.open(
                zip, RegisterFormat.SHAPEFILE, ImportOptions.defaults().withCrs(CoordinateSystem.GCJ02))) {
            StationRecord r = in.next().record();
            var wgs = CoordinateSystem.GCJ02.toWgs84(org.yizhan.geo.LatLng.of(39.6733, 106.8152));
            assertThat(r.lat()).isCloseTo(wgs.lat(), within(1e-9));
            assertThat(r.lng()).isCloseTo(wgs.lng(), within(1e-9));
        }
    }
}
