package org.yizhan.geo.exchange;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.station.StationRecord;

/**
 * One data row of an imported register.
 *
 * @param rowNumber as in {@link RowProblem#row()}
 * @param record the station, coordinates in WGS-84; {@code null} exactly when there are problems
 * @param problems every problem found in the row, in column order
 */
public record ImportRow(int rowNumber, @Nullable StationRecord record, List<RowProblem> problems) {

    public ImportRow {
        problems = List.copyOf(problems);
        if ((record == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a row has either a record or problems");
        }
    }

    public boolean isValid() {
        return record != null;
    }
}
