package org.yizhan.locator.planning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.exchange.GeoJsonPoints;
import org.yizhan.geo.exchange.RegisterFormatException;
import org.yizhan.geo.exchange.TableRows;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.ProblemText;

/**
 * Reads weighted points (demand hotspots, candidate sites) from CSV, XLSX or GeoJSON. Columns
 * are found by header, Chinese or English: lat/纬度, lng/经度, weight/权重 (default 1), and an
 * optional label/名称/区县. Any bad row rejects the file, naming the row as Excel shows it.
 */
final class PointFile {

    static final int MAX_POINTS = 200_000;

    record Point(LatLng wgs84, double weight, @Nullable String label) {}

    private PointFile() {}

    /**
     * Reads through geo-data's readers ({@link TableRows}, {@link GeoJsonPoints}), the register
     * import's: CSV in UTF-8 or GBK, {@code .xlsx} streamed row by row, GeoJSON feature by feature.
     * The upload is spooled to a temporary file first, which they read by random access or twice.
     */
    static List<Point> read(InputStream in, String fileName, CoordinateSystem crs) throws IOException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean geoJson = lower.endsWith(".geojson") || lower.endsWith(".json");
        boolean xlsx = lower.endsWith(".xlsx");
        if (!geoJson && !xlsx && !lower.endsWith(".csv")) {
            throw ApiException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "planning.fileType");
        }
        Path file = Files.createTempFile("yizhan-points-", geoJson ? ".geojson" : xlsx ? ".xlsx" : ".csv");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            if (geoJson) return geoJson(file, crs);
            try (TableRows rows = xlsx ? TableRows.xlsx(file) : TableRows.csv(file)) {
                return table(rows, crs);
            }
        } catch (RegisterFormatException e) {
            // geo-data's reason key and values, worded in the caller's language (file.*.detail).
            throw ApiException.unreadableFile(e.key(), e.values().toArray());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Rows are pulled one at a time, so a file's size costs memory only for the points kept (at most MAX_POINTS). */
    private static List<Point> table(TableRows rows, CoordinateSystem crs) {
        TableRows.Line header = rows.next();
        while (header != null && blank(header)) header = rows.next();
        if (header == null) throw ApiException.invalid("file", "planning.file.empty");
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String key = switch (header.cells().get(i).trim().toLowerCase(Locale.ROOT)) {
                case "lat", "latitude", "纬度" -> "lat";
                case "lng", "lon", "longitude", "经度" -> "lng";
                case "weight", "权重", "人数", "订单量" -> "weight";
                case "label", "name", "district", "名称", "区县", "站点名称" -> "label";
                default -> "";
            };
            if (!key.isEmpty()) columns.putIfAbsent(key, i);
        }
        if (!columns.containsKey("lat") || !columns.containsKey("lng")) {
            throw ApiException.invalid("file", "planning.file.header");
        }
        List<Point> points = new ArrayList<>();
        List<ProblemText> problems = new ArrayList<>();
        for (TableRows.Line line = rows.next(); line != null && problems.size() < 20; line = rows.next()) {
            if (blank(line)) continue;
            List<String> row = line.cells();
            try {
                double lat = number(row, columns.get("lat"));
                double lng = number(row, columns.get("lng"));
                Integer w = columns.get("weight");
                double weight = w == null || cell(row, w).isBlank() ? 1 : number(row, w);
                if (!(weight >= 0) || Double.isInfinite(weight))
                    throw new RowProblem(new ProblemText("planning.row.weight"));
                Integer l = columns.get("label");
                String label = l == null || cell(row, l).isBlank()
                        ? null
                        : cell(row, l).trim();
                points.add(new Point(crs.toWgs84(new LatLng(lat, lng)), weight, label));
            } catch (IllegalArgumentException e) {
                problems.add(new ProblemText("planning.row", line.number(), reason(e)));
            }
            if (points.size() > MAX_POINTS) throw ApiException.invalid("file", "planning.file.tooMany", MAX_POINTS);
        }
        if (!problems.isEmpty())
            throw ApiException.of(HttpStatus.BAD_REQUEST, "planning.rows", problems)
                    .with("field", "file")
                    .with("problems", problems);
        return points;
    }

    private static boolean blank(TableRows.Line line) {
        return line.cells().stream().allMatch(String::isBlank);
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() ? row.get(i) : "";
    }

    private static double number(List<String> row, int i) {
        String text = cell(row, i).trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new RowProblem(new ProblemText("planning.row.notNumber", text));
        }
    }

    /** Point features; {@code weight} if it is a number (else 1), {@code label} or else {@code name} if text. */
    private static List<Point> geoJson(Path file, CoordinateSystem crs) throws IOException {
        List<Point> points = new ArrayList<>();
        try (GeoJsonPoints features = new GeoJsonPoints(file)) {
            for (GeoJsonPoints.Feature f = features.next(); f != null; f = features.next()) {
                GeoJsonPoints.Position position = f.position();
                if (position == null) throw ApiException.invalid("file", "planning.feature.notPoint", f.index());
                GeoJsonPoints.Value weight = f.properties().get("weight");
                String label = text(f.properties().get("label"));
                if (label == null) label = text(f.properties().get("name"));
                try {
                    LatLng at = new LatLng(Double.parseDouble(position.lat()), Double.parseDouble(position.lng()));
                    points.add(new Point(
                            crs.toWgs84(at),
                            weight != null && weight.kind() == GeoJsonPoints.Kind.NUMBER
                                    ? Double.parseDouble(weight.text())
                                    : 1,
                            label));
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid("file", "planning.feature.invalid", f.index(), reason(e));
                }
                if (points.size() > MAX_POINTS) throw ApiException.invalid("file", "planning.file.tooMany", MAX_POINTS);
            }
        }
        if (points.isEmpty()) throw ApiException.invalid("file", "planning.file.noPoints");
        return points;
    }

    /** Why a row or feature cannot be read, in words of the bundle: our own reasons, else coordinates out of range. */
    private static ProblemText reason(IllegalArgumentException e) {
        if (e instanceof RowProblem row) return row.text;
        if (e instanceof NumberFormatException) return new ProblemText("planning.row.notNumber", "");
        return new ProblemText("planning.row.range");
    }

    /** A row's value the planner cannot use, said as a text of the bundle. */
    private static final class RowProblem extends IllegalArgumentException {
        private final ProblemText text;

        RowProblem(ProblemText text) {
            super(text.key());
            this.text = text;
        }
    }

    private static @Nullable String text(GeoJsonPoints.@Nullable Value value) {
        return value != null && value.kind() == GeoJsonPoints.Kind.STRING ? value.text() : null;
    }
}
