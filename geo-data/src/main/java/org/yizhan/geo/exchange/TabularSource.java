package org.yizhan.geo.exchange;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.exchange.TableRows.Line;

/**
 * Rows of a spreadsheet or CSV file. Registers often open with a title row (乌海市户外劳动者服务站点
 * 台账) above the headers, so the header row is the first of the first few rows that names at
 * least three register columns; without one, the first non-blank row is taken and refused.
 */
final class TabularSource implements RowSource {

    private static final int HEADER_SEARCH_ROWS = 10;
    private static final int HEADER_MIN_COLUMNS = 3;

    private final TableRows rows;
    private @Nullable HeaderMapping mapping;

    /** Reads {@code rows} up to the header row; closes them if that fails. */
    TabularSource(TableRows rows) throws IOException {
        this.rows = rows;
        try {
            readHeader();
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    private @Nullable Line readLine() {
        return rows.next();
    }

    private void readHeader() {
        Line first = null;
        for (int i = 0; i < HEADER_SEARCH_ROWS; i++) {
            Line line = readLine();
            if (line == null) {
                break;
            }
            if (line.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (HeaderMapping.recognised(line.cells()) >= HEADER_MIN_COLUMNS) {
                mapping = new HeaderMapping(line.number(), line.cells());
                return;
            }
            if (first == null) {
                first = line;
            }
        }
        if (first == null) {
            throw new RegisterFormatException(FileReason.SHEET_EMPTY);
        }
        mapping = new HeaderMapping(first.number(), first.cells()); // throws, naming what is missing
    }

    @Override
    public @Nullable RawRow next() {
        if (mapping == null) {
            throw new IllegalStateException("readHeader() first");
        }
        for (Line line; (line = readLine()) != null; ) {
            RawRow row = mapping.row(line.number(), line.cells());
            if (row != null) {
                return row;
            }
        }
        return null;
    }

    @Override
    public List<String> unknownHeaders() {
        return mapping == null ? List.of() : mapping.unknownHeaders();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
