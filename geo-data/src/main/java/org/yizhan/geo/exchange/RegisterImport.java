package org.yizhan.geo.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Reads a register file row by row. Opening checks the file as a whole (format, header row,
 * required columns) and throws {@link RegisterFormatException} if it cannot be imported at all;
 * each data row then comes back as an {@link ImportRow} with a WGS-84 record or its problems.
 * Blank rows are skipped. Not thread-safe; close it (or the {@link #rows()} stream) when done.
 *
 * <pre>{@code
 * try (RegisterImport in = RegisterImport.open(path, RegisterFormat.XLSX, ImportOptions.defaults())) {
 *   in.rows().forEach(row -> ...);
 * }
 * }</pre>
 */
public final class RegisterImport implements Iterator<ImportRow>, Closeable {

    private final RowSource source;
    private final RowValidator validator;
    private final @Nullable Path spooled;
    private @Nullable ImportRow next;
    private boolean ended;

    private RegisterImport(RowSource source, ImportOptions options, @Nullable Path spooled) {
        this.source = source;
        this.validator = new RowValidator(options);
        this.spooled = spooled;
    }

    /**
     * Opens a file. XLSX and CSV are read from the path with random access or twice (encoding
     * detection), a GeoPackage is an SQLite database and a Shapefile zip is unpacked, which is why
     * the input is a file.
     *
     * @throws RegisterFormatException if the file cannot be imported at all
     * @throws IllegalArgumentException for {@link RegisterFormat#KML}, which is written only
     */
    public static RegisterImport open(Path file, RegisterFormat format, ImportOptions options) throws IOException {
        return new RegisterImport(source(file, format), options, null);
    }

    /**
     * Copies {@code in} to a temporary file, deleted on {@link #close()}, and opens that; for uploads
     * that arrive as a stream. Does not close {@code in}.
     */
    public static RegisterImport open(InputStream in, RegisterFormat format, ImportOptions options) throws IOException {
        Path temp = Files.createTempFile("yizhan-import-", "." + format.extension());
        try {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            return new RegisterImport(source(temp, format), options, temp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static RowSource source(Path file, RegisterFormat format) throws IOException {
        return switch (format) {
            case XLSX -> new TabularSource(TableRows.xlsx(file));
            case CSV -> new TabularSource(TableRows.csv(file));
            case GEOJSON -> new GeoJsonRowSource(file);
            case GEOPACKAGE -> new GeoPackageRowSource(file);
            case SHAPEFILE -> new ShapefileRowSource(file);
            case KML -> throw new IllegalArgumentException("KML is an export format only");
        };
    }

    /**
     * Headers that name no register column, as written; they are ignored. For GeoJSON, the
     * property names seen so far: complete once every row has been read.
     */
    public List<String> unknownHeaders() {
        return source.unknownHeaders();
    }

    /** @throws RegisterFormatException if the file turns out to be broken part-way through */
    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            try {
                RawRow raw = source.next();
                if (raw == null) {
                    ended = true;
                } else {
                    next = validator.validate(raw);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public ImportRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportRow row = Objects.requireNonNull(next, "hasNext() has read the next row");
        next = null;
        return row;
    }

    /** The remaining rows, lazily; closing the stream closes this import. */
    public Stream<ImportRow> rows() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public void close() throws IOException {
        try {
            source.close();
        } finally {
            if (spooled != null) {
                Files.deleteIfExists(spooled);
            }
        }
    }
}
