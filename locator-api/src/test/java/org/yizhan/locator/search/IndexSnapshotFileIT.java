package org.yizhan.locator.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.config.YizhanProperties;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;

/**
 * The index's snapshot file on the real register: a full load is saved; a second index started
 * on the same database (a restart) reads the file, then the rows changed since, and ends up with
 * exactly the stations of the index that followed every change live. A load that will be saved
 * starts only once the transactions writing stations have ended, so its counter covers them.
 */
@TestPropertySource(properties = "yizhan.index.snapshot-file=${java.io.tmpdir}/yizhan-index-it-${random.uuid}.bin")
class IndexSnapshotFileIT extends ApiIT {

    @Autowired
    StationIndexSync sync;

    @Autowired
    StationIndex index;

    @Autowired
    SuspendedStations suspended;

    @Autowired
    AmenityBits bits;

    @Autowired
    DataSource dataSource;

    @Autowired
    YizhanProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path dir;

    private final Random random = TestRandom.current();

    @Test
    void aRestartReadsTheFileThenOnlyTheStationsChangedSince() throws Exception {
        // A full load now (as after an import), saved from an exact start.
        jdbc.sql("SELECT pg_notify('station_changed', '*')").query(String.class).optional();
        awaitIndexed();
        sync.awaitSnapshotSaved();
        Path file = Path.of(properties.index().snapshotFile());
        assertThat(file).isRegularFile();
        long saved = StationSnapshotFile.read(file, bits).header().counter();

        // After the save: one station created through the API, one moved and one suspended in SQL.
        String created = createStation(near(0));
        String moved = createStation(near(1));
        String paused = createStation(near(2));
        jdbc.sql("UPDATE station SET location = ST_SetSRID(ST_MakePoint(119.45, 49.31), 4326)::geography,"
                        + " name = '重启后移动的驿站' WHERE code = :code")
                .param("code", moved)
                .update();
        jdbc.sql("UPDATE station SET status = 'suspended', status_reason = 'renovation' WHERE code = :code")
                .param("code", paused)
                .update();
        awaitIndexed();
        assertThat(jdbc.sql("SELECT min(change_seq) FROM station WHERE code IN (:codes)")
                        .param("codes", List.of(created, moved, paused))
                        .query(Long.class)
                        .single())
                .as("the changes come after the file's counter")
                .isGreaterThan(saved);

        StationIndex restartedIndex = new StationIndex(bits);
        SuspendedStations restartedSuspended = new SuspendedStations(bits);
        StationIndexSync restarted = new StationIndexSync(
                restartedIndex, restartedSuspended, dataSource, jdbc, properties, transactions, "", "");
        restarted.start();
        try {
            await("the restarted index")
                    .atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> {
                        restarted.awaitCaughtUp(Duration.ofSeconds(2));
                        return true;
                    });
            awaitIndexed();
            assertThat(restarted.startedFromFile()).isTrue();
            List<StationRow> active = all(restartedIndex);
            assertThat(active).isEqualTo(all(index)).isNotEmpty();
            assertThat(all(restartedSuspended)).isEqualTo(all(suspended));
            assertThat(active)
                    .extracting(StationRow::code)
                    .contains(created, moved)
                    .doesNotContain(paused);
            StationRow movedRow = active.stream()
                    .filter(r -> r.code().equals(moved))
                    .findFirst()
                    .orElseThrow();
            assertThat(movedRow.name()).isEqualTo("重启后移动的驿站");
            assertThat(movedRow.lat()).isEqualTo(49.31);
            assertThat(all(restartedSuspended)).extracting(StationRow::code).contains(paused);
        } finally {
            restarted.stop();
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aLoadThatWillBeSavedStartsOnlyAfterTheWritersOfStationsHaveEnded() throws Exception {
        String code = createStation(near(3));
        awaitIndexed();
        StationSnapshotStore store = new StationSnapshotStore(dir.resolve("index.bin"));
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            rename(writer, code, "写入中的驿站");
            // Still writing when the wait is over: this load goes on without an exact start (no file).
            assertThat(store.exactStart(dataSource)).isNull();

            // Committed while the start waits: the start's counter and snapshot both cover the change.
            long seq = rename(writer, code, "刚提交的驿站");
            CompletableFuture<StationSnapshotStore.ExactStart> starting =
                    CompletableFuture.supplyAsync(() -> store.exactStart(dataSource));
            await("the start waiting for the share lock")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("SELECT count(*) FROM pg_locks WHERE relation = 'station'::regclass"
                                            + " AND mode = 'ShareLock' AND NOT granted")
                                    .query(Long.class)
                                    .single()
                            > 0);
            writer.commit();
            try (StationSnapshotStore.ExactStart start = starting.get()) {
                assertThat(start).isNotNull();
                assertThat(start.header.counter()).isGreaterThanOrEqualTo(seq);
                try (Connection reader = dataSource.getConnection()) {
                    reader.setAutoCommit(false);
                    reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    try (Statement s = reader.createStatement()) {
                        s.execute("SET TRANSACTION SNAPSHOT '" + start.snapshot + "'");
                        ResultSet rs = s.executeQuery("SELECT name FROM station WHERE code = '" + code + "'");
                        rs.next();
                        assertThat(rs.getString(1)).isEqualTo("刚提交的驿站");
                    }
                    reader.rollback();
                }
            }
        }
        assertThat(Files.exists(dir.resolve("index.bin"))).isFalse();
    }

    /** Renames a station in {@code writer}'s open transaction; returns the change counter it took. */
    private static long rename(Connection writer, String code, String name) throws Exception {
        try (Statement s = writer.createStatement();
                ResultSet rs = s.executeQuery(
                        "UPDATE station SET name = '" + name + "' WHERE code = '" + code + "' RETURNING change_seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A station form in the Hulunbuir grassland east of Hailar, away from other tests' stations. */
    private Map<String, Object> near(int k) {
        LatLng at = new LatLng(49.25 + random.nextDouble() * 0.1, 119.3 + 0.05 * k + random.nextDouble() * 0.04);
        return with(with(haibowanStation(), "adcode", "150702"), "location", Map.of("lat", at.lat(), "lng", at.lng()));
    }

    private static final StationIndex.Window WORLD =
            new StationIndex.Window(List.of(new Bbox(-180, -90, 180, 90)), 0, null);

    private static List<StationRow> all(StationIndex index) {
        return index.page(WORLD, 0, index.size() + 1, false);
    }

    private static List<StationRow> all(SuspendedStations suspended) {
        return suspended.page(WORLD, 0, suspended.size() + 1, false);
    }
}
