package org.yizhan.locator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Uploads damaged the way real ones are: inside a workbook's XML, or cut short. */
public final class DamagedFiles {

    private DamagedFiles() {}

    /**
     * A workbook of {@code rows} (the first a header) whose cell B3 says it is at {@code ref}
     * instead: Excel's last column is XFD, so {@code AAAAAAA3} names no column of a sheet.
     */
    public static byte[] workbookWithCellAt(List<List<String>> rows, String ref) {
        ByteArrayOutputStream book = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("台账");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++)
                    row.createCell(c).setCellValue(rows.get(r).get(c));
            }
            wb.write(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withEntry(book.toByteArray(), "xl/worksheets/sheet1.xml", xml -> {
            String edited = xml.replace("r=\"B3\"", "r=\"" + ref + "\"");
            assertThat(edited).as("the workbook has a cell B3").isNotEqualTo(xml);
            return edited;
        });
    }

    /** The first {@code fraction} of {@code file}: an upload or a copy that broke off. */
    public static byte[] cutShort(byte[] file, double fraction) {
        return java.util.Arrays.copyOf(file, (int) (file.length * fraction));
    }

    private static byte[] withEntry(byte[] zip, String name, java.util.function.UnaryOperator<String> edit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(name))
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
