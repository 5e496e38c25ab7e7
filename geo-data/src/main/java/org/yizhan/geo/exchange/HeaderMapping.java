package org.yizhan.geo.exchange;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The header row of a spreadsheet or CSV file, resolved to register columns. */
final class HeaderMapping {

    private final List<String> header;
    private final Map<RegisterColumn, Integer> indexOf = new EnumMap<>(RegisterColumn.class);
    private final List<String> unknown = new ArrayList<>();

    /** @throws RegisterFormatException if a column is named twice or a required one is missing */
    HeaderMapping(int headerRow, List<String> header) {
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            if (h.isEmpty()) {
                continue; // Excel often carries empty, formatted columns to the right of the data.
            }
            RegisterColumn column = RegisterColumn.forHeader(h).orElse(null);
            if (column == null) {
                unknown.add(h);
            } else if (indexOf.putIfAbsent(column, i) != null) {
                throw new RegisterFormatException(
                        FileReason.SHEET_DUPLICATE_COLUMN,
                        header.get(indexOf.get(column)).strip(),
                        h,
                        column.zh(),
                        column.key());
            }
        }
        List<String> missing = new ArrayList<>();
        for (RegisterColumn c : RegisterColumn.values()) {
            if (c.required() && !indexOf.containsKey(c)) {
                missing.add(c.zh() + " (" + c.key() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new RegisterFormatException(FileReason.SHEET_MISSING_COLUMNS, headerRow, String.join(", ", missing));
        }
    }

    /** How many cells of a row are recognised headers; picks the header row below a title row. */
    static long recognised(List<String> cells) {
        return cells.stream()
                .filter(c -> RegisterColumn.forHeader(c).isPresent())
                .count();
    }

    List<String> unknownHeaders() {
        return List.copyOf(unknown);
    }

    /** The row's recognised cells, or {@code null} if every cell is blank. */
    @Nullable
    RawRow row(int number, List<String> values) {
        if (values.stream().allMatch(String::isBlank)) {
            return null;
        }
        EnumMap<RegisterColumn, RawRow.Cell> cells = new EnumMap<>(RegisterColumn.class);
        indexOf.forEach((column, i) -> cells.put(
                column,
                new RawRow.Cell(
                        header.get(i).strip(),
                        i < values.size() ? SpreadsheetWriter.unneutralise(values.get(i)) : "")));
        return new RawRow(number, cells, List.of());
    }
}
