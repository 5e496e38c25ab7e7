package org.yizhan.locator.ogcapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;
import org.yizhan.locator.support.TestStations.Spec;

/**
 * Decoded vector tiles against the register. Which tile a station falls in is computed by
 * PostGIS (ST_Transform to EPSG:3857 and the WebMercatorQuad grid), independently of the
 * service's own tile arithmetic: at street zooms every active station appears exactly once in
 * its tile, at country zooms the cluster counts add up to the stations in the tile.
 */
class VectorTilesIT extends ApiIT {

    static final String TILES = "/ogcapi/collections/stations/tiles/WebMercatorQuad/";
    /** Half the width of the EPSG:3857 world, in metres. */
    static final String HALF = "20037508.342789244";

    record TileId(int z, long x, long y) {}

    @Test
    void atStreetZoomEveryActiveStationIsInItsTileExactlyOnce() throws IOException {
        OgcArea area = new OgcArea(OgcFeaturesIT.seed(30), 83.2 + (OgcFeaturesIT.seed(30) % 100) / 1000.0, 39.1, 0.03);
        area.fill(jdbc, 80);
        awaitIndexed();
        int z = 15;
        List<TileId> tiles = jdbc.sql("SELECT DISTINCT " + tileSql(z)
                        + " FROM station s WHERE ST_X(s.location::geometry) BETWEEN :minLng AND :maxLng "
                        + "AND ST_Y(s.location::geometry) BETWEEN :minLat AND :maxLat")
                .param("minLng", area.minLng())
                .param("maxLng", area.maxLng())
                .param("minLat", area.minLat())
                .param("maxLat", area.maxLat())
                .query((rs, n) -> new TileId(z, rs.getLong("tx"), rs.getLong("ty")))
                .list();
        assertThat(tiles).as("seed %d", area.seed()).isNotEmpty();
        for (TileId tile : tiles) {
            List<Map<String, Object>> expected = jdbc.sql(
                            "SELECT code, name, array_to_string(amenities, ',') AS amenities FROM station s "
                                    + "WHERE status = 'active' AND (" + tileX(z) + ", " + tileY(z) + ") = (:x, :y)")
                    .param("x", tile.x())
                    .param("y", tile.y())
                    .query((rs, n) -> Map.<String, Object>of(
                            "code",
                            rs.getString("code"),
                            "name",
                            rs.getString("name"),
                            "amenities",
                            rs.getString("amenities"),
                            "openNow",
                            true))
                    .list();
            List<Map<String, Object>> decoded = properties(decode(fetch(tile)), StationTilesNames.STATIONS);
            assertThat(decoded).as("tile %s, seed %d", tile, area.seed()).hasSameSizeAs(expected);
            for (Map<String, Object> want : expected) {
                assertThat(decoded)
                        .as("tile %s, seed %d", tile, area.seed())
                        .filteredOn(p -> want.get("code").equals(p.get("code")))
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.get("name")).isEqualTo(want.get("name"));
                            assertThat(p.get("amenities")).isEqualTo(want.get("amenities"));
                            assertThat(p.get("openNow")).isEqualTo(true);
                        });
            }
        }
    }

    @Test
    void atCountryZoomClusterCountsAddUpToTheStationsInTheTile() throws IOException {
        OgcArea area = OgcArea.fromSeed(OgcFeaturesIT.seed(31));
        area.fill(jdbc, 120);
        awaitIndexed();
        for (int z : new int[] {0, 3, 5, 8, 11}) {
            TileId tile = jdbc.sql("SELECT " + tileSql(z)
                            + " FROM (SELECT ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)::geography AS location) s")
                    .param("lng", area.minLng() + area.size() / 2)
                    .param("lat", area.minLat() + area.size() / 2)
                    .query((rs, n) -> new TileId(z, rs.getLong("tx"), rs.getLong("ty")))
                    .single();
            long expected = jdbc.sql("SELECT count(*) FROM station s WHERE status = 'active' AND (" + tileX(z) + ", "
                            + tileY(z) + ") = (:x, :y)")
                    .param("x", tile.x())
                    .param("y", tile.y())
                    .query(Long.class)
                    .single();
            long counted = properties(decode(fetch(tile)), StationTilesNames.CLUSTERS).stream()
                    .mapToLong(p -> ((Number) p.get("count")).longValue())
                    .sum();
            assertThat(counted)
                    .as("tile %s, seed %d", tile, area.seed())
                    .isEqualTo(expected)
                    .isPositive();
        }
    }

    @Test
    void aTileKeepsItsEtagUntilAStationInItChanges() throws IOException {
        LatLng at = new LatLng(40.123, 84.456);
        TestStations.insert(jdbc, Spec.active(at));
        awaitIndexed();
        TileId tile = jdbc.sql("SELECT " + tileSql(16)
                        + " FROM (SELECT ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)::geography AS location) s")
                .param("lng", at.lng())
                .param("lat", at.lat())
                .query((rs, n) -> new TileId(16, rs.getLong("tx"), rs.getLong("ty")))
                .single();
        Response first = fetch(tile);
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get(url(tile)).then().statusCode(304);

        String added = TestStations.insert(jdbc, Spec.active(new LatLng(at.lat() + 0.00001, at.lng() + 0.00001)));
        awaitIndexed();
        Response second = given().header("If-None-Match", etag).get(url(tile));
        second.then().statusCode(200);
        assertThat(second.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(properties(decode(second), StationTilesNames.STATIONS))
                .extracting(p -> p.get("code"))
                .contains(added);
    }

    @Test
    void tilesOutsideTheGridAreProblems() {
        given().get(TILES + "23/0/0").then().statusCode(400).contentType("application/problem+json");
        given().get(TILES + "3/8/0").then().statusCode(404).contentType("application/problem+json");
        given().get(TILES + "3/0/-1").then().statusCode(404).contentType("application/problem+json");
        given().get(TILES + "x/0/0").then().statusCode(400).contentType("application/problem+json");
        given().get("/ogcapi/collections/stations/tiles/WebMercatorQuad")
                .then()
                .statusCode(200)
                .body(
                        "links.find { it.rel == 'item' }.href",
                        org.hamcrest.Matchers.endsWith("/{tileMatrix}/{tileRow}/{tileCol}"));
    }

    /** tx, ty of the station's location at zoom z, by PostGIS. */
    static String tileSql(int z) {
        return tileX(z) + " AS tx, " + tileY(z) + " AS ty";
    }

    static String tileX(int z) {
        return "floor((ST_X(ST_Transform(s.location::geometry, 3857)) + " + HALF + ") / (2 * " + HALF + " / "
                + (1L << z) + "))::bigint";
    }

    static String tileY(int z) {
        return "floor((" + HALF + " - ST_Y(ST_Transform(s.location::geometry, 3857))) / (2 * " + HALF + " / "
                + (1L << z) + "))::bigint";
    }

    static String url(TileId tile) {
        return TILES + tile.z() + "/" + tile.y() + "/" + tile.x();
    }

    static Response fetch(TileId tile) {
        Response response = given().get(url(tile));
        response.then().statusCode(200).contentType("application/vnd.mapbox-vector-tile");
        return response;
    }

    static JtsMvt decode(Response response) throws IOException {
        return MvtReader.loadMvt(
                new ByteArrayInputStream(response.asByteArray()), new GeometryFactory(), new TagKeyValueMapConverter());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> properties(JtsMvt tile, String layerName) {
        JtsLayer layer = tile.getLayer(layerName);
        List<Map<String, Object>> out = new ArrayList<>();
        if (layer == null) return out;
        for (Geometry g : layer.getGeometries()) out.add((Map<String, Object>) g.getUserData());
        return out;
    }

    /** The layer names, as a client reads them from the tile set metadata. */
    static final class StationTilesNames {
        static final String STATIONS = "stations";
        static final String CLUSTERS = "clusters";
    }
}
