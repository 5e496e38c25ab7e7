package org.yizhan.locator.importing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did or would do. Counts cover every row; {@code problems} and {@code preview}
 * are capped so a 100,000-row sheet gives a readable answer.
 */
public record ImportReport(
        String fileName,
        int rows,
        int created,
        int updated,
        int unchanged,
        int rejected,
        List<Problem> problems,
        int problemCount,
        List<String> unknownHeaders,
        List<Warning> warnings,
        List<PreviewRow> preview,
        boolean committed) {

    /**
     * A reason a row cannot be imported, as the union sees it in Excel: row number, column header,
     * what is wrong in the caller's language, the station's name as the row gives it (null if the
     * row has none), and the reason's key for programs (e.g. {@code import.row.phone}).
     */
    public record Problem(
            int row,
            @Nullable String column,
            String message,
            @Nullable String name,
            String reason) {

        Problem naming(@Nullable String stationName) {
            return name != null || stationName == null ? this : new Problem(row, column, message, stationName, reason);
        }
    }

    /** A likely duplicate of an existing station; the row is still imported. */
    public record Warning(int row, String code, String name, double distanceMeters, String message) {}

    /** One row's outcome; after a commit {@code code} is the new station's code for created rows. */
    public record PreviewRow(
            int row,
            String action,
            @Nullable String code,
            @Nullable String name) {}
}
