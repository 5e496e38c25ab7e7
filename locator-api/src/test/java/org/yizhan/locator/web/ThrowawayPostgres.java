package org.yizhan.locator.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 + PostGIS cluster of its own, in a temporary directory on a free port, that a
 * test may stop and start at will (never the shared cluster). initdb refuses to run as root,
 * so under root the cluster belongs to the postgres system user.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private static final String BIN = "/usr/lib/postgresql/15/bin/";

    final Path dir;
    final int port;
    private final Path data;
    private final Path log;

    private ThrowawayPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.data = dir.resolve("data");
        this.log = dir.resolve("postgres.log");
    }

    /** Initialises, starts and creates database {@code db} with PostGIS. */
    static ThrowawayPostgres create(String db) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "yizhan-hostile-pg-");
        ThrowawayPostgres pg = new ThrowawayPostgres(dir, freePort());
        if (root()) run(List.of("chown", "postgres:postgres", dir.toString()));
        pg.asPostgres(
                BIN + "initdb",
                "-D",
                pg.data.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8");
        Files.writeString(
                pg.data.resolve("postgresql.conf"),
                """

                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                max_connections = 50
                shared_buffers = 32MB
                fsync = off
                """.formatted(pg.port, dir),
                java.nio.file.StandardOpenOption.APPEND);
        pg.start();
        try (Connection c = DriverManager.getConnection(pg.url("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        try (Connection c = DriverManager.getConnection(pg.url(db), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION postgis");
        }
        return pg;
    }

    String url(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    void start() throws Exception {
        asPostgres(BIN + "pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "start");
    }

    /** Like a crash: no checkpoint, clients cut off; committed work must come back from the WAL. */
    void stopImmediately() throws Exception {
        asPostgres(BIN + "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) stopImmediately();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    boolean accepts() {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private void asPostgres(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (root()) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
