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

    /** A reason a row cannot be imported, as the union sees it in Excel: row number and column header. */
    public record Problem(int row, @Nullable String column, String message) {}

    /** A likely duplicate of an existing station; the row is still imported. */
    public record Warning(int row, String code, String name, double distanceMeters, String message) {}

    public record PreviewRow(
            int row,
            String action,
            @Nullable String code,
            @Nullable String name) {}
}
