package org.yizhan.locator.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads every active station into a {@link StationSnapshot} with one binary {@code COPY ... TO
 * STDOUT}: PostgreSQL streams the rows as it reads them, and the fields go from the wire into the
 * snapshot's columns and records as bytes, with no string, timestamp or row object per station.
 * The columns are selected in the order of the snapshot's record (see
 * {@link StationSnapshot.Builder}), so each field is copied or numbered as it comes.
 */
final class StationLoader {

    /** Record order; the first four go to columns (id, coordinates, always open). */
    static final String SELECT = """
            SELECT s.id::int8, ST_Y(s.location::geometry)::float8, ST_X(s.location::geometry)::float8,
                   s.always_open, s.code::text, s.name::text, s.name_en::text, s.address::text, s.adcode::text,
                   s.host_type::text, s.host_organisation::text, s.contact_person::text, s.contact_phone::text,
                   s.opening_hours::text, s.amenities::text[], s.status::text, s.status_reason::text,
                   s.floor_area::float8, s.created_at, s.updated_at, s.version::int8, s.last_verified_at,
                   s.closed_alarm_at
              FROM station s WHERE s.status = 'active'""";

    private static final int COLUMNS = 23;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final CopyOut copy;
    private byte[] buf = new byte[0];
    private int pos, limit;

    private StationLoader(CopyOut copy) {
        this.copy = copy;
    }

    /** Every active station, read through {@code connection} (any transaction state). */
    static StationSnapshot load(
            Connection connection, AmenityBits bits, StationSnapshot.Dictionaries dictionaries, int expected)
            throws SQLException {
        CopyOut copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyOut("COPY (" + SELECT + ") TO STDOUT (FORMAT binary)");
        StationSnapshot.Builder builder = new StationSnapshot.Builder(bits, dictionaries, expected);
        try {
            new StationLoader(copy).read(builder);
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
        return builder.build();
    }

    private void read(StationSnapshot.Builder b) throws SQLException {
        ensure(SIGNATURE.length + 8);
        if (!Arrays.equals(buf, pos, pos + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length))
            throw new SQLException("not a binary COPY stream");
        pos += SIGNATURE.length + 4;
        int extension = int32();
        ensure(extension);
        pos += extension;
        StationSnapshot.Dictionaries d = b.dictionaries;
        while (true) {
            ensure(2);
            int fields = int16();
            if (fields == -1) break;
            if (fields != COLUMNS) throw new SQLException("expected " + COLUMNS + " columns, got " + fields);
            long id = int64Field();
            double lat = Double.longBitsToDouble(int64Field());
            double lng = Double.longBitsToDouble(int64Field());
            int len = length();
            boolean alwaysOpen = len > 0 && buf[pos] != 0;
            if (len > 0) pos += len;
            b.begin(id, lat, lng, alwaysOpen);
            text(b); // code
            text(b); // name
            text(b); // name_en
            text(b); // address
            dictionary(b, d.adcode);
            dictionary(b, d.hostType);
            dictionary(b, d.hostOrganisation);
            text(b); // contact_person
            text(b); // contact_phone
            b.hours(dictionary(b, d.hours));
            amenities(b);
            dictionary(b, d.status);
            dictionary(b, d.statusReason);
            len = length();
            b.floorArea(len >= 0, len >= 0 ? Double.longBitsToDouble(int64()) : 0);
            b.postgresInstant(int64Field());
            b.postgresInstant(int64Field());
            b.signed(int64Field());
            for (int i = 0; i < 2; i++) {
                len = length();
                b.flag(len >= 0);
                if (len >= 0) b.postgresInstant(int64());
            }
            b.end();
        }
        while (copy.readFromCopy() != null) {
            // the end of the stream: nothing follows the trailer
        }
    }

    private void text(StationSnapshot.Builder b) throws SQLException {
        int len = length();
        b.text(buf, pos, len);
        if (len > 0) pos += len;
    }

    private int dictionary(StationSnapshot.Builder b, TextDictionary dictionary) throws SQLException {
        int len = length();
        int code = b.dictionary(dictionary, buf, pos, len);
        if (len > 0) pos += len;
        return code;
    }

    /** A text[]: its bits, and the keys themselves unless they are the bits in vocabulary order. */
    private void amenities(StationSnapshot.Builder b) throws SQLException {
        int len = length();
        if (len < 0) {
            b.unsigned(0);
            return;
        }
        int end = pos + len;
        int dims = int32();
        pos += 8; // has-nulls flag, element type
        int count = 0;
        for (int i = 0; i < dims; i++) {
            count = int32();
            pos += 4; // lower bound
        }
        int first = pos;
        long mask = 0;
        int previous = -1;
        boolean canonical = true;
        for (int i = 0; i < count; i++) {
            int n = int32();
            int bit = n < 0 ? -1 : b.bits.bit(buf, pos, n);
            if (bit < 0 || bit <= previous) canonical = false;
            if (bit >= 0) mask |= 1L << bit;
            previous = Math.max(previous, bit);
            if (n > 0) pos += n;
        }
        b.amenityBits(mask);
        if (canonical) {
            b.unsigned(0);
        } else {
            b.unsigned(count + 1L);
            pos = first;
            for (int i = 0; i < count; i++) {
                int n = int32();
                b.text(buf, pos, Math.max(n, 0));
                if (n > 0) pos += n;
            }
        }
        pos = end;
    }

    /** A field's length, with the whole field now in the buffer; -1 for null. */
    private int length() throws SQLException {
        ensure(4);
        int len = int32();
        if (len > 0) ensure(len);
        return len;
    }

    private long int64Field() throws SQLException {
        int len = length();
        if (len != 8) throw new SQLException("expected an 8-byte value, got " + len);
        return int64();
    }

    private int int16() {
        int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
        pos += 2;
        return (short) v;
    }

    private int int32() {
        int v = ((buf[pos] & 0xff) << 24)
                | ((buf[pos + 1] & 0xff) << 16)
                | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    private long int64() {
        long hi = int32() & 0xffffffffL, lo = int32() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /**
     * At least {@code n} unread bytes in {@link #buf}. PostgreSQL sends one message per row, so
     * usually the next message is taken as it is; a field across messages is joined in a copy.
     */
    private void ensure(int n) throws SQLException {
        while (limit - pos < n) {
            byte[] next = copy.readFromCopy();
            if (next == null) throw new SQLException("the COPY stream ended early");
            if (pos == limit) {
                buf = next;
                pos = 0;
                limit = next.length;
            } else {
                byte[] joined = new byte[limit - pos + next.length];
                System.arraycopy(buf, pos, joined, 0, limit - pos);
                System.arraycopy(next, 0, joined, limit - pos, next.length);
                buf = joined;
                limit = joined.length;
                pos = 0;
            }
        }
    }
}
