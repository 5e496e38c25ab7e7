package org.yizhan.locator.search;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.yizhan.geo.station.StationRecord;

/**
 * Where the start-up load of the station index spends its time, phase by phase, in rounds on
 * the same database (round 1 is the cold one a start-up sees): PostgreSQL producing the binary
 * COPY and the driver receiving it (the stream only drained), decoding the same stream replayed
 * from memory into {@link StationSnapshot.Builder}, building the snapshot's trees and columns,
 * and the whole load as the service runs it, over one connection and over two (alternating);
 * and the heap the snapshot keeps after a full GC.
 * Run by scripts/bench-index.sh; arguments: JDBC URL, rounds (default 3).
 */
public final class IndexLoadBenchmark {

    private IndexLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:55432/yizhan_bench";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        AmenityBits bits = new AmenityBits(StationRecord.AMENITIES);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Connection second = DriverManager.getConnection(url, "postgres", "")) {
            System.out.printf("%d processors%n", Runtime.getRuntime().availableProcessors());
            System.out.println(
                    "| round | COPY drained ms | decode ms | build ms | load, 1 connection ms | load, 2 connections ms | snapshot MB | stations |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                long t0 = System.nanoTime();
                List<byte[]> stream = drain(connection);
                long copyMs = (System.nanoTime() - t0) / 1_000_000;

                StationLoader.Sink sink = new StationLoader.Sink(bits, new StationSnapshot.Dictionaries(), 16);
                t0 = System.nanoTime();
                StationLoader.decode(new Replay(stream), sink);
                long decodeMs = (System.nanoTime() - t0) / 1_000_000;
                stream = List.of();

                t0 = System.nanoTime();
                int count = sink.active.build().size() + sink.suspended.build().size();
                long buildMs = (System.nanoTime() - t0) / 1_000_000;

                // Alternating, so a loaded machine slows both alike.
                long[] loadMs = new long[3];
                long snapshotBytes = 0;
                for (int connections : round % 2 == 1 ? new int[] {1, 2} : new int[] {2, 1}) {
                    long base = heapAfterGc();
                    t0 = System.nanoTime();
                    StationLoader.Loaded loaded = StationLoader.load(
                            connections == 1 ? List.of(connection) : List.of(connection, second),
                            bits,
                            new StationSnapshot.Dictionaries(),
                            16);
                    loadMs[connections] = (System.nanoTime() - t0) / 1_000_000;
                    snapshotBytes = heapAfterGc() - base;
                    if (loaded.active().size() + loaded.suspended().size() != count)
                        throw new AssertionError("the loads disagree: " + count);
                }
                System.out.printf(
                        "| %d | %d | %d | %d | %d | %d | %d | %d |%n",
                        round, copyMs, decodeMs, buildMs, loadMs[1], loadMs[2], snapshotBytes >> 20, count);
            }
        }
    }

    /** The COPY's messages as the driver hands them out, kept for {@link Replay}. */
    private static List<byte[]> drain(Connection connection) throws SQLException {
        CopyOut copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyOut("COPY (" + StationLoader.SELECT + ") TO STDOUT (FORMAT binary)");
        List<byte[]> messages = new ArrayList<>(1 << 20);
        for (byte[] m = copy.readFromCopy(); m != null; m = copy.readFromCopy()) messages.add(m);
        return messages;
    }

    /** A finished COPY played back from memory, so decoding is timed without PostgreSQL. */
    private static final class Replay implements CopyOut {
        private final List<byte[]> messages;
        private int next;

        Replay(List<byte[]> messages) {
            this.messages = messages;
        }

        @Override
        public byte @Nullable [] readFromCopy() {
            return next < messages.size() ? messages.get(next++) : null;
        }

        @Override
        public byte @Nullable [] readFromCopy(boolean block) {
            return readFromCopy();
        }

        @Override
        public int getFieldCount() {
            return 0;
        }

        @Override
        public int getFormat() {
            return 1;
        }

        @Override
        public int getFieldFormat(int field) {
            return 1;
        }

        @Override
        public boolean isActive() {
            return next < messages.size();
        }

        @Override
        public void cancelCopy() {
            next = messages.size();
        }

        @Override
        public long getHandledRowCount() {
            return next;
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
