package org.yizhan.locator.ogcapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;

/**
 * What QGIS's OAPIF provider does when a GIS user adds the service: read the landing page, follow
 * its data link to the collections, pick the stations collection, fetch its GeoJSON items with
 * a page size and follow next links to the end. Only links are followed, never URLs built by
 * hand, and the total must equal the register's count of published stations.
 */
class QgisWalkIT extends ApiIT {

    @Test
    void pagingThroughAllItemsFromTheLandingPageYieldsTheWholeRegister() {
        new OgcArea(OgcFeaturesIT.seed(20), 82.0, 38.0, 0.5).fill(jdbc, 250);
        awaitIndexed();
        String landing = "http://localhost:" + port + "/ogcapi/";

        JsonPath root = given().accept("application/json")
                .get(landing)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String collectionsUrl = href(root.getList("links"), "data", "application/json");
        assertThat(href(root.getList("links"), "service-desc", "application/vnd.oai.openapi+json;version=3.0"))
                .isNotNull();
        given().accept("application/vnd.oai.openapi+json;version=3.0")
                .get(href(root.getList("links"), "service-desc", "application/vnd.oai.openapi+json;version=3.0"))
                .then()
                .statusCode(200);

        JsonPath collections = given().accept("application/json")
                .get(collectionsUrl)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> stations =
                collections.getList("collections.findAll { it.id == 'stations' }.links[0]");
        String items = href(stations, "items", "application/geo+json");

        long published = jdbc.sql("SELECT count(*) FROM station WHERE status IN ('active', 'suspended')")
                .query(Long.class)
                .single();
        Set<String> seen = new HashSet<>();
        int features = 0;
        String url = items + (items.contains("?") ? "&" : "?") + "limit=100";
        Long numberMatched = null;
        while (url != null) {
            JsonPath page = given().urlEncodingEnabled(false)
                    .accept("application/geo+json")
                    .get(url)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (numberMatched == null) numberMatched = page.getLong("numberMatched");
            List<String> ids = page.getList("features.id", String.class);
            features += ids.size();
            seen.addAll(ids);
            url = href(page.getList("links"), "next", "application/geo+json");
        }
        assertThat(features).as("features fetched").isEqualTo(published).isEqualTo(seen.size());
        assertThat(numberMatched).isEqualTo(published);
    }

    @SuppressWarnings("unchecked")
    static String href(List<?> links, String rel, String type) {
        return ((List<Map<String, Object>>) links)
                .stream()
                        .filter(l -> rel.equals(l.get("rel")) && type.equals(l.get("type")))
                        .map(l -> (String) l.get("href"))
                        .findFirst()
                        .orElse(null);
    }
}
