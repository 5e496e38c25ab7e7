package org.yizhan.locator.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.sf.Point;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.DamagedFiles;
import org.yizhan.locator.support.ProblemWords;

/**
 * GIS files through the real import: a zipped Shapefile (Chinese field names in GBK, no .cpg) and a
 * GeoPackage, both written by GDAL in CGCS2000 Gauss–Krüger zone 35 (EPSG:4523; see
 * {@code gis/make-fixtures.sh}). Stored points are checked against PostGIS's own transform
 * (PROJ) of the eastings and northings in the file, and hostile files get 4xx problems.
 */
class GisImportIT extends ApiIT {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GisImportIT.class.getResourceAsStream("/gis/" + name)) {
            return in.readAllBytes();
        }
    }

    private static JsonPath upload(byte[] file, String name, boolean dryRun, int status) {
        return asAdmin()
                .multiPart("file", name, file)
                .queryParam("dryRun", dryRun)
                .post("/api/v1/register/imports")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private long stations() {
        return jdbc.sql("SELECT count(*) FROM station").query(Long.class).single();
    }

    @Test
    void aGaussKruegerShapefileAndGeoPackageImportToTheSamePointsAsPostgisComputes() throws Exception {
        long before = stations();
        JsonPath dry = upload(resource("wuhai-gk35.zip"), "驿站.zip", true, 200);
        assertThat(dry.getInt("rows")).isEqualTo(3);
        assertThat(dry.getInt("created")).isEqualTo(3);
        assertThat(dry.getList("unknownHeaders")).isEmpty();
        assertThat(stations()).isEqualTo(before);

        JsonPath commit = upload(resource("wuhai-gk35.zip"), "驿站.zip", false, 200);
        assertThat(commit.getBoolean("committed")).isTrue();
        assertThat(stations()).isEqualTo(before + 3);

        // The same stations from GDAL's GeoPackage: matched by name within 30 m and found unchanged (within 5 cm).
        JsonPath again = upload(resource("wuhai-gk35.gpkg"), "stations.gpkg", false, 200);
        assertThat(again.getInt("unchanged")).isEqualTo(3);
        assertThat(stations()).isEqualTo(before + 3);

        Map<String, double[]> projected = eastingsNorthings(resource("wuhai-gk35.gpkg"));
        assertThat(projected).hasSize(3);
        projected.forEach((name, xy) -> {
            double[] expected = jdbc.sql(
                            "SELECT ST_Y(p), ST_X(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), 4523), 4490) p) t")
                    .param("x", xy[0])
                    .param("y", xy[1])
                    .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                    .single();
            double[] stored = jdbc.sql(
                            "SELECT ST_Y(location::geometry), ST_X(location::geometry) FROM station WHERE name = :n")
                    .param("n", name)
                    .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                    .single();
            assertThat(stored[0]).as(name).isCloseTo(expected[0], within(1e-8)); // ~1 mm
            assertThat(stored[1]).as(name).isCloseTo(expected[1], within(1e-8));
        });
        assertThat(jdbc.sql("SELECT contact_person FROM station WHERE name = '滨河街GIS导入测试驿站'")
                        .query(String.class)
                        .single())
                .isEqualTo("王芳"); // read from GBK without a .cpg
    }

    /** Name → (easting, northing), read with the NGA library straight from the file. */
    private static Map<String, double[]> eastingsNorthings(byte[] gpkg) throws IOException {
        Path file = Files.createTempFile("fixture-", ".gpkg");
        try {
            Files.write(file, gpkg);
            Map<String, double[]> out = new LinkedHashMap<>();
            GeoPackage gp = GeoPackageManager.open(file.toFile());
            try {
                FeatureResultSet rs = gp.getFeatureDao("stations").queryForAll();
                try {
                    while (rs.moveToNext()) {
                        FeatureRow r = rs.getRow();
                        Point p = (Point) r.getGeometry().getGeometry();
                        out.put((String) r.getValue("name"), new double[] {p.getX(), p.getY()});
                    }
                } finally {
                    rs.close();
                }
            } finally {
                gp.close();
            }
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aRowLevelProblemNamesTheRecordAndACommitWritesNothing() throws Exception {
        // The fixture's zone 35 eastings declared as zone 39: every point carries the wrong prefix.
        Map<String, byte[]> entries = unzip(resource("wuhai-gk35.zip"));
        entries.put(
                "驿站.prj",
                new String(entries.get("驿站.prj"), StandardCharsets.US_ASCII)
                        .replace("Zone_35", "Zone_39")
                        .replace("35500000.0", "39500000.0")
                        .replace("105.0", "117.0")
                        .getBytes(StandardCharsets.US_ASCII));
        long before = stations();
        asAdmin()
                .multiPart("file", "wrong-zone.zip", zip(entries))
                .queryParam("dryRun", false)
                .post("/api/v1/register/imports")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rejected", equalTo(3))
                .body("problems.find { it.row == 2 }.column", equalTo("geometry"))
                .body("problems.find { it.row == 2 }.message", containsString("carries zone prefix 35"));
        assertThat(stations()).isEqualTo(before);
    }

    @Test
    void hostileAndBrokenFilesAreProblemsNamingTheFile() throws Exception {
        Map<String, byte[]> layer = unzip(resource("wuhai-gk35.zip"));

        Map<String, byte[]> traversal = new LinkedHashMap<>(layer);
        traversal.put("../../../../tmp/evil.prj", new byte[] {1});
        badRequest(zip(traversal), "evil.zip", "'../../../../tmp/evil.prj' points outside the archive");

        Map<String, byte[]> noDbf = new LinkedHashMap<>(layer);
        noDbf.remove("驿站.dbf");
        badRequest(zip(noDbf), "no-dbf.zip", "驿站.shp has no 驿站.dbf");

        byte[] gpkg = resource("wuhai-gk35.gpkg");
        badRequest(Arrays.copyOf(gpkg, gpkg.length / 2), "cut.gpkg", "GeoPackage");
        badRequest("not a zip at all".getBytes(StandardCharsets.US_ASCII), "junk.zip", "not a readable zip");

        // 600 MB of zeros declared honestly in the zip: refused from the directory, before anything is unpacked.
        Path bomb = Files.createTempFile("bomb-", ".zip");
        try {
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
                z.putNextEntry(new ZipEntry("s.shp"));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 600; i++) z.write(zeros);
                z.closeEntry();
                z.putNextEntry(new ZipEntry("s.dbf"));
                z.closeEntry();
            }
            assertThat(Files.size(bomb)).isLessThan(1_000_000);
            badRequest(Files.readAllBytes(bomb), "bomb.zip", "unpacks to more than 512 MB");
        } finally {
            Files.deleteIfExists(bomb);
        }
    }

    /**
     * A Shapefile zip whose upload broke off half-way is refused as a file problem in the caller's
     * language; only the zip reader's own words stay as it gave them.
     */
    @Test
    void aCutShortShapefileZipIsRefusedInTheCallersLanguage() throws Exception {
        byte[] cut = DamagedFiles.cutShort(resource("wuhai-gk35.zip"), 0.5);
        String zh = refusal(cut, "驿站.zip", "zh-CN");
        System.out.println("zh detail of the cut-short zip: " + zh);
        assertThat(zh).startsWith("文件不是可读取的 zip 压缩包（").contains("可能没有上传完整");
        ProblemWords.assertChinese(zh);
        String en = refusal(cut, "驿站.zip", "en");
        System.out.println("en detail of the cut-short zip: " + en);
        assertThat(en).startsWith("The file is not a readable zip archive (").contains("cut short");
        ProblemWords.assertEnglish(en);

        // Cut inside the .shp's records, with the zip itself whole: the record and layer are named.
        Map<String, byte[]> layer = unzip(resource("wuhai-gk35.zip"));
        layer.put("驿站.shp", DamagedFiles.cutShort(layer.get("驿站.shp"), 0.9));
        String record = refusal(zip(layer), "驿站.zip", "zh-CN");
        System.out.println("zh detail of the cut-short .shp: " + record);
        assertThat(record).startsWith("驿站.shp 的第 ");
        ProblemWords.assertChinese(record);
    }

    /**
     * A point the layer's zone maps to no point on Earth (a northing at the pole) is a row problem
     * naming both numbers and the layer in the caller's language: it once carried GaussKruger's
     * "Easting 3.56558405E7, northing 1.001E7 is no point in …" inside "该行无法读取：".
     */
    @Test
    void aPointAtThePoleIsARowProblemInTheCallersLanguage() throws Exception {
        Map<String, byte[]> layer = unzip(resource("wuhai-gk35.zip"));
        layer.put("驿站.shp", withPoint(layer.get("驿站.shp"), 1, 35_655_840.5, 10_010_000));
        byte[] file = zip(layer);
        long before = stations();

        JsonPath zh = rowProblems(file, "zh-CN");
        assertThat(zh.getInt("rejected")).isEqualTo(1);
        assertThat(zh.getString("problems[0].reason")).isEqualTo("import.row.geometry.noPoint");
        assertThat(zh.getString("problems[0].column")).isEqualTo("geometry");
        String chinese = zh.getString("problems[0].message");
        System.out.println("zh message of the point at the pole: " + chinese);
        assertThat(chinese)
                .isEqualTo("东坐标 35655840.5、北坐标 10010000 换算不出地球上的点"
                        + "（图层 驿站 的坐标系是 CGCS2000 / 3-degree Gauss-Kruger zone 35 (EPSG:4523)）。"
                        + "中国境内的北坐标约为 400000 至 6000000 米，东坐标去掉带号后约为 300000 至 700000 米；请核对这两个数和图层的坐标系。");
        ProblemWords.assertChinese(chinese);

        JsonPath en = rowProblems(file, "en");
        String english = en.getString("problems[0].message");
        System.out.println("en message of the point at the pole: " + english);
        assertThat(english)
                .startsWith("Easting 35655840.5, northing 10010000 is no point on Earth (layer 驿站 is in CGCS2000 / "
                        + "3-degree Gauss-Kruger zone 35 (EPSG:4523)).")
                .doesNotContain("E7");
        ProblemWords.assertEnglish(english);
        assertThat(stations()).isEqualTo(before);
    }

    /** A dry run's report in {@code language}: the rows and their problems. */
    private static JsonPath rowProblems(byte[] file, String language) {
        return asAdmin()
                .header("Accept-Language", language)
                .multiPart("file", "驿站.zip", file)
                .queryParam("dryRun", true)
                .post("/api/v1/register/imports")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A point Shapefile with record {@code record}'s point moved to x, y (records are 28 bytes after the 100-byte header). */
    private static byte[] withPoint(byte[] shp, int record, double x, double y) {
        byte[] out = shp.clone();
        ByteBuffer point = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int at = 100 + (record - 1) * 28 + 8;
        assertThat(point.getInt(at)).as("shape type Point").isEqualTo(1);
        point.putDouble(at + 4, x).putDouble(at + 12, y);
        return out;
    }

    /** The detail of a 400 for {@code file} naming the file field, in {@code language}. */
    private static String refusal(byte[] file, String name, String language) {
        return asAdmin()
                .header("Accept-Language", language)
                .multiPart("file", name, file)
                .queryParam("dryRun", true)
                .post("/api/v1/register/imports")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("file"))
                .body("code", org.hamcrest.Matchers.startsWith("file."))
                .extract()
                .path("detail");
    }

    private static void badRequest(byte[] file, String name, String detail) {
        assertThat(refusal(file, name, "en")).contains(detail);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) out.put(e.getName(), z.readAllBytes());
        }
        return out;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
