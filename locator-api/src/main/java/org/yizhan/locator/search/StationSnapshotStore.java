package org.yizhan.locator.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the station index's snapshot file ({@code yizhan.index.snapshot-file}) so that a restart
 * reads the file and then only the rows changed since, instead of every station.
 *
 * <p>A file is only useful if the change counter it records is exact: every change with a
 * counter value at or below it must be in the file, or the catch-up after a restart ({@code
 * change_seq > counter}) would miss it. A counter read just before an ordinary load is not exact:
 * a transaction may have taken a value before and committed after the load's snapshot (a running
 * instance gets it by NOTIFY; a later restart would not). So a load that will be saved starts in
 * a short transaction that takes {@code LOCK TABLE station IN SHARE MODE} (which waits for the
 * transactions writing stations to end, and holds new writers back), reads the counter and
 * exports its snapshot; the load adopts the snapshot and the lock is released at once, so writers
 * wait for milliseconds, not for the load. If the lock is not granted within {@link #LOCK_WAIT}
 * (say, an import is running), the load goes on without it and no file is written that time.
 *
 * <p>A file is used only for the same database (the cluster's system identifier and timeline,
 * the database's OID), the same loader query and amenity vocabulary, and while the database's
 * counter has not gone below the file's (a restore from backup). Not used on a read replica,
 * where the lock cannot be taken.
 */
final class StationSnapshotStore {

    private static final Logger log = LoggerFactory.getLogger(StationSnapshotStore.class);

    static final String COUNTER = "SELECT coalesce(pg_sequence_last_value('station_change_seq'), 0)";

    /**
     * Which database a file belongs to: the cluster, its timeline (a point-in-time restore starts
     * a new one), the database, and the loader's query (what the columns mean).
     */
    private static final String DATABASE = """
            SELECT (SELECT system_identifier FROM pg_control_system())::text
                   || '/' || (SELECT timeline_id FROM pg_control_checkpoint())::text
                   || '/' || (SELECT oid FROM pg_database WHERE datname = current_database())::text
                   || '/%s'""".formatted(Integer.toHexString(StationLoader.SELECT.hashCode()));

    /**
     * How long a load that will be saved waits for the share lock before going on without it.
     * Longer than PostgreSQL's default {@code deadlock_timeout} (1 s) on purpose: autovacuum holds
     * a lock that conflicts with SHARE, and a waiter's deadlock check cancels a blocking autovacuum
     * only once that timeout has passed. With a wait of 1 s, a start just after a large import
     * (when autovacuum works on the table for minutes) lost the race and never saved its file.
     */
    static final Duration LOCK_WAIT = Duration.ofSeconds(3);

    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "station-index-save");
        t.setDaemon(true);
        return t;
    });

    /** The stations read from the file, and the change counter they are complete up to. */
    record Restored(StationLoader.Loaded stations, long counter) {}

    /**
     * The start of a load whose counter is exact: an open transaction that exported {@code
     * snapshot}, to be released once the load's connections have adopted it.
     */
    static final class ExactStart implements AutoCloseable {
        private final Connection holder;
        final String snapshot;
        final StationSnapshotFile.Header header;

        private ExactStart(Connection holder, String snapshot, StationSnapshotFile.Header header) {
            this.holder = holder;
            this.snapshot = snapshot;
            this.header = header;
        }

        /** Ends the exporting transaction, and with it the lock; may be called more than once. */
        @Override
        public void close() {
            try {
                if (!holder.isClosed()) {
                    holder.rollback();
                    holder.close();
                }
            } catch (SQLException e) {
                log.debug("Closing the snapshot's exporting connection failed", e);
            }
        }
    }

    StationSnapshotStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The file's snapshot if it can be used for this database now; null (and why, in the log) if not. */
    @Nullable
    Restored restore(Connection connection, AmenityBits bits) {
        if (!Files.isRegularFile(file)) {
            log.info("No station index file at {} yet; loading from the database", file);
            return null;
        }
        try {
            String[] now = row(connection, DATABASE + ", (" + COUNTER + ")::text");
            String database = now[0];
            long counterNow = Long.parseLong(now[1]);
            StationSnapshotFile.Contents contents = StationSnapshotFile.read(file, bits);
            StationSnapshotFile.Header header = contents.header();
            if (!header.database().equals(database)) {
                log.info(
                        "The station index file {} is of database {}, this is {}; loading from the database",
                        file,
                        header.database(),
                        database);
                return null;
            }
            if (header.counter() > counterNow) {
                log.warn(
                        "The station index file {} is complete to change {} but the database has only reached {} (restored from a backup?); loading from the database",
                        file,
                        header.counter(),
                        counterNow);
                return null;
            }
            return new Restored(
                    new StationLoader.Loaded(
                            contents.active().build(), contents.suspended().build()),
                    header.counter());
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("Cannot use the station index file {} ({}); loading from the database", file, e.toString());
            return null;
        }
    }

    /**
     * Opens a transaction on a new connection of {@code dataSource}, takes the share lock,
     * reads the counter and exports the snapshot; null if the lock was not granted in time.
     */
    @Nullable
    ExactStart exactStart(DataSource dataSource) {
        Connection holder = null;
        try {
            holder = dataSource.getConnection();
            holder.setAutoCommit(false);
            holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = holder.createStatement()) {
                s.execute("SET LOCAL lock_timeout = " + Math.max(1, LOCK_WAIT.toMillis()));
                s.execute("LOCK TABLE station IN SHARE MODE");
            }
            // The first query after the lock takes the transaction's snapshot: every writer
            // that took a counter value up to this one has ended, so its change is in it.
            String[] start = row(holder, DATABASE + ", (" + COUNTER + ")::text, pg_export_snapshot()");
            return new ExactStart(holder, start[2], new StationSnapshotFile.Header(start[0], Long.parseLong(start[1])));
        } catch (SQLException e) {
            if (holder != null) new ExactStart(holder, "", new StationSnapshotFile.Header("", 0)).close();
            log.info(
                    "This load of the station index is not saved to {}: {} (for example, writers held the station table longer than {})",
                    file,
                    e.getMessage(),
                    LOCK_WAIT);
            return null;
        }
    }

    /** Writes a load to the file on a background thread (snapshots are immutable). */
    void saveLater(StationLoader.Loaded stations, StationSnapshotFile.Header header) {
        writer.execute(() -> {
            long started = System.nanoTime();
            try {
                StationSnapshotFile.write(stations.active(), stations.suspended(), header, file);
                log.info(
                        "Saved the station index ({} active and {} suspended stations, complete to change {}) to {} in {} ms, {} MB",
                        stations.active().size(),
                        stations.suspended().size(),
                        header.counter(),
                        file,
                        (System.nanoTime() - started) / 1_000_000,
                        Files.size(file) >> 20);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not save the station index to {}: {}", file, e.toString());
            }
        });
    }

    /** Waits for saves queued so far (tests). */
    void awaitSaved() throws Exception {
        writer.submit(() -> {}).get();
    }

    /** The first row of a query, as text. */
    private static String[] row(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) throw new SQLException("no row from " + sql);
            String[] out = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) out[i] = rs.getString(i + 1);
            return out;
        }
    }
}
