package org.yizhan.locator.search;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.station.StationRow;

/**
 * Start-up load of the station index, the old way against the new, in alternating rounds on
 * the same database (so a loaded machine slows both alike): rows read with JDBC into a
 * {@link StationRow} each (what the index held before) against one binary COPY straight into the
 * compact snapshot; and the heap each keeps after a full GC. Run by scripts/bench-index.sh;
 * arguments: JDBC URL, rounds (default 3).
 */
public final class IndexLoadBenchmark {

    private IndexLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:55432/yizhan_bench";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        AmenityBits bits = new AmenityBits(StationRecord.AMENITIES);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            System.out.println("| round | JDBC rows s | rows MB | binary COPY + build s | snapshot MB | stations |");
            System.out.println("|---|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                long base = heapAfterGc();
                long t0 = System.nanoTime();
                List<StationRow> rows = jdbcRows(connection);
                double rowsSeconds = (System.nanoTime() - t0) / 1e9;
                long rowsBytes = heapAfterGc() - base;
                int count = rows.size();
                rows = List.of();

                base = heapAfterGc();
                t0 = System.nanoTime();
                StationSnapshot snapshot =
                        StationLoader.load(connection, bits, new StationSnapshot.Dictionaries(), count);
                double copySeconds = (System.nanoTime() - t0) / 1e9;
                long snapshotBytes = heapAfterGc() - base;
                System.out.printf(
                        "| %d | %.2f | %d | %.2f | %d | %d |%n",
                        round, rowsSeconds, rowsBytes >> 20, copySeconds, snapshotBytes >> 20, snapshot.size());
                if (snapshot.size() != count) throw new AssertionError("the loads disagree: " + count + " rows");
            }
        }
    }

    /** The load as it was: a cursor of 10,000 rows inside a transaction, a StationRow each. */
    private static List<StationRow> jdbcRows(Connection connection) throws Exception {
        List<StationRow> rows = new ArrayList<>();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery(
                    "SELECT " + StationRow.COLUMNS + " FROM station s WHERE s.status = 'active'")) {
                while (rs.next()) rows.add(StationRow.map(rs, rows.size()));
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(true);
        }
        return rows;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
