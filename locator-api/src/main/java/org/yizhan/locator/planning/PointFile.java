package org.yizhan.locator.planning;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
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
        List<String[]> rows;
        if (lower.endsWith(".geojson") || lower.endsWith(".json")) return geoJson(in, crs, json);
        if (lower.endsWith(".xlsx")) rows = xlsx(in);
        else if (lower.endsWith(".csv")) rows = csv(in);
        else throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file type", "Upload points as .csv, .xlsx or .geojson.");
        return table(rows, crs);
    }

    private static List<Point> table(List<String[]> rows, CoordinateSystem crs) {
        if (rows.isEmpty()) throw ApiException.invalid("file", "The file is empty.");
        Map<String, Integer> columns = new HashMap<>();
        String[] header = rows.get(0);
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
        for (int r = 1; r < rows.size() && problems.size() < 20; r++) {
            String[] row = rows.get(r);
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

    private static List<String[]> csv(InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (CSVRecord record : parser) rows.add(record.values());
        }
        return rows;
    }

    private static List<String[]> xlsx(InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                String[] values = new String[Math.max(0, row.getLastCellNum())];
                for (int i = 0; i < values.length; i++) {
                    Cell cell = row.getCell(i);
                    values[i] = cell == null ? "" : format.formatCellValue(cell);
                }
                rows.add(values);
            }
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException | org.apache.poi.ooxml.POIXMLException e) {
            throw ApiException.invalid("file", "The file is not a readable .xlsx workbook.");
        }
        return rows;
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
