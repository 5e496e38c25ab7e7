package org.yizhan.locator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;

/**
 * The index's full load read in parts over several connections ({@link StationLoader}) holds
 * exactly the active and the suspended stations of one COPY and of plain SQL, field for field,
 * and sees one snapshot of the register even while transactions commit during the load.
 */
class StationLoaderIT extends ApiIT {

    /** A division no other test writes to; its stations lie in the Taklamakan, away from theirs. */
    private static final String ADCODE = "652828";

    private static final List<String> HOURS = List.of("24/7", "Mo-Fr 08:00-18:00", "07:00-21:00");

    @Autowired
    private DataSource dataSource;

    @Autowired
    private AmenityBits bits;

    @Test
    void aLoadInPartsHoldsExactlyTheStationsOfOneCopy() throws Exception {
        insertStationsOnBothSidesOfTheMiddlePage(TestRandom.current());
        Map<Long, StationRow> active = byId("active"), suspended = byId("suspended");
        assertThat(suspended).as("suspended stations in the register").isNotEmpty();
        try (Connection a = dataSource.getConnection();
                Connection b = dataSource.getConnection();
                Connection c = dataSource.getConnection()) {
            for (List<Connection> connections : List.of(List.of(a), List.of(a, b), List.of(a, b, c))) {
                StationLoader.Loaded loaded =
                        StationLoader.load(connections, bits, new StationSnapshot.Dictionaries(), 16);
                StationSnapshot snapshot = loaded.active();
                assertThat(snapshot.size())
                        .as("active stations read over %d connections", connections.size())
                        .isEqualTo(active.size());
                for (int slot = 0; slot < snapshot.size(); slot++) {
                    assertThat(snapshot.row(slot)).isEqualTo(active.get(snapshot.ids[slot]));
                }
                List<StationRow> suspendedRows = loaded.suspendedRows();
                assertThat(suspendedRows)
                        .as("suspended stations read over %d connections", connections.size())
                        .hasSize(suspended.size());
                for (StationRow row : suspendedRows) assertThat(row).isEqualTo(suspended.get(row.id()));
                for (Connection connection : connections) {
                    assertThat(connection.getAutoCommit()).isTrue();
                    assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
                }
            }
        }
    }

    /**
     * A writer suspends pairs of stations, one in the first half of the table's pages and one in
     * the second, a pair per transaction, while loads in two parts run: each load must see both
     * stations of a pair or neither, as one COPY would.
     */
    @Test
    void aLoadInPartsSeesOneSnapshotWhileStationsChange() throws Exception {
        insertStationsOnBothSidesOfTheMiddlePage(TestRandom.current());
        long middle = pages() / 2;
        List<Long> low = ids("ctid < '(" + middle + ",0)'::tid"), high = ids("ctid >= '(" + middle + ",0)'::tid");
        int pairs = Math.min(low.size(), high.size());
        assertThat(pairs).as("active stations on each side of page %d", middle).isGreaterThan(50);
        AtomicInteger suspended = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int k = 0; k < pairs && !Thread.currentThread().isInterrupted(); k++) {
                jdbc.sql("UPDATE station SET status = 'suspended' WHERE id IN (:low, :high)")
                        .param("low", low.get(k))
                        .param("high", high.get(k))
                        .update();
                suspended.incrementAndGet();
            }
        });
        writer.start();
        int loads = 0, changedDuring = 0;
        try (Connection a = dataSource.getConnection();
                Connection b = dataSource.getConnection()) {
            while (writer.isAlive() || loads < 3) {
                int before = suspended.get();
                StationLoader.Loaded loaded =
                        StationLoader.load(List.of(a, b), bits, new StationSnapshot.Dictionaries(), 16);
                StationSnapshot snapshot = loaded.active();
                java.util.Set<Long> paused = new java.util.HashSet<>();
                for (StationRow row : loaded.suspendedRows()) paused.add(row.id());
                if (suspended.get() != before) changedDuring++;
                loads++;
                for (int k = 0; k < pairs; k++) {
                    assertThat(snapshot.slotOf(low.get(k)) >= 0)
                            .as("load %d, pair %d: the first station is there exactly when the second is", loads, k)
                            .isEqualTo(snapshot.slotOf(high.get(k)) >= 0);
                    for (long id : List.of(low.get(k), high.get(k))) {
                        assertThat(snapshot.slotOf(id) >= 0)
                                .as("load %d, station %d: active exactly when not suspended", loads, id)
                                .isNotEqualTo(paused.contains(id));
                    }
                }
            }
        } finally {
            writer.interrupt();
            writer.join();
        }
        System.out.printf("%d loads in two parts, %d of them while pairs were suspended%n", loads, changedDuring);
        assertThat(changedDuring).as("loads during which the writer committed").isPositive();
    }

    private Map<Long, StationRow> byId(String status) {
        Map<Long, StationRow> rows = new HashMap<>();
        for (StationRow row : jdbc.sql("SELECT " + StationRow.COLUMNS + " FROM station s WHERE s.status = :status")
                .param("status", status)
                .query(StationRow::map)
                .list()) {
            rows.put(row.id(), row);
        }
        return rows;
    }

    /** Active stations of this test's division in the given page range, in id order. */
    private List<Long> ids(String ctidRange) {
        return jdbc.sql("SELECT id FROM station WHERE adcode = :adcode AND status = 'active' AND " + ctidRange
                        + " ORDER BY id")
                .param("adcode", ADCODE)
                .query(Long.class)
                .list();
    }

    private long pages() {
        return jdbc.sql("SELECT pg_relation_size('station') / current_setting('block_size')::int8")
                .query(Long.class)
                .single();
    }

    /**
     * Appends more stations than the table held before (a few suspended, with varied hours,
     * amenities and optional fields), so they fill pages on both sides of the middle one.
     */
    private void insertStationsOnBothSidesOfTheMiddlePage(Random random) {
        long rows = jdbc.sql("SELECT count(*) FROM station").query(Long.class).single();
        int n = (int) Math.max(2_000, rows + 1_000);
        int last = jdbc.sql("""
                INSERT INTO station_code_sequence AS s (adcode, last_sequence) VALUES (:adcode, :n)
                ON CONFLICT (adcode) DO UPDATE SET last_sequence = s.last_sequence + :n RETURNING last_sequence""")
                .param("adcode", ADCODE)
                .param("n", n)
                .query(Integer.class)
                .single();
        List<String> codes = new ArrayList<>(), names = new ArrayList<>(), namesEn = new ArrayList<>();
        List<String> hours = new ArrayList<>(), amenities = new ArrayList<>(), statuses = new ArrayList<>();
        List<Double> lats = new ArrayList<>(), lngs = new ArrayList<>(), areas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(StationCode.of(ADCODE, last - n + 1 + i).value());
            names.add("分段加载测试驿站" + i);
            namesEn.add(random.nextBoolean() ? "Split load test " + i : null);
            hours.add(HOURS.get(random.nextInt(HOURS.size())));
            List<String> keys = new ArrayList<>();
            for (String key : StationRecord.AMENITIES) if (random.nextInt(3) == 0) keys.add(key);
            amenities.add("{" + String.join(",", keys) + "}");
            statuses.add(random.nextInt(10) == 0 ? "suspended" : "active");
            lats.add(38 + 2 * random.nextDouble());
            // West of longitude 80: OgcArea's squares (80-86) expect only their own stations.
            lngs.add(75.5 + 4 * random.nextDouble());
            areas.add(random.nextBoolean() ? null : 10 + random.nextInt(200) / 4.0);
        }
        jdbc.sql("""
                INSERT INTO station (code, name, name_en, address, location, adcode, host_type, host_organisation,
                                     contact_person, contact_phone, opening_hours, always_open, amenities, status,
                                     floor_area, created_at, updated_at, version)
                SELECT code, name, name_en, '测试路2号', ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography, :adcode,
                       'co_built', '分段测试工会', '李四', '13900000001', hours, hours = '24/7',
                       amenities::varchar(40)[], status, area, now(), now(), 0
                  FROM unnest(CAST(:codes AS text[]), CAST(:names AS text[]), CAST(:namesEn AS text[]),
                              CAST(:lats AS float8[]), CAST(:lngs AS float8[]), CAST(:hours AS text[]),
                              CAST(:amenities AS text[]), CAST(:statuses AS text[]), CAST(:areas AS float8[]))
                       AS t(code, name, name_en, lat, lng, hours, amenities, status, area)""")
                .param("adcode", ADCODE)
                .param("codes", codes.toArray(String[]::new))
                .param("names", names.toArray(String[]::new))
                .param("namesEn", namesEn.toArray(String[]::new))
                .param("lats", lats.toArray(Double[]::new))
                .param("lngs", lngs.toArray(Double[]::new))
                .param("hours", hours.toArray(String[]::new))
                .param("amenities", amenities.toArray(String[]::new))
                .param("statuses", statuses.toArray(String[]::new))
                .param("areas", areas.toArray(Double[]::new))
                .update();
    }
}
