package org.yizhan.geo.exchange;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why one row of a register cannot be taken as it is: a reason key and the values it names, not
 * words, so a service can say it in its reader's language. The keys are those of the service's
 * message bundle ({@code import.row.*}, and {@code hours.*.detail} for opening hours); each
 * {@code {n}} in the message is {@code values.get(n)}.
 *
 * @param row the row as the user sees it: in a spreadsheet or CSV the header is row 1; in GeoJSON
 *     the 1-based position of the feature in {@code features}
 * @param column the header as written in the file (or {@code geometry}), or {@code null} when the
 *     problem concerns the whole row
 * @param reason the message key, e.g. {@code import.row.phone}
 * @param values what the message names (the value as written, a limit, a division), as strings
 *     and numbers
 */
public record RowProblem(int row, @Nullable String column, String reason, List<Object> values) {

    public RowProblem {
        values = List.copyOf(values);
    }

    public RowProblem(int row, @Nullable String column, String reason, Object... values) {
        this(row, column, reason, List.of(values));
    }
}
