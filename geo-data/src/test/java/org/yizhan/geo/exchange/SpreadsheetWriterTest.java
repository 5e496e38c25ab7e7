package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule against formula injection, and both writers that apply it. */
class SpreadsheetWriterTest {

    /** OWASP's list of characters that start a formula or DDE command, spelt out independently. */
    private static final List<Character> RISKY = List.of('=', '+', '-', '@', '\t', '\r');

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+86 139", "-1+2", "-10", "@SUM(A1)", "\tx", "\rx", "'=x", "''-x"})
    void textStartingWithARiskyCharacterAfterAnyApostrophesGetsOneMore(String text) {
        String stripped = text.replaceFirst("^'*", "");
        assertThat(RISKY).contains(stripped.charAt(0));

        assertThat(SpreadsheetWriter.neutralise(text)).isEqualTo("'" + text);
        assertThat(SpreadsheetWriter.unneutralise(SpreadsheetWriter.neutralise(text)))
                .isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "'", "''", "热水", "1-2", "a=b", "'abc", " =x"})
    void harmlessTextIsLeftAlone(String text) {
        assertThat(SpreadsheetWriter.neutralise(text)).isEqualTo(text);
        assertThat(SpreadsheetWriter.unneutralise(text)).isEqualTo(text);
    }

    @Test
    void csvHasABomQuotesByRfc4180WritesNumbersPlainlyAndNeutralisesText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetWriter csv = SpreadsheetWriter.csv(out, List.of("a", "b", "c", "d"))) {
            csv.row(Arrays.asList(-12.5, "-12.5", null, "x,\"y\"\nz"));
            csv.row(Arrays.asList(1e-7, 42, true, "=cmd|' /C calc'!A0"));
        }
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFa,b,c,d\r\n");

        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records.get(1).toList()).containsExactly("-12.5", "'-12.5", "", "x,\"y\"\nz");
        assertThat(records.get(2).toList()).containsExactly("0.00000010", "42", "true", "'=cmd|' /C calc'!A0");
        assertThat(Double.parseDouble(records.get(2).get(0)))
                .isEqualTo(1e-7); // never E notation, which Excel shows as text
    }

    @Test
    void xlsxKeepsNumbersNumericAndNeutralisesText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetWriter xlsx = SpreadsheetWriter.xlsx(out, "sheet", List.of("n", "t", "empty"))) {
            xlsx.row(Arrays.asList(-3.25, "-3.25", null));
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row header = wb.getSheet("sheet").getRow(0);
            List<String> names = new ArrayList<>();
            header.forEach(c -> names.add(c.getStringCellValue()));
            assertThat(names).containsExactly("n", "t", "empty");
            Row row = wb.getSheet("sheet").getRow(1);
            Cell number = row.getCell(0);
            assertThat(number.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(number.getNumericCellValue()).isEqualTo(-3.25);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'-3.25");
            assertThat(row.getCell(2)).isNull();
        }
    }
}
