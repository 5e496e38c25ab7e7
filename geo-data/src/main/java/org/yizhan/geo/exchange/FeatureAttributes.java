package org.yizhan.geo.exchange;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The attribute names of a GIS layer (GeoPackage, Shapefile) resolved to register columns. Names
 * match as headers do ({@link RegisterColumn#forHeader}); a Shapefile's {@code .dbf} cuts names to
 * 10 bytes, so a name that is the start of exactly one column's English key or Chinese header
 * ({@code hostOrgani}, {@code 行政区划代}) names that column too. Coordinates always come from the
 * geometry, so attributes called lat/lng are ignored like any unknown name.
 */
final class FeatureAttributes {

    static final String GEOMETRY = GeoJsonRowSource.GEOMETRY;
    private static final int MIN_PREFIX = 2;

    private final Map<String, RegisterColumn> columns = new LinkedHashMap<>();
    private final List<String> unknown = new ArrayList<>();

    /** @throws RegisterFormatException if two attributes name the same column */
    FeatureAttributes(List<String> names) {
        Map<RegisterColumn, String> seen = new EnumMap<>(RegisterColumn.class);
        for (String name : names) {
            RegisterColumn column = resolve(name).orElse(null);
            if (column == null || column == RegisterColumn.LAT || column == RegisterColumn.LNG) {
                unknown.add(name);
            } else if (seen.putIfAbsent(column, name) != null) {
                throw new RegisterFormatException(
                        FileReason.LAYER_DUPLICATE_ATTRIBUTE, seen.get(column), name, column.zh(), column.key());
            } else {
                columns.put(name, column);
            }
        }
    }

    static Optional<RegisterColumn> resolve(String name) {
        Optional<RegisterColumn> exact = RegisterColumn.forHeader(name);
        String n = squash(name);
        if (exact.isPresent()
                || n.codePointCount(0, n.length()) < MIN_PREFIX
                || (n.length() < 4 && n.chars().allMatch(c -> c < 128))) {
            return exact;
        }
        RegisterColumn found = null;
        for (RegisterColumn c : RegisterColumn.values()) {
            if (squash(c.key()).startsWith(n) || squash(c.zh()).startsWith(n)) {
                if (found != null) {
                    return Optional.empty(); // ambiguous: leave it unknown
                }
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String squash(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_*\\-]", "");
    }

    List<String> unknown() {
        return List.copyOf(unknown);
    }

    /** A feature's recognised attributes, read through {@code valueOf} (attribute name to text). */
    Feature row(int number, UnaryOperator<String> valueOf) {
        Feature f = new Feature(number);
        columns.forEach((name, column) -> f.put(column, name, valueOf.apply(name)));
        return f;
    }

    /** A feature being turned into a {@link RawRow}. */
    static final class Feature {
        final int number;
        private final EnumMap<RegisterColumn, RawRow.Cell> cells = new EnumMap<>(RegisterColumn.class);
        private final List<RowProblem> problems = new ArrayList<>();

        Feature(int number) {
            this.number = number;
        }

        void put(RegisterColumn column, String header, String value) {
            cells.put(column, new RawRow.Cell(header, value));
        }

        void problem(RowReason reason, Object... values) {
            problems.add(new RowProblem(number, GEOMETRY, reason, values));
        }

        RawRow build() {
            return new RawRow(number, cells, problems);
        }
    }
}
