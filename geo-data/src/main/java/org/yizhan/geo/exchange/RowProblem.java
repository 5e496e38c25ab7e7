package org.yizhan.geo.exchange;

import org.jspecify.annotations.Nullable;

/**
 * Why one row of a register cannot be taken as it is.
 *
 * @param row the row as the user sees it: in a spreadsheet or CSV the header is row 1; in GeoJSON
 *     the 1-based position of the feature in {@code features}
 * @param column the header as written in the file (or {@code geometry}), or {@code null} when the
 *     problem concerns the whole row
 * @param message for the union clerk who will fix the row
 */
public record RowProblem(int row, @Nullable String column, String message) {}
