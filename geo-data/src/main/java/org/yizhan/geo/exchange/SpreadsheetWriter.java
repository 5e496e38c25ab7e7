package org.yizhan.geo.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * The one writer of CSV and XLSX files people open in a spreadsheet, and the one rule that keeps
 * their text from running as a formula. A cell is a {@link Number} (a numeric cell; in CSV its
 * plain decimal text), {@code null} (empty), or anything else, written as its text after
 * {@link #neutralise}. Rows stream: CSV through Commons CSV, XLSX through SXSSF.
 * {@link #close()} finishes the file and flushes, but leaves the stream open.
 */
public abstract sealed class SpreadsheetWriter implements Closeable {

    /** SXSSF keeps this many rows in memory and flushes older ones to a temporary file. */
    private static final int XLSX_WINDOW = 200;

    private SpreadsheetWriter() {}

    /**
     * RFC 4180 CSV in UTF-8 with a byte-order mark, without which Excel reads UTF-8 as the local
     * code page and garbles Chinese; the header row first.
     */
    public static SpreadsheetWriter csv(OutputStream out, List<String> header) throws IOException {
        return new Csv(out, header);
    }

    /** An {@code .xlsx} workbook of one sheet with a bold, frozen header row. */
    public static SpreadsheetWriter xlsx(OutputStream out, String sheetName, List<String> header) {
        return new Xlsx(out, sheetName, header, null);
    }

    /** As {@link #xlsx(OutputStream, String, List)}, with each column's width in characters. */
    static SpreadsheetWriter xlsx(OutputStream out, String sheetName, List<String> header, List<Integer> widths) {
        return new Xlsx(out, sheetName, header, widths);
    }

    /** Writes one row, one cell per value. */
    public abstract void row(List<? extends @Nullable Object> cells) throws IOException;

    /**
     * Text a spreadsheet could take for a formula or a DDE command ({@code = + - @}, tab or carriage
     * return first) gets a leading apostrophe (OWASP "CSV Injection"). Numbers are never text here,
     * so a negative number is not touched, but text such as {@code -1+2} is. The import removes one
     * such apostrophe again ({@link #unneutralise}), so text that already starts with apostrophes
     * before a risky character gets one more, and values survive a round trip.
     */
    public static String neutralise(String text) {
        return risky(text) ? "'" + text : text;
    }

    /** Undoes {@link #neutralise}: what a tabular import does with every cell. */
    static String unneutralise(String text) {
        return text.startsWith("'") && risky(text.substring(1)) ? text.substring(1) : text;
    }

    private static boolean risky(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        char first = text.charAt(i);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** Writes {@code value} into cell {@code c} of {@code row} by the rules above. */
    static void cell(Row row, int c, @Nullable Object value) {
        if (value instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
        } else if (value != null) {
            row.createCell(c).setCellValue(neutralise(value.toString()));
        }
    }

    /** The shortest text that reads back as the same number, never in E notation. */
    static String plain(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue()).toPlainString();
        }
        return n instanceof BigDecimal b ? b.toPlainString() : n.toString();
    }

    private static final class Csv extends SpreadsheetWriter {
        private final CSVPrinter printer;

        Csv(OutputStream out, List<String> header) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            printer.printRecord(header);
        }

        @Override
        public void row(List<? extends @Nullable Object> cells) throws IOException {
            for (Object value : cells) {
                printer.print(
                        value instanceof Number n ? plain(n) : value == null ? null : neutralise(value.toString()));
            }
            printer.println();
        }

        @Override
        public void close() throws IOException {
            printer.flush(); // not close(): that would close the caller's stream
        }
    }

    private static final class Xlsx extends SpreadsheetWriter {
        private final OutputStream out;
        private final SXSSFWorkbook wb = new SXSSFWorkbook(XLSX_WINDOW);
        private final Sheet sheet;
        private int next = 1;

        Xlsx(OutputStream out, String sheetName, List<String> header, @Nullable List<Integer> widths) {
            this.out = out;
            wb.setCompressTempFiles(true);
            sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row row = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                row.createCell(c).setCellValue(header.get(c));
                row.getCell(c).setCellStyle(bold);
                if (widths != null) {
                    sheet.setColumnWidth(c, widths.get(c) * 256);
                }
            }
            sheet.createFreezePane(0, 1);
        }

        @Override
        public void row(List<? extends @Nullable Object> cells) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < cells.size(); c++) {
                cell(row, c, cells.get(c));
            }
        }

        @Override
        public void close() throws IOException {
            try (wb) {
                wb.write(out);
            } finally {
                wb.dispose(); // close() alone leaves the flushed rows' temporary file behind
            }
            out.flush();
        }
    }
}
