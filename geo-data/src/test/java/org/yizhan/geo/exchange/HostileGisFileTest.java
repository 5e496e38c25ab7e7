package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

/** Broken and hostile Shapefile zips and GeoPackages: refused as a whole, with the file named. */
class HostileGisFileTest {

    private static final List<double[]> TWO =
            List.of(new double[] {106.8152, 39.6733}, new double[] {106.8160, 39.6740});

    /** ArcGIS's .prj of CGCS2000_3_Degree_GK_Zone_39 (EPSG:4527). */
    private static final String ZONE_39_PRJ =
            "PROJCS[\"CGCS2000_3_Degree_GK_Zone_39\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                    + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                    + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",39500000.0],"
                    + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",117.0],PARAMETER[\"Scale_Factor\",1.0],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    private static Map<String, byte[]> layer() {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("s.shp", ShapefileFixture.shp(1, TWO));
        e.put("s.dbf", ShapefileFixture.dbf(2, StandardCharsets.UTF_8));
        e.put("s.prj", ShapefileFixture.WGS84_PRJ.getBytes(StandardCharsets.US_ASCII));
        return e;
    }

    private static List<ImportRow> read(Path file, RegisterFormat format) throws IOException {
        return RegisterImportTest.readAll(file, format);
    }

    @Test
    void aWholeLayerImports() throws IOException {
        List<ImportRow> rows = read(ShapefileFixture.zip(layer(), StandardCharsets.UTF_8), RegisterFormat.SHAPEFILE);
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(rows.get(1).record().name()).isEqualTo("新华街驿站2");
    }

    @Test
    void entryNamesThatClimbOutRefuseTheZip() throws IOException {
        for (String evil : List.of(
                "../../etc/cron.d/s.shp", "/tmp/s.shp", "a/../../s.dbf", "C:\\Windows\\s.prj", "x\\..\\..\\s.cpg")) {
            Map<String, byte[]> e = layer();
            e.put(evil, new byte[] {1});
            Path zip = ShapefileFixture.zip(e, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> read(zip, RegisterFormat.SHAPEFILE))
                    .as(evil)
                    .satisfies(refusal(FileReason.ZIP_OUTSIDE, evil));
        }
    }

    @Test
    void aMissingDbfIsNamed() throws IOException {
        Map<String, byte[]> e = layer();
        e.remove("s.dbf");
        Path zip = ShapefileFixture.zip(e, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(zip, RegisterFormat.SHAPEFILE))
                .satisfies(refusal(FileReason.ZIP_NO_DBF, "s.shp", "s"));
    }

    @Test
    void noLayerOrSeveralLayersAreRefused() throws IOException {
        Path none = ShapefileFixture.zip(Map.of("readme.txt", new byte[] {1}), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(none, RegisterFormat.SHAPEFILE))
                .satisfies(refusal(FileReason.ZIP_NO_SHP, "readme.txt"));
        Map<String, byte[]> two = layer();
        two.put("t.shp", ShapefileFixture.shp(1, TWO));
        Path several = ShapefileFixture.zip(two, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(several, RegisterFormat.SHAPEFILE))
                .satisfies(refusal(FileReason.ZIP_SEVERAL_LAYERS, "s.shp, t.shp"));
    }

    /** 8 MB of zeros deflate to a few kilobytes; the reader stops at its limit (here 1 MB) however the sizes are declared. */
    @Test
    void aZipBombStopsAtTheExtractionLimit() throws IOException {
        Path bomb = Files.createTempFile("bomb-", ".zip");
        bomb.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(bomb);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("s.shp"));
            z.write(ShapefileFixture.shp(1, TWO));
            z.putNextEntry(new ZipEntry("s.dbf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 8; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(64 * 1024);
        assertThatThrownBy(() -> new ShapefileRowSource(bomb, 1 << 20).close())
                .satisfies(refusal(FileReason.ZIP_TOO_LARGE, 1L, "s.dbf"));
    }

    @Test
    void notAZipIsRefused() throws IOException {
        Path junk = Files.createTempFile("junk-", ".zip");
        junk.toFile().deleteOnExit();
        Files.write(junk, "PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> read(junk, RegisterFormat.SHAPEFILE))
                .isInstanceOfSatisfying(RegisterFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FileReason.ZIP_UNREADABLE);
                    assertThat(e.values()).as("the zip reader's own words").containsExactly("zip END header not found");
                });
    }

    /** A zip cut short ends before its directory: the reader has nothing to say but that. */
    @Test
    void aZipCutShortIsRefusedAsUnreadable() throws IOException {
        byte[] whole = Files.readAllBytes(ShapefileFixture.zip(layer(), StandardCharsets.UTF_8));
        Path cut = Files.createTempFile("cut-", ".zip");
        cut.toFile().deleteOnExit();
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> read(cut, RegisterFormat.SHAPEFILE))
                .isInstanceOfSatisfying(
                        RegisterFormatException.class,
                        e -> assertThat(e.reason()).isIn(FileReason.ZIP_UNREADABLE, FileReason.ZIP_TRUNCATED));
    }

    @Test
    void gbkEntryNamesAreRead() throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>();
        layer().forEach((name, bytes) -> e.put(name.replace("s.", "驿站."), bytes));
        List<ImportRow> rows = read(ShapefileFixture.zip(e, TableRows.GBK), RegisterFormat.SHAPEFILE);
        assertThat(rows).hasSize(2);
    }

    @Test
    void polygonLayersAndDamagedShapesAreRefused() throws IOException {
        Map<String, byte[]> polygons = layer();
        polygons.put("s.shp", ShapefileFixture.shp(5, TWO));
        assertThatThrownBy(() -> read(ShapefileFixture.zip(polygons, StandardCharsets.UTF_8), RegisterFormat.SHAPEFILE))
                .satisfies(refusal(FileReason.SHP_NOT_POINTS, "s", "Polygon"));

        Map<String, byte[]> truncated = layer();
        byte[] shp = ShapefileFixture.shp(1, TWO);
        truncated.put("s.shp", java.util.Arrays.copyOf(shp, shp.length - 10));
        assertThatThrownBy(
                        () -> read(ShapefileFixture.zip(truncated, StandardCharsets.UTF_8), RegisterFormat.SHAPEFILE))
                .isInstanceOfSatisfying(RegisterFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FileReason.SHP_RECORD_LENGTH);
                    assertThat(e.values().subList(0, 2)).as("layer and record").containsExactly("s", 2);
                });

        Map<String, byte[]> moreShapes = layer();
        moreShapes.put("s.dbf", ShapefileFixture.dbf(1, StandardCharsets.UTF_8));
        assertThatThrownBy(
                        () -> read(ShapefileFixture.zip(moreShapes, StandardCharsets.UTF_8), RegisterFormat.SHAPEFILE))
                .satisfies(refusal(FileReason.SHP_MORE_SHAPES, "s", 2));

        Map<String, byte[]> moreRecords = layer();
        moreRecords.put("s.dbf", ShapefileFixture.dbf(3, StandardCharsets.UTF_8));
        assertThatThrownBy(
                        () -> read(ShapefileFixture.zip(moreRecords, StandardCharsets.UTF_8), RegisterFormat.SHAPEFILE))
                .satisfies(refusal(FileReason.SHP_MORE_RECORDS, "s", 2));

        Map<String, byte[]> junkDbf = layer();
        junkDbf.put("s.dbf", "this is not dBASE at all".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> read(ShapefileFixture.zip(junkDbf, StandardCharsets.UTF_8), RegisterFormat.SHAPEFILE))
                .isInstanceOfSatisfying(RegisterFormatException.class, e -> {
                    assertThat(e.reason()).isIn(FileReason.DBF_UNREADABLE, FileReason.DBF_DAMAGED);
                    assertThat(e.values().get(0)).as("the layer").isEqualTo("s");
                });
    }

    @Test
    void unsupportedPrjAndCpgAreNamed() throws IOException {
        Map<String, byte[]> xian = layer();
        xian.put(
                "s.prj",
                ShapefileFixture.WGS84_PRJ.replace("D_WGS_1984", "D_Xian_1980").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> read(ShapefileFixture.zip(xian, StandardCharsets.UTF_8), RegisterFormat.SHAPEFILE))
                .satisfies(refusal(FileReason.CRS_DATUM, "s", "D_Xian_1980"));
        Map<String, byte[]> cpg = layer();
        cpg.put("s.cpg", "KLINGON-1".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> read(ShapefileFixture.zip(cpg, StandardCharsets.UTF_8), RegisterFormat.SHAPEFILE))
                .satisfies(refusal(FileReason.CPG_UNKNOWN, "s", "KLINGON-1"));
    }

    /** Row-level trouble stays row-level: coordinates that do not fit the declared zone. */
    @Test
    void implausibleProjectedCoordinatesAreRowProblems() throws IOException {
        Map<String, byte[]> e = layer();
        e.put("s.prj", ZONE_39_PRJ.getBytes(StandardCharsets.US_ASCII));
        e.put("s.shp", ShapefileFixture.shp(1, List.of(new double[] {106.8, 39.6}, new double[] {38_512_345, 4_400_000
        })));
        List<ImportRow> rows = read(ShapefileFixture.zip(e, StandardCharsets.UTF_8), RegisterFormat.SHAPEFILE);
        assertThat(rows.get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.column()).isEqualTo("geometry");
            assertThat(p.reason()).isEqualTo(RowReason.GEOMETRY_DEGREES);
            assertThat(p.values().get(3).toString()).contains("EPSG:4527");
        });
        assertThat(rows.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(RowReason.GEOMETRY_WRONG_PREFIX);
            assertThat(p.values().get(1)).isEqualTo(38L);
            assertThat(p.values().get(4)).isEqualTo(39);
        });
    }

    /**
     * Eastings and northings the zone maps to no point on Earth: GaussKruger refuses northings of
     * about 9,770 to 10,020 km, at the pole, where proj4j's inverse gives no latitude (further out it
     * stops at the pole, and the row is outside China). A row problem naming both numbers as
     * written and the layer's system, not GaussKruger's English.
     */
    @Test
    void projectedCoordinatesThatAreNoPointOnEarthAreRowProblemsNamingThem() throws IOException {
        Map<String, byte[]> prefixed = layer();
        prefixed.put("s.prj", ZONE_39_PRJ.getBytes(StandardCharsets.US_ASCII));
        prefixed.put("s.shp", ShapefileFixture.shp(1, List.of(new double[] {39_100_000.5, 9_900_000}, new double[] {
            39_500_000, -10_010_000
        })));
        List<ImportRow> rows = read(ShapefileFixture.zip(prefixed, StandardCharsets.UTF_8), RegisterFormat.SHAPEFILE);
        assertThat(rows.get(0).problems())
                .containsExactly(new RowProblem(
                        1,
                        "geometry",
                        RowReason.GEOMETRY_NO_POINT,
                        "39100000.5",
                        "9900000",
                        "s",
                        "CGCS2000 / 3-degree Gauss-Kruger zone 39 (EPSG:4527)"));
        assertThat(rows.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(RowReason.GEOMETRY_NO_POINT);
            assertThat(p.values()).startsWith("39500000", "-10010000");
        });

        // Without a zone prefix (EPSG:4548): 400 km west of the meridian, at the pole.
        Map<String, byte[]> plain = layer();
        plain.put(
                "s.prj",
                ZONE_39_PRJ
                        .replace("Zone_39", "CM_117E")
                        .replace("39500000.0", "500000.0")
                        .getBytes(StandardCharsets.US_ASCII));
        plain.put("s.shp", ShapefileFixture.shp(1, List.of(new double[] {100_000, 9_900_000}, new double[] {
            512_345, 4_400_000
        })));
        rows = read(ShapefileFixture.zip(plain, StandardCharsets.UTF_8), RegisterFormat.SHAPEFILE);
        assertThat(rows.get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(RowReason.GEOMETRY_NO_POINT);
            assertThat(p.values())
                    .containsExactly("100000", "9900000", "s", "CGCS2000 / 3-degree Gauss-Kruger CM 117E (EPSG:4548)");
        });
        assertThat(rows.get(1).problems()).as("a point of the zone").isEmpty();
    }

    @Test
    void damagedOrForeignGeoPackagesAreRefused() throws IOException {
        Path real = GisImportTest.gis("wuhai-gk35.gpkg");
        byte[] bytes = Files.readAllBytes(real);

        Path truncated = Files.createTempFile("truncated-", ".gpkg");
        truncated.toFile().deleteOnExit();
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> read(truncated, RegisterFormat.GEOPACKAGE))
                .isInstanceOf(RegisterFormatException.class);

        Path scribbled = Files.createTempFile("scribbled-", ".gpkg");
        scribbled.toFile().deleteOnExit();
        byte[] copy = bytes.clone();
        for (int i = 4096; i < copy.length; i += 97) {
            copy[i] ^= 0x5A;
        }
        Files.write(scribbled, copy);
        assertThatThrownBy(() -> read(scribbled, RegisterFormat.GEOPACKAGE))
                .isInstanceOf(RegisterFormatException.class);

        Path csv = Files.createTempFile("csv-", ".gpkg");
        csv.toFile().deleteOnExit();
        Files.writeString(csv, "name,lat,lng\n");
        assertThatThrownBy(() -> read(csv, RegisterFormat.GEOPACKAGE))
                .isInstanceOfSatisfying(
                        RegisterFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(FileReason.GPKG_NOT_GEOPACKAGE));
    }

    /** A refusal for {@code reason} naming exactly {@code values}. */
    static ThrowingConsumer<Throwable> refusal(FileReason reason, Object... values) {
        return thrown -> assertThat(thrown).isInstanceOfSatisfying(RegisterFormatException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.values()).containsExactly(values);
        });
    }
}
