package org.yizhan.geo.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Register rows from GeoJSON Point features ({@link GeoJsonPoints}): each feature's
 * {@code properties} are its columns and its geometry gives {@code lat}/{@code lng}. Each feature
 * brings its own property names, so unknown names accumulate as rows are read.
 */
final class GeoJsonRowSource implements RowSource {

    static final String GEOMETRY = "geometry";

    private final GeoJsonPoints features;
    private final Set<String> unknown = new LinkedHashSet<>();

    GeoJsonRowSource(Path file) throws IOException {
        features = new GeoJsonPoints(file);
    }

    @Override
    public @Nullable RawRow next() {
        GeoJsonPoints.Feature f = features.next();
        if (f == null) {
            return null;
        }
        EnumMap<RegisterColumn, RawRow.Cell> cells = new EnumMap<>(RegisterColumn.class);
        List<RowProblem> problems = new ArrayList<>();
        for (Map.Entry<String, GeoJsonPoints.Value> p : f.properties().entrySet()) {
            RegisterColumn column = RegisterColumn.forHeader(p.getKey()).orElse(null);
            if (column == null || column == RegisterColumn.LAT || column == RegisterColumn.LNG) {
                unknown.add(p.getKey()); // coordinates come from the geometry, never from properties
            } else {
                cells.put(column, new RawRow.Cell(p.getKey(), p.getValue().text()));
            }
        }
        GeoJsonPoints.Position at = f.position();
        if (at == null) {
            RowReason problem = Objects.requireNonNull(f.problem(), "a feature without a position has a problem");
            problems.add(new RowProblem(f.index(), GEOMETRY, problem, f.problemValues()));
        } else {
            cells.put(RegisterColumn.LNG, new RawRow.Cell(GEOMETRY, at.lng()));
            cells.put(RegisterColumn.LAT, new RawRow.Cell(GEOMETRY, at.lat()));
        }
        return new RawRow(f.index(), cells, problems);
    }

    @Override
    public List<String> unknownHeaders() {
        return List.copyOf(unknown);
    }

    @Override
    public void close() throws IOException {
        features.close();
    }
}
