package org.yizhan.locator.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.Axe;
import org.yizhan.locator.support.Browser;
import org.yizhan.locator.support.TestRandom;

/**
 * Imports show every new code and name the rejected stations; an imported station's history is in
 * staff words; exports and plaques are chosen by district, the union name is remembered, and the
 * first plaque and its QR address are shown before printing.
 */
class ExchangePageIT extends ApiIT {

    static final String HEADER = "站点编码,站点名称,地址,纬度,经度,行政区划代码,建设方式,依托单位,负责人,联系电话,开放时间,服务设施,状态\n";

    Browser browser;
    WorkspacePage page;

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    private static Path sheet(String rows) throws IOException {
        Path file = Files.createTempFile("register-", ".csv");
        Files.writeString(file, HEADER + rows, StandardCharsets.UTF_8);
        return file;
    }

    private static String row(String name, String lat, String hours) {
        return "," + name + ",乌海市海勃湾区新华街12号," + lat + ",106.8152,150302,共建,新华街社区,张红,0473-2012345," + hours
                + ",微波炉,运行\n";
    }

    private void exchangeAs(Browser opened, String username, String password) {
        browser = opened;
        page = new WorkspacePage(browser);
        browser.open("/workspace");
        page.signIn(username, password);
        browser.click(".ws-tab[data-view='exchange']");
    }

    @Test
    void desktopImportNamesRejectedRowsListsEveryNewCodeAndHistorySpeaksStaffWords() throws IOException {
        String tag = TestRandom.token(6);
        String editor = Accounts.create("editor", List.of("1503"));
        exchangeAs(Browser.desktop(port), editor, Accounts.PASSWORD);

        browser.visible("#import-file")
                .sendKeys(
                        sheet(row("导入甲驿站" + tag, "39.6733", "Mo-Su 08:00-20:00") + row("导入坏行驿站" + tag, "39.6a", "24/7"))
                                .toAbsolutePath()
                                .toString());
        browser.click("#import-dry-run");
        assertThat(browser.text("#import-problems tbody tr .import-name")).isEqualTo("导入坏行驿站" + tag);

        List<String> names = List.of("导入甲驿站" + tag, "导入乙驿站" + tag, "导入丙驿站" + tag);
        browser.visible("#import-file")
                .sendKeys(sheet(row(names.get(0), "39.6733", "Mo-Su 08:00-20:00")
                                + row(names.get(1), "39.6741", "24/7")
                                + row(names.get(2), "39.6752", "Mo-Fr 09:00-17:00"))
                        .toAbsolutePath()
                        .toString());
        browser.click("#import-dry-run");
        browser.until(d -> browser.visible("#import-commit").isEnabled());
        browser.click("#import-commit");
        browser.visible("#import-created");
        for (String name : names) {
            String code = jdbc.sql("SELECT code FROM station WHERE name = :n")
                    .param("n", name)
                    .query(String.class)
                    .single();
            assertThat(browser.text("#import-created")).contains(code).contains(name);
        }
        browser.screenshot("import-new-codes-desktop");
        assertThat(Axe.seriousViolations(browser, "#exchange-view")).isEmpty();

        String code = jdbc.sql("SELECT code FROM station WHERE name = :n")
                .param("n", names.get(2))
                .query(String.class)
                .single();
        // A query makes it a new page load (a changed hash alone would not reload).
        browser.open("/workspace?lang=zh#code=" + code);
        String entry = browser.text("#history-list > li");
        assertThat(entry).contains("批量导入").contains("导入文件").contains("站点编码").contains(code);
        assertThat(entry)
                .contains("Mo-Fr 09:00-17:00")
                .doesNotContain("import ·")
                .doesNotContain("（空）");
        browser.screenshot("import-history-desktop");
    }

    @Test
    void phoneAdminPicksADistrictForExportAndPlaquesAndSeesTheFirstPlaqueFirst() {
        exchangeAs(Browser.phone(port), ADMIN, ADMIN_PASSWORD);
        // No district yet: a sentence, and no link to a problem document.
        assertThat(browser.text("#plaque-preview")).contains("请先选择城市或区县");
        assertThat(browser.attribute("#plaque-region-link", "aria-disabled")).isEqualTo("true");

        new Select(browser.visible("#export-region")).selectByValue("15");
        new Select(browser.visible("#export-region-city")).selectByValue("1503");
        new Select(browser.visible("#export-region-county")).selectByValue("150302");
        String href = browser.until(d -> {
            String h = browser.attribute("#export-links a[data-format='csv']", "href");
            return h.contains("region=150302") ? h : null;
        });
        String csv = (String) browser.asyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
                href);
        long total = (long) asAdmin()
                .queryParams(Map.of("district", "150302", "status", "active", "size", 1))
                .get("/api/v1/register/search")
                .then()
                .extract()
                .jsonPath()
                .getDouble("total");
        assertThat(csv.lines().skip(1).filter(l -> !l.isBlank()).count()).isEqualTo(total);

        String union = "海勃湾区总工会" + TestRandom.token(4);
        browser.visible("#plaque-union").clear();
        browser.visible("#plaque-union").sendKeys(union);
        new Select(browser.visible("#plaque-district")).selectByValue("15");
        new Select(browser.visible("#plaque-district-city")).selectByValue("1503");
        new Select(browser.visible("#plaque-district-county")).selectByValue("150302");
        JsonPath preview = asAdmin()
                .queryParams(Map.of("region", "150302", "union", union))
                .get("/api/v1/plaques/preview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        browser.until(d -> browser.text("#plaque-first").contains(union));
        assertThat(browser.text("#plaque-first"))
                .contains(preview.getString("code"))
                .contains(preview.getString("name"));
        assertThat(browser.text("#plaque-qr-url")).isEqualTo(preview.getString("qrUrl"));
        assertThat(browser.text("#plaque-count")).contains(String.valueOf(preview.getInt("count")));
        assertThat(browser.attribute("#plaque-region-link", "href")).contains("region=150302");
        browser.screenshot("plaque-preview-phone");
        assertThat(Axe.seriousViolations(browser, "#exchange-view")).isEmpty();

        // The union's name is remembered on this computer.
        browser.open("/workspace");
        browser.click(".ws-tab[data-view='exchange']");
        browser.until(d -> union.equals(browser.visible("#plaque-union").getDomProperty("value")));
    }

    /**
     * The open-data GeoPackage as a GIS user gets it: clicked in the page, saved by the browser,
     * opened with the NGA GeoPackage library (not with our import): one point layer holding exactly
     * the published stations (active and suspended, none closed), in WGS 84 or, from the second
     * link, declared CGCS2000 (EPSG:4490) with the same coordinates.
     */
    @Test
    void theOpenDataGeoPackageLinksDownloadRealGeoPackagesOfEveryPublishedStation() throws Exception {
        JsonPath created = createdStation(org.yizhan.locator.support.StationForms.with(
                org.yizhan.locator.support.StationForms.haibowanStation(), "name", "开放数据已关闭驿站" + TestRandom.token(5)));
        String closed = created.getString("code");
        asAdmin()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("status", "closed", "reason", "测试", "version", created.getLong("version")))
                .post("/api/v1/stations/{code}/status", closed)
                .then()
                .statusCode(200);
        exchangeAs(Browser.desktop(port), ADMIN, ADMIN_PASSWORD);

        Map<String, double[]> published = new java.util.HashMap<>();
        jdbc.sql("SELECT code, ST_X(location::geometry) AS lng, ST_Y(location::geometry) AS lat FROM station"
                        + " WHERE status IN ('active', 'suspended')")
                .query((rs, n) ->
                        published.put(rs.getString("code"), new double[] {rs.getDouble("lng"), rs.getDouble("lat")}))
                .list();
        assertThat(published).isNotEmpty().doesNotContainKey(closed);

        Path wgs84 = browser.download("#open-data-links a[data-format='gpkg'][data-crs='wgs84']");
        assertThat(wgs84.getFileName().toString()).isEqualTo("yizhan-stations.gpkg");
        assertThat(geoPackage(wgs84, 4326)).isEqualTo(published.keySet());
        Path cgcs2000 = browser.download("#open-data-links a[data-format='gpkg'][data-crs='epsg:4490']");
        assertThat(geoPackage(cgcs2000, 4490)).isEqualTo(published.keySet());
        // The same numbers in both: CGCS2000 is declared, not shifted (the two agree within a metre).
        assertThat(points(cgcs2000))
                .allSatisfy((code, p) ->
                        assertThat(p).containsExactly(published.get(code), org.assertj.core.data.Offset.offset(1e-7)));
        browser.screenshot("open-data-links-desktop");
    }

    /** Opens the file with NGA's library: a GeoPackage with the layer 'stations' in the system; its codes. */
    private static java.util.Set<String> geoPackage(Path file, long srs) {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3\0");
        mil.nga.geopackage.GeoPackage gp = mil.nga.geopackage.GeoPackageManager.open(file.toFile());
        try {
            assertThat(gp.getFeatureTables()).containsExactly("stations");
            mil.nga.geopackage.features.user.FeatureDao dao = gp.getFeatureDao("stations");
            assertThat(dao.getSrs().getOrganization()).isEqualToIgnoringCase("EPSG");
            assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(srs);
            assertThat(dao.getGeometryType()).isEqualTo(mil.nga.sf.GeometryType.POINT);
            java.util.Set<String> codes = new java.util.HashSet<>();
            mil.nga.geopackage.features.user.FeatureResultSet rows = dao.queryForAll();
            try {
                while (rows.moveToNext())
                    assertThat(codes.add((String) rows.getRow().getValue("code")))
                            .isTrue();
            } finally {
                rows.close();
            }
            assertThat(dao.count()).isEqualTo(codes.size());
            return codes;
        } finally {
            gp.close();
        }
    }

    private static Map<String, double[]> points(Path file) {
        mil.nga.geopackage.GeoPackage gp = mil.nga.geopackage.GeoPackageManager.open(file.toFile());
        try {
            mil.nga.geopackage.features.user.FeatureResultSet rows =
                    gp.getFeatureDao("stations").queryForAll();
            Map<String, double[]> out = new java.util.HashMap<>();
            try {
                while (rows.moveToNext()) {
                    mil.nga.sf.Point p =
                            (mil.nga.sf.Point) rows.getRow().getGeometry().getGeometry();
                    out.put((String) rows.getRow().getValue("code"), new double[] {p.getX(), p.getY()});
                }
            } finally {
                rows.close();
            }
            return out;
        } finally {
            gp.close();
        }
    }
}
