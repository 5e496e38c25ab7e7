package org.yizhan.geo.exchange;

import java.util.EnumMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A data row as text, before validation: each recognised column's header as written and value,
 * and problems the file format found already (a GeoJSON feature that is not a point).
 */
record RawRow(int number, EnumMap<RegisterColumn, RawRow.Cell> cells, List<RowProblem> problems) {

    record Cell(String header, String value) {}

    @Nullable
    Cell get(RegisterColumn column) {
        return cells.get(column);
    }
}
