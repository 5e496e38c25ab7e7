package org.yizhan.locator.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Planning results as files: GeoJSON points and CSV with the one neutralising rule. */
class PlanningExportsTest {

    private static Map<String, Object> site(double lat, double lng, Object id, double gain) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("lat", lat);
        row.put("lng", lng);
        row.put("id", id);
        row.put("marginalGain", gain);
        return row;
    }

    @Test
    void geoJsonHasOnePointPerRowLongitudeFirstWithTheOtherFieldsAsProperties() {
        Map<String, Object> collection = PlanningExports.geoJson(List.of(site(39.6, 106.8, 7L, 12.5)));

        assertThat(collection).containsEntry("type", "FeatureCollection");
        Map<?, ?> feature = (Map<?, ?>) ((List<?>) collection.get("features")).get(0);
        assertThat(feature.get("type")).isEqualTo("Feature");
        assertThat(feature.get("geometry")).isEqualTo(Map.of("type", "Point", "coordinates", List.of(106.8, 39.6)));
        assertThat(feature.get("properties")).isEqualTo(Map.of("id", 7L, "marginalGain", 12.5));
    }

    @Test
    void csvKeepsNegativeNumbersButNeutralisesTextThatStartsWithAMinus() throws IOException {
        String text = new String(
                PlanningExports.csv(List.of(site(-33.9, 18.4, "-1+cmd", -2.5), site(39.6, 106.8, "=A1", 0))),
                StandardCharsets.UTF_8);

        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records.get(0).toList()).containsExactly("lat", "lng", "id", "marginalGain");
        assertThat(records.get(1).toList()).containsExactly("-33.9", "18.4", "'-1+cmd", "-2.5");
        assertThat(records.get(2).toList()).containsExactly("39.6", "106.8", "'=A1", "0.0");
    }

    @Test
    void anEmptyResultStillHasAHeader() {
        assertThat(new String(PlanningExports.csv(List.of()), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFlat,lng\r\n");
    }
}
