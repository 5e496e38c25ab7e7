package org.yizhan.locator.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.sf.Point;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;

/**
 * {@code GET /register/export?format=gpkg}: the file is opened with the NGA library (not with the
 * import) and every feature compared with the station table, for an editor of Wuhai (1503) who
 * must not receive a station in Shiyan.
 */
class GeoPackageExportIT extends ApiIT {

    private String create(String adcode, double lat, double lng, String name) {
        Map<String, Object> form = with(
                with(with(haibowanStation(), "adcode", adcode), "name", name),
                "location",
                Map.of("lat", lat, "lng", lng));
        return createStation(form);
    }

    private static Map<String, Map<String, Object>> features(RequestSpecification who, String query, long srs)
            throws Exception {
        byte[] bytes = who.get("/api/v1/register/export?" + query)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .contentType("application/geopackage+sqlite3")
                .extract()
                .asByteArray();
        Path file = Files.createTempFile("export-", ".gpkg");
        try {
            Files.write(file, bytes);
            GeoPackage gp = GeoPackageManager.open(file.toFile());
            try {
                FeatureDao dao = gp.getFeatureDao("stations");
                assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(srs);
                Map<String, Map<String, Object>> out = new HashMap<>();
                FeatureResultSet rs = dao.queryForAll();
                try {
                    while (rs.moveToNext()) {
                        FeatureRow r = rs.getRow();
                        Point p = (Point) r.getGeometry().getGeometry();
                        Map<String, Object> f = new HashMap<>();
                        for (String c : r.getColumnNames()) if (!c.equals("geom")) f.put(c, r.getValue(c));
                        f.put("lng", p.getX());
                        f.put("lat", p.getY());
                        out.put((String) r.getValue("code"), f);
                    }
                } finally {
                    rs.close();
                }
                return out;
            } finally {
                gp.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anEditorsGeoPackageHoldsItsRegionExactlyAsTheRegisterHasIt() throws Exception {
        Random random = TestRandom.current();
        String wuhai = create(
                "150303", 39.43 + random.nextDouble() * 0.02, 106.88 + random.nextDouble() * 0.02, "海南区GeoPackage导出驿站");
        String shiyan = create(
                "420303", 32.60 + random.nextDouble() * 0.02, 110.74 + random.nextDouble() * 0.02, "张湾区GeoPackage导出驿站");
        String editor = Accounts.create("editor", List.of("1503"));

        Map<String, Map<String, Object>> features = features(Accounts.as(editor), "format=gpkg", 4326);
        assertThat(features).containsKey(wuhai).doesNotContainKey(shiyan);

        List<Map<String, Object>> register = jdbc.sql("""
                SELECT code, name, address, adcode, contact_person, opening_hours, status, array_to_string(amenities, ',') AS amenities,
                       ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng
                  FROM station WHERE adcode LIKE '1503%'""").query().listOfRows();
        assertThat(features).hasSize(register.size());
        for (Map<String, Object> s : register) {
            Map<String, Object> f = features.get((String) s.get("code"));
            assertThat(f).as((String) s.get("code")).isNotNull();
            assertThat(f.get("name")).isEqualTo(s.get("name"));
            assertThat(f.get("address")).isEqualTo(s.get("address"));
            assertThat(f.get("adcode")).isEqualTo(s.get("adcode"));
            assertThat(f.get("contactPerson")).isEqualTo(s.get("contact_person"));
            assertThat(f.get("openingHours")).isEqualTo(s.get("opening_hours"));
            assertThat(f.get("status")).isEqualTo(s.get("status"));
            assertThat(f.get("amenities")).isEqualTo(s.get("amenities"));
            assertThat((Double) f.get("lat")).isEqualTo(((Number) s.get("lat")).doubleValue());
            assertThat((Double) f.get("lng")).isEqualTo(((Number) s.get("lng")).doubleValue());
        }
    }

    @Test
    void cgcs2000IsDeclaredOnRequestAndOnlyForGeoPackages() throws Exception {
        String code = create("150302", 39.67, 106.82, "海勃湾区CGCS2000导出驿站");
        assertThat(features(asAdmin(), "format=gpkg&region=150302&crs=epsg:4490", 4490))
                .containsKey(code);
        asAdmin()
                .get("/api/v1/register/export?format=csv&crs=cgcs2000")
                .then()
                .statusCode(400)
                .body("field", equalTo("crs"));
        asAdmin()
                .get("/api/v1/register/export?format=gpkg&crs=epsg:3857")
                .then()
                .statusCode(400)
                .body("field", equalTo("crs"));
        asAdmin()
                .get("/api/v1/register/export?format=zip")
                .then()
                .statusCode(400)
                .body("field", equalTo("format"));
    }
}
