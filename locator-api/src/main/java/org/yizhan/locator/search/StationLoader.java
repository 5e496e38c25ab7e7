package org.yizhan.locator.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.locator.station.StationRow;

/**
 * Reads every active and suspended station into two {@link StationSnapshot}s with one binary
 * {@code COPY ... TO STDOUT}: PostgreSQL streams the rows as it reads them, and the fields go from
 * the wire into the snapshots' columns and records as bytes, with no string, timestamp or row
 * object per station. Both come from the same scan, so they are of one moment of the register.
 * The columns are selected in the order of the snapshot's record (see
 * {@link StationSnapshot.Builder}), so each field is copied or numbered as it comes. With more
 * than one connection the table is read in parts at once, in one shared snapshot.
 */
final class StationLoader {

    private static final Logger log = LoggerFactory.getLogger(StationLoader.class);

    /**
     * Whether the station is active (which snapshot it goes to), then record order; the first
     * four of those go to columns (id, coordinates, always open).
     */
    static final String SELECT = """
            SELECT s.status = 'active', s.id::int8, ST_Y(s.location::geometry)::float8, ST_X(s.location::geometry)::float8,
                   s.always_open, s.code::text, s.name::text, s.name_en::text, s.address::text, s.adcode::text,
                   s.host_type::text, s.host_organisation::text, s.contact_person::text, s.contact_phone::text,
                   s.opening_hours::text, s.amenities::text[], s.status::text, s.status_reason::text,
                   s.floor_area::float8, s.created_at, s.updated_at, s.version::int8, s.last_verified_at,
                   s.closed_alarm_at
              FROM station s WHERE s.status IN ('active', 'suspended')""";

    private static final int COLUMNS = 24;

    /** The register as a load read it: the active stations for the index, the suspended ones beside it. */
    record Loaded(StationSnapshot active, StationSnapshot suspended) {
        /** The suspended stations as rows, in slot order. */
        List<StationRow> suspendedRows() {
            List<StationRow> rows = new ArrayList<>(suspended.size());
            for (int slot = 0; slot < suspended.size(); slot++) rows.add(suspended.row(slot));
            return rows;
        }
    }

    /** Where a load's rows go by status; the two builders share dictionaries. */
    static final class Sink {
        final StationSnapshot.Builder active, suspended;

        Sink(AmenityBits bits, StationSnapshot.Dictionaries dictionaries, int expectedActive) {
            active = new StationSnapshot.Builder(bits, dictionaries, expectedActive);
            suspended = new StationSnapshot.Builder(bits, dictionaries, Math.max(16, expectedActive / 32));
        }

        /** Adds {@code other}'s stations after these (a load read in parts). */
        void append(Sink other) {
            active.append(other.active);
            suspended.append(other.suspended);
        }
    }

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final CopyOut copy;
    /** This thread's way into each dictionary column, in record order. */
    private final TextDictionary.Shared adcode, hostType, hostOrganisation, hours, status, statusReason;

    private byte[] buf = new byte[0];
    private int pos, limit;

    private StationLoader(CopyOut copy, StationSnapshot.Dictionaries d) {
        this.copy = copy;
        adcode = new TextDictionary.Shared(d.adcode);
        hostType = new TextDictionary.Shared(d.hostType);
        hostOrganisation = new TextDictionary.Shared(d.hostOrganisation);
        hours = new TextDictionary.Shared(d.hours);
        status = new TextDictionary.Shared(d.status);
        statusReason = new TextDictionary.Shared(d.statusReason);
    }

    /** Every active and suspended station, read through {@code connection} (any transaction state). */
    static Loaded load(Connection connection, AmenityBits bits, StationSnapshot.Dictionaries dictionaries, int expected)
            throws SQLException {
        long started = System.nanoTime();
        // The planner's row count sizes the columns once, instead of doubling them from 16 at start-up.
        int capacity = Math.max(expected, estimatedRows(connection));
        Sink sink = new Sink(bits, dictionaries, capacity);
        decode(copyOut(connection, SELECT), sink);
        return built(sink, started, 1);
    }

    /**
     * Every active station, read in parts at once over several connections that see one
     * snapshot of the register: the first exports its snapshot and the others adopt it (all
     * REPEATABLE READ), and each COPYs its share of the table's pages (a TID range scan, the last
     * one open-ended), decoded on a thread of its own. Every row version lies in exactly one of
     * the ranges, so together the parts hold exactly the rows one COPY would read. The
     * connections are left as they came (auto-commit, isolation).
     */
    static Loaded load(
            List<Connection> connections, AmenityBits bits, StationSnapshot.Dictionaries dictionaries, int expected)
            throws SQLException {
        return load(connections, bits, dictionaries, expected, null);
    }

    /**
     * A snapshot another transaction exported ({@code pg_export_snapshot()}) for every part of
     * the load to adopt, and what to do once they all have (the exporter may then end).
     */
    record SharedSnapshot(String id, Runnable adopted) {}

    /** As {@link #load(List, AmenityBits, StationSnapshot.Dictionaries, int)}, in {@code shared} if given. */
    static Loaded load(
            List<Connection> connections,
            AmenityBits bits,
            StationSnapshot.Dictionaries dictionaries,
            int expected,
            @Nullable SharedSnapshot shared)
            throws SQLException {
        int n = connections.size();
        if (n == 1 && shared == null) return load(connections.get(0), bits, dictionaries, expected);
        long started = System.nanoTime();
        boolean[] autoCommit = new boolean[n];
        int[] isolation = new int[n];
        for (int i = 0; i < n; i++) {
            autoCommit[i] = connections.get(i).getAutoCommit();
            isolation[i] = connections.get(i).getTransactionIsolation();
        }
        try {
            for (Connection c : connections) repeatableRead(c);
            // Adopted before any query, which would take a snapshot of its own.
            if (shared != null) adopt(connections, shared.id());
            String snapshot;
            long pages;
            int capacity;
            try (Statement statement = connections.get(0).createStatement();
                    ResultSet rs = statement.executeQuery("""
                            SELECT CASE WHEN %s THEN pg_export_snapshot() END,
                                   pg_relation_size(c.oid) / current_setting('block_size')::int8,
                                   greatest(c.reltuples, 0)::int8
                              FROM pg_class c WHERE c.oid = 'station'::regclass""".formatted(shared == null))) {
                rs.next();
                snapshot = rs.getString(1);
                pages = rs.getLong(2);
                capacity = (int) Math.min(Math.max(expected, rs.getLong(3)), 50_000_000);
            }
            if (shared == null) adopt(connections.subList(1, n), snapshot);
            else shared.adopted().run();
            List<Sink> sinks = new ArrayList<>();
            List<FutureTask<Void>> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String range = (i == 0 ? "" : " AND s.ctid >= '(" + pages * i / n + ",0)'::tid")
                        + (i == n - 1 ? "" : " AND s.ctid < '(" + pages * (i + 1) / n + ",0)'::tid");
                Connection c = connections.get(i);
                Sink b = new Sink(bits, dictionaries, i == 0 ? capacity : capacity / n + 1024);
                sinks.add(b);
                parts.add(new FutureTask<>(() -> {
                    decode(copyOut(c, SELECT + range), b);
                    return null;
                }));
            }
            for (int i = 1; i < n; i++) {
                Thread reader = new Thread(parts.get(i), "station-index-load-" + i);
                reader.setDaemon(true);
                reader.start();
            }
            parts.get(0).run();
            // Every part ends before the connections are handed back; a failure cancels the others.
            @Nullable Exception failure = null;
            boolean interrupted = false;
            for (int i = 0; i < n; i++) {
                while (true) {
                    try {
                        parts.get(i).get();
                        break;
                    } catch (InterruptedException e) {
                        if (!interrupted) failure = failure != null ? failure : e;
                        interrupted = true;
                        cancelRunning(parts, connections);
                    } catch (ExecutionException e) {
                        Exception cause = e.getCause() instanceof Exception c ? c : e;
                        if (failure == null) {
                            failure = cause;
                            cancelRunning(parts, connections);
                        } else if (failure != cause) {
                            failure.addSuppressed(cause);
                        }
                        break;
                    }
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (failure instanceof SQLException e) throw e;
            if (failure instanceof RuntimeException e) throw e;
            if (failure != null) throw new SQLException("the station index did not load", failure);
            for (Connection c : connections) c.commit();
            Sink all = sinks.get(0);
            for (Sink b : sinks.subList(1, n)) all.append(b);
            return built(all, started, n);
        } finally {
            for (int i = 0; i < n; i++) restore(connections.get(i), autoCommit[i], isolation[i]);
        }
    }

    private static void adopt(List<Connection> connections, String snapshot) throws SQLException {
        for (Connection c : connections) {
            try (Statement statement = c.createStatement()) {
                statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
            }
        }
    }

    /** Cancels the COPY of every part still reading (the others need not finish what is thrown away). */
    private static void cancelRunning(List<FutureTask<Void>> parts, List<Connection> connections) throws SQLException {
        for (int j = 0; j < parts.size(); j++) {
            if (!parts.get(j).isDone())
                connections.get(j).unwrap(PGConnection.class).cancelQuery();
        }
    }

    private static void repeatableRead(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) connection.rollback();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }

    private static void restore(Connection connection, boolean autoCommit, int isolation) throws SQLException {
        if (connection.isClosed()) return;
        // Nothing to undo after a commit; after a failure it ends the transaction.
        if (!connection.getAutoCommit()) connection.rollback();
        connection.setTransactionIsolation(isolation);
        connection.setAutoCommit(autoCommit);
    }

    private static Loaded built(Sink sink, long started, int connections) {
        long read = System.nanoTime();
        Loaded loaded = new Loaded(sink.active.build(), sink.suspended.build());
        log.info(
                "Read {} active and {} suspended stations with binary COPY over {} connection(s) in {} ms and built the snapshots in {} ms",
                loaded.active().size(),
                loaded.suspended().size(),
                connections,
                (read - started) / 1_000_000,
                (System.nanoTime() - read) / 1_000_000);
        return loaded;
    }

    private static CopyOut copyOut(Connection connection, String select) throws SQLException {
        return connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)");
    }

    /** Decodes a whole binary COPY of {@link #SELECT} into {@code sink}. */
    static void decode(CopyOut copy, Sink sink) throws SQLException {
        try {
            new StationLoader(copy, sink.active.dictionaries).read(sink);
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    /** PostgreSQL's estimate of the rows in {@code station} (all statuses), 0 before the first ANALYZE. */
    private static int estimatedRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT greatest(reltuples, 0)::int8 FROM pg_class WHERE oid = 'station'::regclass")) {
            return rs.next() ? (int) Math.min(rs.getLong(1), 50_000_000) : 0;
        }
    }

    private void read(Sink sink) throws SQLException {
        ensure(SIGNATURE.length + 8);
        if (!Arrays.equals(buf, pos, pos + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length))
            throw new SQLException("not a binary COPY stream");
        pos += SIGNATURE.length + 4;
        int extension = int32();
        ensure(extension);
        pos += extension;
        while (true) {
            ensure(2);
            int fields = int16();
            if (fields == -1) break;
            if (fields != COLUMNS) throw new SQLException("expected " + COLUMNS + " columns, got " + fields);
            StationSnapshot.Builder b = bool() ? sink.active : sink.suspended;
            long id = int64Field();
            double lat = Double.longBitsToDouble(int64Field());
            double lng = Double.longBitsToDouble(int64Field());
            boolean alwaysOpen = bool();
            b.begin(id, lat, lng, alwaysOpen);
            int len;
            text(b); // code
            text(b); // name
            text(b); // name_en
            text(b); // address
            dictionary(b, adcode);
            dictionary(b, hostType);
            dictionary(b, hostOrganisation);
            text(b); // contact_person
            text(b); // contact_phone
            b.hours(dictionary(b, hours));
            amenities(b);
            dictionary(b, status);
            dictionary(b, statusReason);
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

    private int dictionary(StationSnapshot.Builder b, TextDictionary.Shared dictionary) throws SQLException {
        int len = length();
        int code = b.coded(len < 0 ? -1 : dictionary.code(buf, pos, len), buf, pos, len);
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

    /** A boolean field; null counts as false. */
    private boolean bool() throws SQLException {
        int len = length();
        boolean value = len > 0 && buf[pos] != 0;
        if (len > 0) pos += len;
        return value;
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
