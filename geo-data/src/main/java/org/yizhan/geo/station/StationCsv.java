package org.yizhan.geo.station;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.code.StationCode;

/**
 * Streaming CSV form of {@link StationRecord}: RFC 4180, UTF-8 (the caller's reader/writer decides),
 * a header row with the record's component names, amenities joined with {@code ;}, empty cells
 * for null values. Neither direction holds more than one row in memory.
 */
public final class StationCsv {

    /** Column names, in file order. */
    public static final List<String> HEADER = List.of(
            "code",
            "name",
            "nameEn",
            "address",
            "lat",
            "lng",
            "adcode",
            "hostType",
            "hostOrganisation",
            "contactPerson",
            "contactPhone",
            "openingHours",
            "amenities",
            "status",
            "floorArea");

    private static final CSVFormat WRITE = CSVFormat.RFC4180
            .builder()
            .setHeader(HEADER.toArray(String[]::new))
            .setRecordSeparator('\n')
            .get();

    // Columns are looked up by name, so files with columns in another order still read.
    private static final CSVFormat READ = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .get();

    private StationCsv() {}

    /**
     * Rows of {@code in}, parsed lazily; closing the stream closes {@code in}. A malformed row, or a
     * code whose check character is wrong, fails the stream with an {@link IllegalArgumentException}
     * naming its line.
     */
    public static Stream<StationRecord> read(Reader in) {
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(in).setFormat(READ).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = HEADER.stream()
                .filter(h -> !parser.getHeaderMap().containsKey(h))
                .toList();
        if (!missing.isEmpty()) {
            closeQuietly(parser);
            throw new IllegalArgumentException("CSV lacks columns " + missing);
        }
        Iterator<StationRecord> rows = new Iterator<>() {
            private final Iterator<CSVRecord> it = parser.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public StationRecord next() {
                return toRecord(it.next());
            }
        };
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> closeQuietly(parser));
    }

    private static StationRecord toRecord(CSVRecord r) {
        try {
            String amenities = r.get("amenities");
            String area = r.get("floorArea");
            String code = emptyToNull(r.get("code"));
            if (code != null) {
                StationCode.parse(code); // a wrong check character is a typo, not a station
            }
            return new StationRecord(
                    code,
                    r.get("name"),
                    emptyToNull(r.get("nameEn")),
                    r.get("address"),
                    Double.parseDouble(r.get("lat")),
                    Double.parseDouble(r.get("lng")),
                    r.get("adcode"),
                    r.get("hostType"),
                    r.get("hostOrganisation"),
                    r.get("contactPerson"),
                    r.get("contactPhone"),
                    r.get("openingHours"),
                    amenities.isEmpty()
                            ? List.of()
                            : Arrays.stream(amenities.split(";"))
                                    .map(String::trim)
                                    .toList(),
                    r.get("status"),
                    area.isEmpty() ? null : Double.valueOf(area));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(
                    "line " + r.getParser().getCurrentLineNumber() + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a writer that prints the header now and one row per {@link Writer#write}. */
    public static Writer writer(Appendable out) {
        try {
            return new Writer(new CSVPrinter(out, WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends rows; closing it flushes and closes the underlying output. */
    public static final class Writer implements Closeable {
        private final CSVPrinter printer;

        private Writer(CSVPrinter printer) {
            this.printer = printer;
        }

        public void write(StationRecord s) {
            try {
                printer.printRecord(
                        // Nulls print as empty cells; commons-csv would quote an empty string in the first column.
                        s.code(),
                        s.name(),
                        s.nameEn(),
                        s.address(),
                        s.lat(),
                        s.lng(),
                        s.adcode(),
                        s.hostType(),
                        s.hostOrganisation(),
                        s.contactPerson(),
                        s.contactPhone(),
                        s.openingHours(),
                        String.join(";", s.amenities()),
                        s.status(),
                        s.floorArea());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }
}
