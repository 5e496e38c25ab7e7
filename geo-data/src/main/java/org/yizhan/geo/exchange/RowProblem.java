package org.yizhan.geo.exchange;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.MessageReason;

/**
 * Why one row of a register cannot be taken as it is: a {@link RowReason} and the values it names,
 * not words, so a service can say it in its reader's language from its message bundle, where each
 * {@code {n}} in the message of {@link #key()} is {@code values.get(n)}.
 *
 * @param row the row as the user sees it: in a spreadsheet or CSV the header is row 1; in GeoJSON
 *     the 1-based position of the feature in {@code features}
 * @param column the header as written in the file (or {@code geometry}), or {@code null} when the
 *     problem concerns the whole row
 * @param reason why, e.g. {@link RowReason#PHONE}
 * @param values what the message names (the value as written, a limit, a division), as strings
 *     and numbers: exactly as many as the reason's {@link RowReason#arity()}
 */
public record RowProblem(int row, @Nullable String column, RowReason reason, List<Object> values) {

    /**
     * @throws IllegalArgumentException if {@code values} are not as many as the reason names: a
     *     message would show a bare placeholder
     */
    public RowProblem {
        values = MessageReason.valuesOf(reason, reason.arity(), values);
    }

    public RowProblem(int row, @Nullable String column, RowReason reason, Object... values) {
        this(row, column, reason, List.of(values));
    }

    /** The message key of {@link #reason()}, e.g. {@code import.row.phone}. */
    public String key() {
        return reason.key();
    }
}
