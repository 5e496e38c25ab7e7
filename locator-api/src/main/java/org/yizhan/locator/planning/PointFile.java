package org.yizhan.locator.planning;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.exchange.RegisterFormatException;
import org.yizhan.geo.exchange.XlsxSheet;
import org.yizhan.locator.web.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads weighted points (demand hotspots, candidate sites) from CSV, XLSX or GeoJSON. Columns
 * are found by header, Chinese or English: lat/纬度, lng/经度, weight/权重 (default 1), and an
 * optional label/名称/区县. Any bad row rejects the file, naming the row as Excel shows it.
 */
final class PointFile {

    static final int MAX_POINTS = 200_000;

    record Point(LatLng wgs84, double weight, @Nullable String label) {}

    private PointFile() {}

    static List<Point> read(InputStream in, String fileName, CoordinateSystem crs, JsonMapper json) throws IOException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".geojson") || lower.endsWith(".json")) return geoJson(in, crs, json);
        if (lower.endsWith(".xlsx")) return xlsx(in, crs);
        if (lower.endsWith(".csv")) return csv(in, crs);
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file type", "Upload points as .csv, .xlsx or .geojson.");
    }

    /** Rows are pulled one at a time, so a file's size costs memory only for the points kept (at most MAX_POINTS). */
    private static List<Point> table(Iterator<String[]> rows, CoordinateSystem crs) {
        if (!rows.hasNext()) throw ApiException.invalid("file", "The file is empty.");
        Map<String, Integer> columns = new HashMap<>();
        String[] header = rows.next();
        for (int i = 0; i < header.length; i++) {
            String key = switch (header[i].trim().toLowerCase(Locale.ROOT).replace("\uFEFF", "")) {
                case "lat", "latitude", "纬度" -> "lat";
                case "lng", "lon", "longitude", "经度" -> "lng";
                case "weight", "权重", "人数", "订单量" -> "weight";
                case "label", "name", "district", "名称", "区县", "站点名称" -> "label";
                default -> "";
            };
            if (!key.isEmpty()) columns.putIfAbsent(key, i);
        }
        if (!columns.containsKey("lat") || !columns.containsKey("lng")) {
            throw ApiException.invalid("file", "The first row must name the columns; lat/纬度 and lng/经度 are required, weight/权重 and label/名称 optional.");
        }
        List<Point> points = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int r = 1; rows.hasNext() && problems.size() < 20; r++) {
            String[] row = rows.next();
            if (row.length == 0 || String.join("", row).isBlank()) continue;
            try {
                double lat = number(row, columns.get("lat"));
                double lng = number(row, columns.get("lng"));
                Integer w = columns.get("weight");
                double weight = w == null || cell(row, w).isBlank() ? 1 : number(row, w);
                if (!(weight >= 0) || Double.isInfinite(weight)) throw new IllegalArgumentException("weight must be a number ≥ 0");
                Integer l = columns.get("label");
                String label = l == null || cell(row, l).isBlank() ? null : cell(row, l).trim();
                points.add(new Point(crs.toWgs84(new LatLng(lat, lng)), weight, label));
            } catch (IllegalArgumentException e) {
                problems.add("row " + (r + 1) + ": " + e.getMessage());
            }
            if (points.size() > MAX_POINTS) throw ApiException.invalid("file", "At most " + MAX_POINTS + " points per file.");
        }
        if (!problems.isEmpty()) throw new ApiException(HttpStatus.BAD_REQUEST, "Some rows cannot be read",
                String.join("; ", problems), Map.of("field", "file", "problems", problems));
        return points;
    }

    private static String cell(String[] row, int i) {
        return i < row.length ? row[i] : "";
    }

    private static double number(String[] row, int i) {
        String text = cell(row, i).trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    private static List<Point> csv(InputStream in, CoordinateSystem crs) throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Iterator<CSVRecord> records = parser.iterator();
            return table(new Iterator<>() {
                @Override public boolean hasNext() { return records.hasNext(); }
                @Override public String[] next() { return records.next().values(); }
            }, crs);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw ApiException.invalid("file", "The CSV file is malformed: " + e.getMessage());
        }
    }

    /**
     * Through geo-data's streaming {@link XlsxSheet} (the register import's reader), not the DOM
     * workbook: that held every cell of the sheet in memory. The package is opened from a
     * temporary file, which POI reads by random access without inflating it all.
     */
    private static List<Point> xlsx(InputStream in, CoordinateSystem crs) throws IOException {
        Path file = Files.createTempFile("yizhan-points-", ".xlsx");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            try (XlsxSheet sheet = new XlsxSheet(file)) {
                return table(new Iterator<>() {
                    private @Nullable List<String> next = sheet.nextRow();
                    @Override public boolean hasNext() { return next != null; }
                    @Override public String[] next() {
                        List<String> row = java.util.Objects.requireNonNull(next);
                        next = sheet.nextRow();
                        return row.toArray(String[]::new);
                    }
                }, crs);
            } catch (RegisterFormatException e) {
                throw ApiException.invalid("file", "The file is not a readable .xlsx workbook.");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<Point> geoJson(InputStream in, CoordinateSystem crs, JsonMapper json) {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (RuntimeException e) {
            throw ApiException.invalid("file", "The file is not valid GeoJSON.");
        }
        List<Point> points = new ArrayList<>();
        int i = 0;
        for (JsonNode feature : root.path("features")) {
            i++;
            JsonNode coords = feature.path("geometry").path("coordinates");
            if (!"Point".equals(feature.path("geometry").path("type").asString("")) || coords.size() < 2) {
                throw ApiException.invalid("file", "Feature " + i + " is not a Point.");
            }
            JsonNode props = feature.path("properties");
            double weight = props.path("weight").isNumber() ? props.path("weight").asDouble() : 1;
            String label = props.path("label").isString() ? props.path("label").asString()
                    : props.path("name").isString() ? props.path("name").asString() : null;
            try {
                points.add(new Point(crs.toWgs84(new LatLng(coords.get(1).asDouble(), coords.get(0).asDouble())), weight, label));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("file", "Feature " + i + ": " + e.getMessage());
            }
        }
        if (points.isEmpty()) throw ApiException.invalid("file", "The GeoJSON has no Point features.");
        return points;
    }
}
