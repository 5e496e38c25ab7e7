package org.yizhan.locator.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.yizhan.geo.station.StationRecord;

/**
 * A temporary table holding the valid rows of one import, so matching, checking and writing are
 * set-based SQL instead of one round trip per row. Rows go in through one {@code COPY ... FROM
 * STDIN} as they are read and checked, so the file is parsed while PostgreSQL stores what came
 * before. Dropped at the end of the transaction.
 *
 * <p>{@code ord} numbers the rows without a code per division in file order: a row that turns out
 * new gets code number {@code first + ord - 1} of its division's block, without a sort.
 */
final class ImportStaging implements AutoCloseable {

    static final String COLUMNS =
            "row_no, code, name, name_en, address, lng, lat, adcode, host_type, host_organisation,"
                    + " contact_person, contact_phone, opening_hours, always_open, amenities, status, floor_area, ord";

    private static final int FLUSH_BYTES = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder line = new StringBuilder(512);
    private final Map<String, Integer> ords = new HashMap<>();
    private byte[] buffer = new byte[FLUSH_BYTES * 2];
    private int used;
    private int rows;
    private boolean open = true;

    ImportStaging(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE import_row (
                        row_no integer NOT NULL, code varchar(14), name varchar(100) NOT NULL, name_en varchar(150),
                        address varchar(200) NOT NULL, lng double precision NOT NULL, lat double precision NOT NULL,
                        adcode varchar(6) NOT NULL, host_type varchar(12) NOT NULL, host_organisation varchar(100) NOT NULL,
                        contact_person varchar(50) NOT NULL, contact_phone varchar(30) NOT NULL,
                        opening_hours varchar(255) NOT NULL, always_open boolean NOT NULL, amenities varchar(40)[] NOT NULL,
                        status varchar(12) NOT NULL, floor_area double precision, ord integer,
                        match_id bigint, action varchar(10)
                    ) ON COMMIT DROP""");
        }
        copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY import_row (" + COLUMNS + ") FROM STDIN");
    }

    int rows() {
        return rows;
    }

    void add(int rowNumber, StationRecord r, boolean alwaysOpen) {
        line.setLength(0);
        line.append(rowNumber).append('\t');
        text(r.code()).append('\t');
        text(r.name()).append('\t');
        text(r.nameEn()).append('\t');
        text(r.address()).append('\t');
        line.append(r.lng()).append('\t').append(r.lat()).append('\t');
        text(r.adcode()).append('\t');
        text(r.hostType()).append('\t');
        text(r.hostOrganisation()).append('\t');
        text(r.contactPerson()).append('\t');
        text(r.contactPhone()).append('\t');
        text(r.openingHours()).append('\t');
        line.append(alwaysOpen ? 't' : 'f').append('\t');
        // Amenity keys are [a-z_] (StationRecord checks them), so the array literal needs no quoting.
        line.append('{').append(String.join(",", r.amenities())).append('}').append('\t');
        text(r.status()).append('\t');
        if (r.floorArea() == null) line.append("\\N");
        else line.append(r.floorArea().doubleValue());
        line.append('\t');
        if (r.code() == null) line.append(ords.merge(r.adcode(), 1, Integer::sum));
        else line.append("\\N");
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        if (used + bytes.length > buffer.length) {
            flush();
            if (bytes.length > buffer.length) buffer = new byte[bytes.length * 2];
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
        rows++;
        if (used >= FLUSH_BYTES) flush();
    }

    /** COPY's text format: backslash escapes for the delimiter, line breaks and backslash; \N is null. */
    private StringBuilder text(@Nullable String value) {
        if (value == null) return line.append("\\N");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                // PostgreSQL text cannot hold NUL; a file that has one gets the replacement character.
                case '\0' -> line.append('\uFFFD');
                default -> line.append(c);
            }
        }
        return line;
    }

    private void flush() {
        if (used == 0) return;
        try {
            copy.writeToCopy(buffer, 0, used);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("COPY into the import staging table failed", e));
        }
        used = 0;
    }

    /** Ends the COPY: every added row is in {@code import_row}. */
    void finish() throws SQLException {
        flush();
        open = false;
        copy.endCopy();
    }

    /** Abandons an unfinished COPY (the file turned out unreadable); the transaction rolls back anyway. */
    @Override
    public void close() {
        if (!open) return;
        open = false;
        try {
            if (copy.isActive()) copy.cancelCopy();
        } catch (SQLException ignored) {
            // the connection reports the failure on its next use; the transaction is rolled back
        }
    }
}
