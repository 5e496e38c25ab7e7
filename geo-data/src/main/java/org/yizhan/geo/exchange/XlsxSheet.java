package org.yizhan.geo.exchange;

import java.io.CharConversionException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;

/**
 * The first sheet of an {@code .xlsx} file, pulled row by row with StAX from the sheet's XML. The
 * DOM model ({@code XSSFWorkbook}) would hold every cell; this holds one row plus the shared
 * strings table, which Excel's own files use for every text cell. POI's zip-bomb limits apply.
 * Everything that takes spreadsheets (the register import, planning uploads) reads through it,
 * by way of {@link TableRows#xlsx}.
 */
public final class XlsxSheet implements java.io.Closeable {

    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private int lastRow;

    /** Opens the first sheet; a file that is not a readable workbook is a {@link RegisterFormatException}. */
    public XlsxSheet(Path file) throws IOException {
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException
                | OpenXML4JRuntimeException
                | POIXMLException
                | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw notXlsx(e);
        }
        try {
            strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new RegisterFormatException(FileReason.XLSX_NO_SHEET);
            }
            sheet = sheets.next();
            xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
        } catch (OpenXML4JException
                | SAXException
                | XMLStreamException
                | POIXMLException
                | ZipException
                | EOFException
                | UnsupportedEncodingException
                | CharConversionException e) {
            // A part that does not inflate or names an unknown encoding is damage, not an I/O failure.
            pkg.revert();
            throw notXlsx(e);
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    private static RegisterFormatException notXlsx(Exception e) {
        return new RegisterFormatException(FileReason.XLSX_UNREADABLE, e, RegisterFormatException.diagnostic(e));
    }

    /** The row number (1-based, as Excel shows it) of the row last returned by {@link #nextRow()}. */
    public int rowNumber() {
        return lastRow;
    }

    /** The next row's cells as text (missing cells as ""), or {@code null} at the end of the sheet. */
    public @Nullable List<String> nextRow() {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("row")) {
                    String r = xml.getAttributeValue(null, "r");
                    lastRow = r == null ? lastRow + 1 : Integer.parseInt(r);
                    return readCells();
                }
            }
            return null;
        } catch (XMLStreamException | NumberFormatException e) {
            throw new RegisterFormatException(
                    FileReason.XLSX_BROKEN_XML, e, lastRow, RegisterFormatException.diagnostic(e));
        }
    }

    private List<String> readCells() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                String type = xml.getAttributeValue(null, "t");
                int column = ref == null ? cells.size() : columnIndex(ref);
                String value = readCell(type);
                while (cells.size() <= column) {
                    cells.add("");
                }
                cells.set(column, value);
            }
        }
        return cells;
    }

    /** Reads a {@code <c>} element's content up to its end tag. */
    private String readCell(@Nullable String type) throws XMLStreamException {
        String value = "";
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "v" -> value = cellValue(type, xml.getElementText());
                case "is" -> value = inlineString();
                default -> {}
            }
        }
        return value;
    }

    private String cellValue(@Nullable String type, String v) {
        if ("s".equals(type)) {
            int index = Integer.parseInt(v.strip());
            try {
                return strings.getItemAt(index).getString();
            } catch (IllegalStateException | IndexOutOfBoundsException e) {
                // POI's message lists the whole table of shared texts; the user needs the row.
                throw new RegisterFormatException(FileReason.XLSX_SHARED_TEXT, lastRow, index);
            }
        }
        if (type == null || type.equals("n")) {
            return number(v);
        }
        return v; // str (formula result), b, e
    }

    /** Rich-text runs concatenated; phonetic guides ({@code <rPh>}) skipped. */
    private String inlineString() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("is")) {
                    break;
                }
                if (xml.getLocalName().equals("rPh")) {
                    phonetic--;
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phonetic++;
                } else if (xml.getLocalName().equals("t") && phonetic == 0) {
                    text.append(xml.getElementText());
                }
            }
        }
        return text.toString();
    }

    /**
     * Numbers as a person typed them: Excel stores 13800000000 as {@code 1.38E10} and 39.9042 as
     * {@code 39.904200000000003}; both come back in their shortest plain form.
     */
    static String number(String v) {
        try {
            double d = Double.parseDouble(v);
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return BigDecimal.valueOf(d).toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** Excel's last column, XFD. */
    static final int MAX_COLUMNS = 16_384;

    /**
     * The 0-based column of a cell reference: {@code "C12"} → 2. A reference that names no
     * column Excel can have is damage; taking it at its word could ask for millions of cells.
     */
    int columnIndex(String ref) {
        int index = 0;
        int i = 0;
        for (; i < ref.length() && index <= MAX_COLUMNS; i++) {
            char c = ref.charAt(i);
            if (c >= 'a' && c <= 'z') c = (char) (c - 'a' + 'A');
            if (c < 'A' || c > 'Z') break;
            index = index * 26 + (c - 'A' + 1);
        }
        if (index == 0 || index > MAX_COLUMNS || (i < ref.length() && !Character.isDigit(ref.charAt(i)))) {
            throw new RegisterFormatException(FileReason.XLSX_BAD_COLUMN, lastRow, abbreviated(ref));
        }
        return index - 1;
    }

    private static String abbreviated(String text) {
        return text.length() <= 12 ? text : text.substring(0, 12) + "…";
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            sheet.close();
            pkg.revert(); // opened read-only: revert closes without trying to save
        }
    }
}
