package org.yizhan.locator.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
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
 */
@Component
public class StationIndexSync {

    private static final Logger log = LoggerFactory.getLogger(StationIndexSync.class);
    private static final String CHANNEL = "station_changed";

    private final StationIndex index;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final boolean enabled;
    private final Duration repairInterval;
    /** Change-counter values read at the start of the previous check and of the one before it. */
    private long seenAtLastCheck, seenBeforeLastCheck;

    private final Map<String, CompletableFuture<Void>> markers = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Thread worker = new Thread(() -> {});

    StationIndexSync(StationIndex index, DataSource dataSource, JdbcClient jdbc, YizhanProperties properties) {
        this.index = index;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.enabled = properties.index().enabled();
        this.repairInterval = properties.index().repairInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled) return;
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
     * writing rows directly; the marker travels the same channel, behind those changes.
     */
    public void awaitCaughtUp(Duration timeout) throws Exception {
        String marker = "sync:" + UUID.randomUUID();
        CompletableFuture<Void> done = new CompletableFuture<>();
        markers.put(marker, done);
        jdbc.sql("SELECT pg_notify(:channel, :marker)")
                .param("channel", CHANNEL)
                .param("marker", marker)
                .query(String.class)
                .optional();
        done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                reloadAll();
                listen(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                log.warn("Station index sync lost its connection ({}); reconnecting", e.getMessage());
                pause(Duration.ofSeconds(2));
            }
        }
    }

    private void listen(PGConnection connection) throws SQLException {
        long nextCheck = System.nanoTime() + repairInterval.toNanos();
        while (running) {
            PGNotification[] notifications = connection.getNotifications(250);
            if (notifications != null && notifications.length > 0) handle(notifications);
            if (System.nanoTime() > nextCheck) {
                nextCheck = System.nanoTime() + repairInterval.toNanos();
                repair();
            }
        }
    }

    /** Re-applies rows changed since the check before last, then compares counts for hard deletes. */
    private void repair() {
        long seenNow = changeCounter();
        List<StationRow> changed = jdbc.sql(
                        "SELECT " + StationRow.COLUMNS + " FROM station s WHERE s.change_seq > :since")
                .param("since", seenBeforeLastCheck)
                .query(StationRow::map)
                .list();
        // Rows no longer active are passed too: apply() drops them from the index.
        if (!changed.isEmpty()) index.apply(changed.stream().map(StationRow::id).toList(), changed);
        seenBeforeLastCheck = seenAtLastCheck;
        seenAtLastCheck = seenNow;
        long active = jdbc.sql("SELECT count(*) FROM station WHERE status = 'active'")
                .query(Long.class)
                .single();
        if (active != index.size()) {
            log.warn("Station index has {} stations, database {}; reloading", index.size(), active);
            reloadAll();
        }
    }

    /** The station change counter's current value (0 before any row was written). */
    private long changeCounter() {
        return jdbc.sql("SELECT coalesce(pg_sequence_last_value('station_change_seq'), 0)")
                .query(Long.class)
                .single();
    }

    private void handle(PGNotification[] notifications) {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> reached = new ArrayList<>();
        boolean reload = false;
        for (PGNotification n : notifications) {
            String payload = n.getParameter();
            if (payload.startsWith("sync:")) reached.add(payload);
            else if (payload.equals("*")) reload = true;
            else for (String id : payload.split(",")) ids.add(Long.parseLong(id));
        }
        if (reload) {
            reloadAll();
        } else if (!ids.isEmpty()) {
            List<StationRow> rows = jdbc.sql("SELECT " + StationRow.COLUMNS + " FROM station s WHERE s.id = ANY(:ids)")
                    .param("ids", ids.toArray(Long[]::new))
                    .query(StationRow::map)
                    .list();
            index.apply(ids, rows);
        }
        for (String marker : reached) {
            CompletableFuture<Void> done = markers.remove(marker);
            if (done != null) done.complete(null);
        }
    }

    private void reloadAll() {
        long started = System.nanoTime();
        // Rows changed after this point are re-read by the next repairs, whatever the load saw.
        seenAtLastCheck = seenBeforeLastCheck = changeCounter();
        StationSnapshot snapshot;
        try (Connection connection = dataSource.getConnection()) {
            // One statement, so one consistent snapshot of the register, streamed by COPY.
            snapshot = StationLoader.load(
                    connection, index.bits(), new StationSnapshot.Dictionaries(), Math.max(16, index.size()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the stations: " + e.getMessage(), e);
        }
        index.replaceAll(snapshot);
        log.info("Loaded the station index in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
