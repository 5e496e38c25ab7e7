package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.sf.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yizhan.geo.station.StationRecord;

class GeoPackageExportTest {

    private static Path export(List<StationRecord> stations, ExportOptions options, GeoPackageExport.Srs srs)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeoPackageExport.write(stations.stream(), options, srs, out);
        Path file = Files.createTempFile("export-", ".gpkg");
        file.toFile().deleteOnExit();
        Files.write(file, out.toByteArray());
        return file;
    }

    /** Read back with the NGA library directly, not with the import, and compared field by field. */
    @ParameterizedTest
    @EnumSource(GeoPackageExport.Srs.class)
    void writesAPointLayerThatReadsBackAsTheRegister(GeoPackageExport.Srs srs) throws Exception {
        List<StationRecord> stations = Stations.all();
        Path file = export(stations, ExportOptions.register(), srs);
        byte[] head = Files.readAllBytes(file);
        assertThat(new String(head, 0, 15, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("SQLite format 3");
        assertThat(head[68] & 0xff).as("application_id GPKG").isEqualTo('G');

        GeoPackage gp = GeoPackageManager.open(file.toFile());
        try {
            assertThat(gp.getFeatureTables()).containsExactly("stations");
            FeatureDao dao = gp.getFeatureDao("stations");
            assertThat(dao.getSrs().getOrganization()).isEqualTo("EPSG");
            assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(srs.epsg());
            assertThat(dao.getGeometryType()).isEqualTo(mil.nga.sf.GeometryType.POINT);
            assertThat(new RTreeIndexExtension(gp).has("stations")).isTrue();
            BoundingBox box = gp.getContentsDao().queryForId("stations").getBoundingBox();
            assertThat(box.getMinLongitude())
                    .isEqualTo(stations.stream()
                            .mapToDouble(StationRecord::lng)
                            .min()
                            .orElseThrow());
            assertThat(box.getMaxLatitude())
                    .isEqualTo(stations.stream()
                            .mapToDouble(StationRecord::lat)
                            .max()
                            .orElseThrow());

            List<StationRecord> read = new ArrayList<>();
            FeatureResultSet rs = dao.queryForAll();
            try {
                while (rs.moveToNext()) {
                    FeatureRow r = rs.getRow();
                    Point p = (Point) r.getGeometry().getGeometry();
                    assertThat(r.getGeometry().getSrsId()).isEqualTo(dao.getSrsId());
                    String amenities = (String) r.getValue("amenities");
                    read.add(new StationRecord(
                            (String) r.getValue("code"),
                            (String) r.getValue("name"),
                            (String) r.getValue("nameEn"),
                            (String) r.getValue("address"),
                            p.getY(),
                            p.getX(),
                            (String) r.getValue("adcode"),
                            (String) r.getValue("hostType"),
                            (String) r.getValue("hostOrganisation"),
                            (String) r.getValue("contactPerson"),
                            (String) r.getValue("contactPhone"),
                            (String) r.getValue("openingHours"),
                            amenities.isEmpty() ? List.of() : List.of(amenities.split(",")),
                            (String) r.getValue("status"),
                            (Double) r.getValue("floorArea")));
                }
            } finally {
                rs.close();
            }
            assertThat(read).isEqualTo(stations);
        } finally {
            gp.close();
        }
    }

    @Test
    void openDataLeavesOutTheResponsiblePerson() throws IOException {
        Path file = export(Stations.all(), ExportOptions.openData(), GeoPackageExport.Srs.WGS84);
        GeoPackage gp = GeoPackageManager.open(file.toFile());
        try {
            assertThat(gp.getFeatureDao("stations").getColumnNames())
                    .doesNotContain("contactPerson")
                    .contains("contactPhone");
        } finally {
            gp.close();
        }
    }

    /** What a union exports it can import again, unchanged: the same records, nothing unknown. */
    @Test
    void importsAgainUnchanged() throws IOException {
        Path file = export(Stations.all(), ExportOptions.register(), GeoPackageExport.Srs.CGCS2000);
        try (RegisterImport in = RegisterImport.open(file, RegisterFormat.GEOPACKAGE, ImportOptions.defaults())) {
            List<ImportRow> rows = in.rows().toList();
            assertThat(rows).extracting(ImportRow::record).containsExactlyElementsOf(Stations.all());
            assertThat(in.unknownHeaders()).isEmpty();
        }
    }

    @Test
    void anEmptyRegisterIsAnEmptyLayer() throws IOException {
        Path file = export(List.of(), ExportOptions.register(), GeoPackageExport.Srs.WGS84);
        GeoPackage gp = GeoPackageManager.open(file.toFile());
        try {
            assertThat(gp.getFeatureDao("stations").count()).isZero();
        } finally {
            gp.close();
        }
    }
}
