package org.yizhan.locator.search;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yizhan.locator.config.YizhanProperties;
import org.yizhan.locator.station.StationRow;

/**
 * Keeps {@link StationIndex} in step with PostGIS. It LISTENs on {@code station_changed}
 * before the first full load (so nothing committed during the load is missed), then applies
 * each notification by re-reading the changed rows. Notifications arrive in commit order
 * within milliseconds. Lost ones are repaired by a periodic check: every row carries a change
 * counter ({@code station.change_seq}, bumped by every INSERT and UPDATE whoever writes it), and
 * the check re-reads the rows whose counter passed the value seen two checks ago (one interval
 * of slack for transactions that took a counter value but committed later). A count check
 * catches hard deletes, and a reload after any reconnect covers the rest.
 *
 * <p><b>On a streaming replica</b> ({@code yizhan.index.listen-url} set): a standby can neither
 * LISTEN nor receive NOTIFY, so the LISTEN connection goes to the primary, while rows are still
 * read from the application's datasource, the replica. A notification may overtake the replica's
 * replay of the commit it announces, so each one is queued with the primary's WAL insert position
 * read on the LISTEN connection right after it arrived (at or past the end of the commit record,
 * which is written before the notification is delivered), and applied once the replica's
 * {@code pg_last_wal_replay_lsn()} has reached it, checked in the same transaction that reads
 * the rows. Repair checks and full loads wait the same way. While changes wait, the replica is
 * polled every few milliseconds (the wait is the LISTEN socket's timeout, not a sleep); a change
 * still waiting after {@code yizhan.index.replica-wait} is read from the primary instead, with a
 * warning naming both positions, so the index never trails the primary by more than that.
 */
@Component
public class StationIndexSync {

    private static final Logger log = LoggerFactory.getLogger(StationIndexSync.class);
    private static final String CHANNEL = "station_changed";
    /** How long the LISTEN socket is waited on: idle, and while changes wait for the replica. */
    private static final int IDLE_WAIT_MILLIS = 250, REPLICA_POLL_MILLIS = 5;

    /** Where rows are read: a datasource and read-only transactions on it. */
    private record Reader(JdbcClient jdbc, TransactionTemplate readOnly, DataSource dataSource) {
        static Reader of(DataSource dataSource) {
            return of(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource), dataSource);
        }

        static Reader of(JdbcClient jdbc, PlatformTransactionManager transactions, DataSource dataSource) {
            TransactionTemplate readOnly = new TransactionTemplate(transactions);
            readOnly.setReadOnly(true);
            // One snapshot per batch of work: a repair check's re-read of changed rows and its
            // counts must see the same register. In two snapshots (READ COMMITTED), a station
            // committed between them made the counts disagree and the check reload everything.
            readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            return new Reader(jdbc, readOnly, dataSource);
        }
    }

    /**
     * Work to do once the read side has replayed the primary's WAL up to {@code lsn}: re-read
     * {@code ids}, reload everything, run a repair check, and complete the markers.
     * {@code counter} is the primary's change counter read when a reload or a repair was queued.
     */
    private record Pending(
            long lsn,
            long queuedNanos,
            Set<Long> ids,
            boolean reload,
            boolean repair,
            long counter,
            List<String> markers) {}

    private final StationIndex index;
    /** Suspended stations, kept from the same changes (the OGC API shows them with the active ones). */
    private final SuspendedStations suspended;
    /** The application's datasource: the primary, or a replica when {@code primary} is set. */
    private final Reader local;
    /** The primary, when the application reads a replica; LISTEN and fall-back reads go there. */
    private final @Nullable Reader primary;

    private final DataSource listenSource;
    private final @Nullable String listenUrl;
    private final boolean enabled;
    private final Duration repairInterval;
    private final Duration replicaWait;
    /** Connections a full load reads over at once (see {@link StationLoader}). */
    private final int loadConnections;
    /** The snapshot file, if configured (and the datasource is the primary). */
    private final @Nullable StationSnapshotStore snapshotFile;
    /** Whether the next full load may start from the snapshot file: only the process's first. */
    private boolean firstLoad = true;

    private volatile boolean startedFromFile;
    /** Change-counter values read at the start of the previous check and of the one before it. */
    private long seenAtLastCheck, seenBeforeLastCheck;
    /** Changes in notification order, waiting for the replica; only the worker thread touches it. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    private final Map<String, CompletableFuture<Void>> markers = new ConcurrentHashMap<>();
    private final AtomicLong readsFromPrimary = new AtomicLong();
    /** Repair checks whose counts disagreed with the index, so that it was read again whole. */
    private final AtomicLong repairReloads = new AtomicLong();
    /** Run by a repair check after re-reading changed rows, before counting (tests only). */
    private volatile @Nullable Runnable beforeRepairCounts;

    private volatile boolean running = true;
    private Thread worker = new Thread(() -> {});

    StationIndexSync(
            StationIndex index,
            SuspendedStations suspended,
            DataSource dataSource,
            JdbcClient jdbc,
            YizhanProperties properties,
            PlatformTransactionManager transactions,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        this.index = index;
        this.suspended = suspended;
        this.local = Reader.of(jdbc, transactions, dataSource);
        YizhanProperties.Index settings = properties.index();
        this.enabled = settings.enabled();
        this.repairInterval = settings.repairInterval();
        this.replicaWait = settings.replicaWait();
        this.loadConnections = Math.max(1, settings.loadConnections());
        if (settings.listenUrl().isBlank()) {
            this.listenUrl = null;
            this.listenSource = dataSource;
            this.primary = null;
        } else {
            this.listenUrl = settings.listenUrl();
            this.listenSource = new SimpleDriverDataSource(
                    new org.postgresql.Driver(),
                    settings.listenUrl(),
                    settings.listenUsername().isBlank() ? username : settings.listenUsername(),
                    settings.listenPassword().isBlank() ? password : settings.listenPassword());
            this.primary = Reader.of(listenSource);
        }
        this.snapshotFile = settings.snapshotFile().isBlank() || listenUrl != null
                ? null
                : new StationSnapshotStore(Path.of(settings.snapshotFile()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled) return;
        if (listenUrl != null) {
            log.info(
                    "Station index listens on the primary at {} and reads changed rows from the application's datasource once it has replayed them (at most {} behind)",
                    listenUrl.replaceAll("password=[^&]*", "password=***"),
                    replicaWait);
        }
        worker = new Thread(this::run, "station-index-sync");
        worker.setDaemon(true);
        worker.start();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        running = false;
        worker.interrupt();
    }

    /**
     * Waits until every change committed before this call is in the index. Tests use it after
     * writing rows directly; the marker travels the same channel, behind those changes (through
     * the primary, where the channel is).
     */
    public void awaitCaughtUp(Duration timeout) throws Exception {
        String marker = "sync:" + UUID.randomUUID();
        CompletableFuture<Void> done = new CompletableFuture<>();
        markers.put(marker, done);
        (primary != null ? primary : local)
                .jdbc
                .sql("SELECT pg_notify(:channel, :marker)")
                .param("channel", CHANNEL)
                .param("marker", marker)
                .query(String.class)
                .optional();
        done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * How many times changes waited longer than {@code yizhan.index.replica-wait} for the replica
     * and were read from the primary instead (always 0 without a listen-url).
     */
    public long readsFromPrimary() {
        return readsFromPrimary.get();
    }

    /**
     * How many repair checks found the index's counts off the database's and reloaded it whole:
     * after hard deletes or lost notifications, never for edits made while a check runs.
     */
    public long repairReloads() {
        return repairReloads.get();
    }

    /** Sets what repair checks run between re-reading changed rows and counting (tests). */
    void beforeRepairCounts(@Nullable Runnable hook) {
        beforeRepairCounts = hook;
    }

    private void run() {
        while (running) {
            try (Connection connection = listenSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                // Changes queued before a reconnect stay queued (their markers too); this load covers them.
                queue(connection, Set.of(), true, false, List.of());
                drain();
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                log.warn("Station index sync lost its connection ({}); reconnecting", e.getMessage());
                pause(Duration.ofSeconds(2));
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long nextCheck = System.nanoTime() + repairInterval.toNanos();
        while (running) {
            PGNotification[] notifications =
                    pg.getNotifications(pending.isEmpty() ? IDLE_WAIT_MILLIS : REPLICA_POLL_MILLIS);
            if (notifications != null && notifications.length > 0) received(connection, notifications);
            if (System.nanoTime() > nextCheck) {
                nextCheck = System.nanoTime() + repairInterval.toNanos();
                queue(connection, Set.of(), false, true, List.of());
            }
            drain();
        }
    }

    private void received(Connection connection, PGNotification[] notifications) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> reached = new ArrayList<>();
        boolean reload = false;
        for (PGNotification n : notifications) {
            String payload = n.getParameter();
            if (payload.startsWith("sync:")) reached.add(payload);
            else if (payload.equals("*")) reload = true;
            else for (String id : payload.split(",")) ids.add(Long.parseLong(id));
        }
        queue(connection, reload ? Set.of() : ids, reload, false, reached);
    }

    /**
     * Queues work behind what is already waiting. On a replica it waits for the primary's WAL
     * position read now, after the change counter (so the rows the counter covers are replayed).
     */
    private void queue(
            Connection primaryConnection, Set<Long> ids, boolean reload, boolean repair, List<String> reached)
            throws SQLException {
        long counter = reload || repair
                ? queryLong(primaryConnection, "SELECT coalesce(pg_sequence_last_value('station_change_seq'), 0)")
                : 0;
        long lsn = primary == null
                ? 0
                : queryLong(primaryConnection, "SELECT (pg_current_wal_insert_lsn() - '0/0')::bigint");
        pending.add(new Pending(lsn, System.nanoTime(), ids, reload, repair, counter, reached));
    }

    /**
     * Applies the queued work the read side has replayed (asked first), in one read-only
     * transaction; reads what has waited too long from the primary.
     */
    private void drain() {
        if (pending.isEmpty()) return;
        Reader fallback = primary;
        if (fallback == null) {
            List<Pending> all = new ArrayList<>(pending);
            pending.clear();
            local.readOnly.executeWithoutResult(status -> apply(local, all));
            return;
        }
        // NULL when the datasource is not in recovery (a primary, or a promoted replica): nothing to wait for.
        // (pg_last_wal_replay_lsn() alone is not enough: after crash recovery a primary reports where it ended.)
        // Read before the applying transaction, whose one snapshot is then at least this far.
        Long replay = local.jdbc
                .sql("SELECT CASE WHEN pg_is_in_recovery() THEN (pg_last_wal_replay_lsn() - '0/0')::bigint END")
                .query(Long.class)
                .optional()
                .orElse(null);
        long replayed = replay == null ? Long.MAX_VALUE : replay;
        List<Pending> ready = new ArrayList<>();
        for (Pending p = pending.peek(); p != null && p.lsn() <= replayed; p = pending.peek()) {
            ready.add(pending.remove());
        }
        if (!ready.isEmpty()) {
            local.readOnly.executeWithoutResult(status -> apply(local, ready));
            if (log.isDebugEnabled()) {
                log.debug(
                        "Applied {} queued change(s) read from the replica at {}, the oldest {} ms after it was queued",
                        ready.size(),
                        lsnText(replayed),
                        (System.nanoTime() - ready.get(0).queuedNanos()) / 1_000_000);
            }
        }
        Pending oldest = pending.peek();
        if (oldest != null && System.nanoTime() - oldest.queuedNanos() > replicaWait.toNanos()) {
            List<Pending> late = new ArrayList<>(pending);
            pending.clear();
            log.warn(
                    "The replica has replayed the primary's WAL to {} but a station change waits for {} since {} ms (more than {}); reading {} pending change(s) from the primary",
                    lsnText(replayed),
                    lsnText(oldest.lsn()),
                    (System.nanoTime() - oldest.queuedNanos()) / 1_000_000,
                    replicaWait,
                    late.size());
            readsFromPrimary.incrementAndGet();
            fallback.readOnly.executeWithoutResult(status -> apply(fallback, late));
        }
    }

    /** Applies queued work, all read now from {@code from}, which has replayed all of it. */
    private void apply(Reader from, List<Pending> work) {
        @Nullable Pending lastReload = null;
        Set<Long> ids = new LinkedHashSet<>();
        for (Pending p : work) {
            if (p.reload()) lastReload = p;
            ids.addAll(p.ids());
        }
        if (lastReload != null) {
            // Reading now covers every change queued before, whatever it named.
            reloadAll(from, lastReload.counter());
        } else if (!ids.isEmpty()) {
            List<StationRow> rows = from.jdbc
                    .sql("SELECT " + StationRow.COLUMNS + " FROM station s WHERE s.id = ANY(:ids)")
                    .param("ids", ids.toArray(Long[]::new))
                    .query(StationRow::map)
                    .list();
            // Suspended first: a station being suspended is briefly in both (pages merge by id,
            // the later row wins), never in neither.
            suspended.apply(ids, rows);
            index.apply(ids, rows);
        }
        for (Pending p : work) {
            if (p.repair()) repair(from, p.counter());
        }
        for (Pending p : work) {
            for (String marker : p.markers()) {
                CompletableFuture<Void> done = markers.remove(marker);
                if (done != null) done.complete(null);
            }
        }
    }

    /**
     * Re-applies rows changed since the check before last, then compares counts for hard deletes;
     * returns how many rows it re-read.
     */
    private int repair(Reader from, long seenNow) {
        List<StationRow> changed = from.jdbc
                .sql("SELECT " + StationRow.COLUMNS + " FROM station s WHERE s.change_seq > :since")
                .param("since", seenBeforeLastCheck)
                .query(StationRow::map)
                .list();
        // Rows no longer active are passed too: apply() drops them from the index.
        if (!changed.isEmpty()) {
            List<Long> ids = changed.stream().map(StationRow::id).toList();
            suspended.apply(ids, changed);
            index.apply(ids, changed);
        }
        seenBeforeLastCheck = seenAtLastCheck;
        seenAtLastCheck = seenNow;
        Runnable hook = beforeRepairCounts;
        if (hook != null) hook.run();
        long[] counts = from.jdbc
                // Two index-only scans of station_status_idx (V31), not one pass over the table.
                .sql("SELECT (SELECT count(*) FROM station WHERE status = 'active'),"
                        + " (SELECT count(*) FROM station WHERE status = 'suspended')")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long active = counts[0];
        long paused = counts[1];
        if (active != index.size() || paused != suspended.size()) {
            log.warn(
                    "Station index has {} active and {} suspended stations, database {} and {}; reloading",
                    index.size(),
                    suspended.size(),
                    active,
                    paused);
            repairReloads.incrementAndGet();
            reloadAll(from, seenNow);
        }
        return changed.size();
    }

    /**
     * Loads every active and suspended station (the first time from the snapshot file, if there
     * is a usable one); {@code counter} is the change counter read before the load's snapshot.
     */
    private void reloadAll(Reader from, long counter) {
        long started = System.nanoTime();
        boolean first = firstLoad;
        firstLoad = false;
        StationSnapshotStore.Restored restored = first && snapshotFile != null ? restore(from) : null;
        startedFromFile = restored != null;
        StationLoader.Loaded stations;
        if (restored != null) {
            // The file holds every change up to its counter; the repair below re-reads the rest.
            seenAtLastCheck = seenBeforeLastCheck = restored.counter();
            stations = restored.stations();
        } else {
            // Rows changed after the counter was read are re-read by the next repairs, whatever the load saw.
            seenAtLastCheck = seenBeforeLastCheck = counter;
            stations = loadFromDatabase(from);
        }
        // Suspended first, as for changes: a station being suspended is briefly in both, never in neither.
        suspended.replaceAll(stations.suspendedRows());
        index.replaceAll(stations.active());
        log.info(
                "Loaded the station index in {} ms ({} active and {} suspended stations){}",
                (System.nanoTime() - started) / 1_000_000,
                stations.active().size(),
                stations.suspended().size(),
                restored == null ? "" : " from " + snapshotFile().file());
        if (restored != null) {
            int caughtUp = repair(from, counter);
            log.info(
                    "Re-read {} stations changed since the file was saved (change {}) in {} ms in all",
                    caughtUp,
                    restored.counter(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private StationSnapshotStore snapshotFile() {
        return java.util.Objects.requireNonNull(snapshotFile);
    }

    private StationSnapshotStore.@Nullable Restored restore(Reader from) {
        try (Connection connection = from.dataSource().getConnection()) {
            return snapshotFile().restore(connection, index.bits());
        } catch (SQLException e) {
            log.warn("Could not check the station index file: {}", e.getMessage());
            return null;
        }
    }

    /**
     * Reads every active and suspended station with {@link StationLoader}; with a snapshot file, from an exact
     * start (see {@link StationSnapshotStore}) and then saved in the background.
     */
    private StationLoader.Loaded loadFromDatabase(Reader from) {
        StationSnapshotStore.ExactStart start =
                snapshotFile == null ? null : snapshotFile.exactStart(from.dataSource());
        StationLoader.Loaded stations;
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < loadConnections; i++)
                connections.add(from.dataSource().getConnection());
            // One snapshot of the register, shared by the connections, streamed by COPY.
            stations = StationLoader.load(
                    connections,
                    index.bits(),
                    new StationSnapshot.Dictionaries(),
                    Math.max(16, index.size()),
                    start == null ? null : new StationLoader.SharedSnapshot(start.snapshot, start::close));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the stations: " + e.getMessage(), e);
        } finally {
            for (Connection c : connections) close(c);
            if (start != null) start.close();
        }
        if (start != null) snapshotFile().saveLater(stations, start.header);
        return stations;
    }

    /** Whether the first load came from the snapshot file. */
    boolean startedFromFile() {
        return startedFromFile;
    }

    /** Waits until the snapshot file has been written (tests). */
    void awaitSnapshotSaved() throws Exception {
        if (snapshotFile != null) snapshotFile.awaitSaved();
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing a connection of the index load failed", e);
        }
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A WAL position as PostgreSQL prints it ({@code 16/B374D848}). */
    static String lsnText(long lsn) {
        return lsn == Long.MAX_VALUE
                ? "(not a replica)"
                : Long.toHexString(lsn >>> 32).toUpperCase() + "/"
                        + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
