package org.yizhan.geo.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a minimal workbook the way Excel stores text, as indices into a shared-strings table, which
 * is the import's worst case for memory (the whole table is held). Rows come from a function and
 * are generated twice, once for the table and once for the sheet, so that writing holds nothing.
 */
final class ExcelStyleXlsx {

    private ExcelStyleXlsx() {}

    static void write(Path file, List<String> header, int rows, IntFunction<List<Object>> row) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            entry(zip, w, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
          <Default Extension="xml" ContentType="application/xml"/>\
          <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
          <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
          <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
          </Types>""");
            entry(zip, w, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
          </Relationships>""");
            entry(zip, w, "xl/workbook.xml", """
          <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
          xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
          <sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, w, "xl/_rels/workbook.xml.rels", """
          <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
          </Relationships>""");

            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            w.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            for (String h : header) {
                w.write("<si><t>" + escape(h) + "</t></si>");
            }
            for (int r = 0; r < rows; r++) {
                for (Object v : row.apply(r)) {
                    if (v instanceof String s) {
                        w.write("<si><t>" + escape(s) + "</t></si>");
                    }
                }
            }
            w.write("</sst>");
            w.flush();
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            w.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
            int next = 0;
            for (int c = 0; c < header.size(); c++) {
                w.write("<c t=\"s\"><v>" + next++ + "</v></c>");
            }
            w.write("</row>");
            for (int r = 0; r < rows; r++) {
                w.write("<row r=\"" + (r + 2) + "\">");
                for (Object v : row.apply(r)) {
                    if (v instanceof String) {
                        w.write("<c t=\"s\"><v>" + next++ + "</v></c>");
                    } else {
                        w.write("<c><v>" + v + "</v></c>");
                    }
                }
                w.write("</row>");
            }
            w.write("</sheetData></worksheet>");
            w.flush();
            zip.closeEntry();
        }
    }

    private static void entry(ZipOutputStream zip, Writer w, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        w.write(xml);
        w.flush();
        zip.closeEntry();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
