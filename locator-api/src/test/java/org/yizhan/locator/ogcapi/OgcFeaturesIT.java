package org.yizhan.locator.ogcapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;

/**
 * The items of OGC API – Features against the register: paging both ways, numberMatched, every
 * offered CRS checked against PostGIS's own transformation, bbox in other CRSs, the property
 * filters, and bad input. Stations are seeded random; the seed is in every failure message.
 */
class OgcFeaturesIT extends ApiIT {

    static final String ITEMS = "/ogcapi/collections/stations/items";
    static final String EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    static final String EPSG_4490 = "http://www.opengis.net/def/crs/EPSG/0/4490";
    static final String EPSG_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    @Test
    void nextLinksWalkTheBoxExactlyOnceAndPrevLinksWalkBack() {
        OgcArea area = OgcArea.fromSeed(seed(1));
        area.fill(jdbc, 140);
        awaitIndexed();
        List<String> expected = area.expected(jdbc, "");

        List<List<String>> pages = new ArrayList<>();
        List<String> prevLinks = new ArrayList<>();
        String url = "http://localhost:" + port + ITEMS + "?limit=25&bbox=" + area.bbox();
        while (url != null) {
            JsonPath page = get(url).then()
                    .statusCode(200)
                    .contentType("application/geo+json")
                    .header("Content-Crs", "<" + CRS84 + ">")
                    .body("type", equalTo("FeatureCollection"))
                    .extract()
                    .jsonPath();
            List<String> ids = page.getList("features.id", String.class);
            assertThat(page.getLong("numberMatched")).as("seed %d", area.seed()).isEqualTo(expected.size());
            assertThat(page.getInt("numberReturned")).isEqualTo(ids.size());
            pages.add(ids);
            prevLinks.add(link(page, "prev"));
            url = link(page, "next");
        }
        assertThat(pages.stream().flatMap(List::stream).toList())
                .as("seed %d", area.seed())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pages).hasSize((expected.size() + 24) / 25);
        assertThat(prevLinks.get(0)).as("the first page has no prev").isNull();
        // One page holding every match counts them from the page itself; the last page of a walk
        // (above) has no next either but still says how many match in all.
        JsonPath whole = get("http://localhost:" + port + ITEMS + "?limit=1000&bbox=" + area.bbox())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(whole.getList("features.id", String.class))
                .as("seed %d", area.seed())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(whole.getLong("numberMatched")).as("seed %d", area.seed()).isEqualTo(expected.size());
        assertThat(link(whole, "next")).isNull();
        for (int i = 1; i < pages.size(); i++) {
            List<String> back = get(prevLinks.get(i))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("features.id", String.class);
            assertThat(back).as("prev of page %d, seed %d", i, area.seed()).containsExactlyElementsOf(pages.get(i - 1));
        }
    }

    @Test
    void everyOfferedCrsGivesPostgisCoordinatesInItsAxisOrder() {
        OgcArea area = OgcArea.fromSeed(seed(2));
        area.fill(jdbc, 30);
        awaitIndexed();
        Map<String, double[]> lonLat = new HashMap<>();
        Map<String, double[]> mercator = new HashMap<>();
        jdbc.sql("""
                SELECT code, ST_X(location::geometry) AS x, ST_Y(location::geometry) AS y,
                       ST_X(ST_Transform(location::geometry, 3857)) AS mx, ST_Y(ST_Transform(location::geometry, 3857)) AS my
                FROM station WHERE ST_X(location::geometry) BETWEEN :minLng AND :maxLng AND ST_Y(location::geometry) BETWEEN :minLat AND :maxLat""")
                .param("minLng", area.minLng())
                .param("maxLng", area.maxLng())
                .param("minLat", area.minLat())
                .param("maxLat", area.maxLat())
                .query(rs -> {
                    lonLat.put(rs.getString("code"), new double[] {rs.getDouble("x"), rs.getDouble("y")});
                    mercator.put(rs.getString("code"), new double[] {rs.getDouble("mx"), rs.getDouble("my")});
                });
        for (String crs : List.of(CRS84, EPSG_4326, EPSG_4490, EPSG_3857)) {
            Response response = given().queryParam("bbox", area.bbox())
                    .queryParam("limit", 100)
                    .queryParam("crs", crs)
                    .get(ITEMS);
            response.then().statusCode(200).header("Content-Crs", "<" + crs + ">");
            List<Map<String, Object>> features = response.jsonPath().getList("features");
            assertThat(features).as("seed %d", area.seed()).isNotEmpty();
            for (Map<String, Object> feature : features) {
                String code = (String) feature.get("id");
                @SuppressWarnings("unchecked")
                List<Double> xy = (List<Double>) ((Map<String, Object>) feature.get("geometry")).get("coordinates");
                double[] want = switch (crs) {
                    case CRS84 -> lonLat.get(code);
                    case EPSG_3857 -> mercator.get(code);
                    default ->
                        new double[] {lonLat.get(code)[1], lonLat.get(code)[0]}; // latitude first, as EPSG defines
                };
                double tolerance = crs.equals(EPSG_3857) ? 0.01 : 1e-7;
                assertThat(xy.get(0))
                        .as("%s x of %s, seed %d", crs, code, area.seed())
                        .isCloseTo(want[0], org.assertj.core.data.Offset.offset(tolerance));
                assertThat(xy.get(1))
                        .as("%s y of %s, seed %d", crs, code, area.seed())
                        .isCloseTo(want[1], org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }

    @Test
    void aBboxInAnotherCrsSelectsTheSameStations() {
        OgcArea area = OgcArea.fromSeed(seed(3));
        area.fill(jdbc, 40);
        awaitIndexed();
        List<String> expected = area.expected(jdbc, "");
        double[] corners = jdbc.sql("""
                SELECT ST_X(a) AS x0, ST_Y(a) AS y0, ST_X(b) AS x1, ST_Y(b) AS y1 FROM
                (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(:minLng, :minLat), 4326), 3857) AS a,
                        ST_Transform(ST_SetSRID(ST_MakePoint(:maxLng, :maxLat), 4326), 3857) AS b) c""")
                .param("minLng", area.minLng())
                .param("maxLng", area.maxLng())
                .param("minLat", area.minLat())
                .param("maxLat", area.maxLat())
                .query((rs, n) ->
                        new double[] {rs.getDouble("x0"), rs.getDouble("y0"), rs.getDouble("x1"), rs.getDouble("y1")})
                .single();
        String mercatorBox = corners[0] + "," + corners[1] + "," + corners[2] + "," + corners[3];
        String latLonBox = area.minLat() + "," + area.minLng() + "," + area.maxLat() + "," + area.maxLng();
        for (String[] query : List.of(
                new String[] {EPSG_3857, mercatorBox},
                new String[] {EPSG_4326, latLonBox},
                new String[] {EPSG_4490, latLonBox},
                new String[] {CRS84, area.bbox()})) {
            List<String> ids = given().queryParam("bbox-crs", query[0])
                    .queryParam("bbox", query[1])
                    .queryParam("limit", 1000)
                    .get(ITEMS)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("features.id", String.class);
            assertThat(ids)
                    .as("bbox-crs %s, seed %d", query[0], area.seed())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void propertyFiltersSelectWhatTheRegisterSays() {
        OgcArea area = OgcArea.fromSeed(seed(4));
        area.fill(jdbc, 80);
        awaitIndexed();
        Map<String, String> filters = Map.of(
                "amenities=microwave", "AND 'microwave' = ANY(amenities)",
                "status=suspended", "AND status = 'suspended'",
                "adcode=1503", "AND adcode LIKE '1503%'",
                "adcode=420302", "AND adcode = '420302'",
                // every seeded station is open 24/7, and only an active station is ever open
                "openNow=true", "AND status = 'active'",
                "openNow=false", "AND status <> 'active'");
        filters.forEach((filter, sql) -> {
            List<String> expected = area.expected(jdbc, sql);
            JsonPath page = given().urlEncodingEnabled(false)
                    .get(ITEMS + "?limit=1000&bbox=" + area.bbox() + "&" + filter)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(page.getList("features.id", String.class))
                    .as("%s, seed %d", filter, area.seed())
                    .containsExactlyInAnyOrderElementsOf(expected);
        });
    }

    @Test
    void badParametersAreProblemDetails() {
        for (String query : List.of(
                "unknownQueryParameter=1",
                "limit=unlimited",
                "limit=0",
                "limit=-99999999999",
                "crs=http://www.opengis.net/def/crs/0/unsupported",
                "bbox-crs=EPSG:999999&bbox=1,2,3,4",
                "bbox=1,2,3",
                "bbox=1,2,a,4",
                "bbox=1,50,2,40",
                "cursor=nonsense",
                "status=closed",
                "adcode=15030",
                "openNow=maybe",
                "datetime=yesterday",
                "f=xml",
                "amenities=jacuzzi")) {
            given().urlEncodingEnabled(false)
                    .get(ITEMS + "?" + query)
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().get("/ogcapi/collections/nothing/items").then().statusCode(404).contentType("application/problem+json");
        given().get("/ogcapi/collections/nothing").then().statusCode(404).contentType("application/problem+json");
        given().get(ITEMS + "/150302-00001-8").then().statusCode(400).contentType("application/problem+json");
        given().get(ITEMS + "/"
                        + org.yizhan.geo.code.StationCode.of("150302", 99_999).value())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void wideAndOddButValidRequestsAreServed() {
        // Across the antimeridian, at the poles, more than the maximum limit, datetime intervals: 200, within limits.
        for (String query : List.of(
                "bbox=177,65,-177,70",
                "bbox=-180,85,180,90",
                "bbox=100,30,0,110,40,0",
                "limit=99999999999",
                "datetime=2024-01-01T00:00:00Z/..",
                "datetime=2024-01-01/P2D",
                "bbox-crs=" + EPSG_4326 + "&bbox=30,100,40,110")) {
            JsonPath page = given().urlEncodingEnabled(false)
                    .get(ITEMS + "?" + query)
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(page.getInt("numberReturned")).isLessThanOrEqualTo(10_000);
        }
    }

    @Test
    void aSingleStationIsAFeatureWithLinksAndNoResponsiblePerson() {
        OgcArea area = OgcArea.fromSeed(seed(5));
        List<String> codes = area.fill(jdbc, 10);
        awaitIndexed();
        String closed = jdbc.sql("SELECT code FROM station WHERE code IN (:codes) AND status = 'closed' LIMIT 1")
                .param("codes", codes)
                .query(String.class)
                .optional()
                .orElse(null);
        String published = jdbc.sql("SELECT code FROM station WHERE code IN (:codes) AND status <> 'closed' LIMIT 1")
                .param("codes", codes)
                .query(String.class)
                .single();
        Response response = given().queryParam("crs", EPSG_4326).get(ITEMS + "/" + published);
        response.then()
                .statusCode(200)
                .contentType("application/geo+json")
                .header("Content-Crs", "<" + EPSG_4326 + ">")
                .body("id", equalTo(published))
                .body("properties.code", equalTo(published))
                .body("links.find { it.rel == 'self' }.type", equalTo("application/geo+json"))
                .body("links.find { it.rel == 'alternate' }.type", equalTo("text/html"))
                .body("links.find { it.rel == 'collection' }.type", equalTo("application/json"));
        // TestStations gives every station the responsible person 张三: public reads never show it.
        assertThat(response.asString()).doesNotContain("张三").doesNotContain("contactPerson");
        assertThat(given().queryParam("bbox", area.bbox()).get(ITEMS).asString())
                .doesNotContain("张三");
        if (closed != null) given().get(ITEMS + "/" + closed).then().statusCode(404);
    }

    /**
     * A page's amenity keys and labels, comma-joined per feature in the register's order, are what
     * the register and the vocabulary's own table say, in each language: the page writes them from
     * texts joined once per distinct list, so the same list must give each language its own labels.
     */
    @Test
    void amenitiesAndTheirLabelsAreTheRegistersInEachLanguage() {
        OgcArea area = OgcArea.fromSeed(seed(6));
        area.fill(jdbc, 40);
        awaitIndexed();
        for (String lang : List.of("zh", "en")) {
            Map<String, List<String>> expected = new HashMap<>();
            jdbc.sql("""
                            SELECT s.code, array_to_string(s.amenities, ','),
                                   coalesce((SELECT string_agg(CASE WHEN :lang = 'en' THEN a.label_en ELSE a.label_zh END, ','
                                                               ORDER BY u.ord)
                                               FROM unnest(s.amenities) WITH ORDINALITY AS u(key, ord)
                                               JOIN amenity a ON a.key = u.key), '')
                              FROM station s WHERE s.status <> 'closed'""").param("lang", lang).query(rs -> {
                expected.put(rs.getString(1), List.of(rs.getString(2), rs.getString(3)));
            });
            JsonPath page = given().header("Accept-Language", lang)
                    .queryParam("bbox", area.bbox())
                    .queryParam("limit", 1000)
                    .get(ITEMS)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> features = page.getList("features");
            assertThat(features).as("seed %d", area.seed()).hasSizeGreaterThan(10);
            for (Map<String, Object> feature : features) {
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = (Map<String, Object>) feature.get("properties");
                List<String> want = expected.get(String.valueOf(feature.get("id")));
                assertThat(List.of(properties.get("amenities"), properties.get("amenityLabels")))
                        .as("%s in %s, seed %d", feature.get("id"), lang, area.seed())
                        .isEqualTo(want);
            }
        }
    }

    static Response get(String absoluteUrl) {
        return given().urlEncodingEnabled(false).accept("application/geo+json").get(absoluteUrl);
    }

    static String link(JsonPath page, String rel) {
        List<Map<String, String>> links = page.getList("links");
        return links.stream()
                .filter(l -> rel.equals(l.get("rel")))
                .map(l -> l.get("href"))
                .findFirst()
                .orElse(null);
    }

    /** A per-test seed, fixed unless -Dyizhan.seed is given; printed in every assertion message. */
    static long seed(int test) {
        return Long.getLong("yizhan.seed", 20261126L) * 31 + test;
    }
}
