package org.yizhan.locator.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Planning results as files a GIS or a spreadsheet opens: GeoJSON points and UTF-8 CSV. */
final class PlanningExports {

    private PlanningExports() {}

    static Map<String, Object> geoJson(List<Map<String, Object>> rows) {
        List<Map<String, Object>> features = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> properties = new LinkedHashMap<>(row);
            properties.remove("lat");
            properties.remove("lng");
            features.add(Map.of("type", "Feature",
                    "geometry", Map.of("type", "Point", "coordinates", List.of(row.get("lng"), row.get("lat"))),
                    "properties", properties));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    static String csv(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        if (rows.isEmpty()) return out.append("lat,lng\n").toString();
        out.append(String.join(",", rows.get(0).keySet())).append('\n');
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object value : row.values()) cells.add(cell(String.valueOf(value)));
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    /** Quote as RFC 4180 and neutralise anything a spreadsheet would run as a formula. */
    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+@\t\r".indexOf(value.charAt(0)) >= 0
                || value.startsWith("-") && !value.matches("-[0-9.E]+") ? "'" + value : value;
        return safe.matches(".*[,\"\n\r].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
