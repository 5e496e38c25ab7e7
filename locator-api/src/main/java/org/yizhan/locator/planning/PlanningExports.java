package org.yizhan.locator.planning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.geo.exchange.SpreadsheetWriter;

/** Planning results as files a GIS or a spreadsheet opens: GeoJSON points and UTF-8 CSV. */
final class PlanningExports {

    private PlanningExports() {}

    static Map<String, Object> geoJson(List<Map<String, Object>> rows) {
        List<Map<String, Object>> features = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> properties = new LinkedHashMap<>(row);
            properties.remove("lat");
            properties.remove("lng");
            features.add(
                    GeoJson.feature(null, GeoJson.point(coordinate(row, "lng"), coordinate(row, "lat")), properties));
        }
        return GeoJson.featureCollection(features);
    }

    /** Every planning row carries its position as numbers {@code lat} and {@code lng}. */
    private static double coordinate(Map<String, Object> row, String key) {
        return ((Number) Objects.requireNonNull(row.get(key), "a planning row without " + key)).doubleValue();
    }

    /** UTF-8 CSV with the rows' keys as header; numbers stay numbers, text is neutralised. */
    static byte[] csv(List<Map<String, Object>> rows) {
        List<String> header =
                rows.isEmpty() ? List.of("lat", "lng") : List.copyOf(rows.get(0).keySet());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetWriter csv = SpreadsheetWriter.csv(out, header)) {
            for (Map<String, Object> row : rows) csv.row(new ArrayList<>(row.values()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown by a byte array
        }
        return out.toByteArray();
    }
}
