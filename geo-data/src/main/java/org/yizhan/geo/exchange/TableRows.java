package org.yizhan.geo.exchange;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The one reader of tabular files: rows of text cells, pulled one at a time, numbered as the user
 * sees them. The register import and planning uploads both read through it. A file that cannot be
 * read is a {@link RegisterFormatException} whose message says why.
 */
public abstract sealed class TableRows implements Closeable {

    /** GB18030 decodes every GBK file and the few characters GBK lacks. */
    static final Charset GBK = Charset.forName("GB18030");

    /** A row of cells as text, numbered as the user sees it (1 = the first row). */
    public record Line(int number, List<String> cells) {}

    private TableRows() {}

    /**
     * CSV in UTF-8 (with or without BOM) or GBK, the encoding Excel on Chinese Windows saves "CSV"
     * in; comma- or tab-separated. The file is read twice: once to find its encoding, once to
     * parse it.
     *
     * @throws UndecodableTextException if the file is neither, naming the first line that is not
     */
    public static TableRows csv(Path file) throws IOException {
        return new Csv(file);
    }

    /** The first sheet of an {@code .xlsx} file, streamed by {@link XlsxSheet}. */
    public static TableRows xlsx(Path file) throws IOException {
        return new Xlsx(new XlsxSheet(file));
    }

    /** The next row, blank or not, or {@code null} at the end. */
    public abstract @Nullable Line next();

    private static final class Csv extends TableRows {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        Csv(Path file) throws IOException {
            Charset charset = charsetOf(file);
            BufferedReader reader = Files.newBufferedReader(file, charset);
            try {
                reader.mark(1);
                if (reader.read() != '\uFEFF') {
                    reader.reset();
                }
                char delimiter = sniffDelimiter(reader);
                CSVFormat format = CSVFormat.RFC4180
                        .builder()
                        .setDelimiter(delimiter)
                        .setIgnoreEmptyLines(false)
                        .get();
                parser = CSVParser.builder().setReader(reader).setFormat(format).get();
                records = parser.iterator();
            } catch (IOException | RuntimeException e) {
                reader.close();
                throw e;
            }
        }

        @Override
        public @Nullable Line next() {
            try {
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord r = records.next();
                // Record numbers, not line numbers: a quoted cell with a line break is still one Excel row.
                return new Line(Math.toIntExact(r.getRecordNumber()), r.toList());
            } catch (java.io.UncheckedIOException | IllegalStateException e) {
                // The parser's own message names its classes; people get the line and the usual cause.
                long line = Math.max(1, parser.getCurrentLineNumber());
                throw RegisterFormatException.atLine(FileReason.CSV_MALFORMED, line, e);
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static final class Xlsx extends TableRows {
        private final XlsxSheet sheet;

        Xlsx(XlsxSheet sheet) {
            this.sheet = sheet;
        }

        @Override
        public @Nullable Line next() {
            List<String> cells = sheet.nextRow();
            return cells == null ? null : new Line(sheet.rowNumber(), cells);
        }

        @Override
        public void close() throws IOException {
            sheet.close();
        }
    }

    /** Tab-separated text saved with a .csv name is common enough to accept. */
    private static char sniffDelimiter(BufferedReader reader) throws IOException {
        reader.mark(8192);
        char[] head = new char[8192];
        int n = reader.read(head);
        reader.reset();
        String firstLine =
                n <= 0 ? "" : new String(head, 0, n).lines().findFirst().orElse("");
        return firstLine.indexOf(',') < 0 && firstLine.indexOf('\t') >= 0 ? '\t' : ',';
    }

    /** Whether the whole file decodes as UTF-8; anything else is taken for GBK by the callers. */
    static boolean isUtf8(Path file) throws IOException {
        return firstUndecodableLine(file, StandardCharsets.UTF_8) == 0;
    }

    /**
     * UTF-8 if the whole file decodes as UTF-8, else GB18030 if it decodes as that. Deciding up
     * front means a stray byte is a clear refusal naming its line, never a decoder error half-way
     * through the parse. The line named is where the encoding that reads further stops: a UTF-8
     * file with one stray byte fails as GB18030 near its first Chinese character, and the other
     * way round.
     */
    private static Charset charsetOf(Path file) throws IOException {
        long utf8Stops = firstUndecodableLine(file, StandardCharsets.UTF_8);
        if (utf8Stops == 0) return StandardCharsets.UTF_8;
        long gbkStops = firstUndecodableLine(file, GBK);
        if (gbkStops > 0) throw new UndecodableTextException(Math.max(utf8Stops, gbkStops));
        return GBK;
    }

    /** The 1-based line of the first byte sequence {@code charset} cannot decode, or 0 if there is none. */
    private static long firstUndecodableLine(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                end = n < 0;
                if (n > 0) {
                    in.position(in.position() + n);
                }
                in.flip();
                boolean error = decoder.decode(in, out, end).isError();
                line += newlines(out);
                if (error) return line;
                in.compact();
                out.clear();
            }
            boolean error = decoder.flush(out).isError();
            return error ? line + newlines(out) : 0;
        }
    }

    private static int newlines(CharBuffer decoded) {
        int count = 0;
        for (int i = 0; i < decoded.position(); i++) {
            if (decoded.get(i) == '\n') count++;
        }
        return count;
    }
}
