package org.yizhan.locator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.yizhan.locator.YizhanApplication;

/**
 * Stops and starts a real PostgreSQL (a throwaway cluster, with a second instance of the service
 * on it) under concurrent reads and writes. While the database is away, requests that need it
 * answer within about 2 s with 503 + Retry-After (never 500, never 401 for a correct password),
 * nearest keeps answering from memory and the health endpoint names the database as down. Within
 * 5 s of the database's return every path works again, and every acknowledged write is there.
 */
class DatabaseOutageIT {

    private static final String ADMIN = "outage-admin";
    private static final String PASSWORD = "outage-only-password";
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    /** The kinds of request in the load, as {@link #shortName} names them. */
    private static final List<String> KINDS = List.of("nearest", "read", "me", "create", "health");

    private static ThrowawayPostgres postgres;
    private static ConfigurableApplicationContext service;
    private static int port;
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Sample(
            String path,
            long startMillis,
            long endMillis,
            int status,
            String retryAfter,
            String contentType,
            String body) {
        long latency() {
            return endMillis - startMillis;
        }
    }

    @BeforeAll
    static void startAClusterOfItsOwnAndAServiceOnIt() throws Exception {
        postgres = ThrowawayPostgres.create("yizhan");
        // Command-line arguments: they outrank application.yaml, whose URL names the shared cluster.
        service = new SpringApplicationBuilder(YizhanApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + postgres.url("yizhan"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--yizhan.admin.username=" + ADMIN,
                        "--yizhan.admin.password=" + PASSWORD,
                        "--yizhan.demo.enabled=false",
                        // The test polls hard from one address through the outage; quotas are QuotaIT's business.
                        "--yizhan.quota.anonymous.per-minute=" + org.yizhan.locator.support.ApiIT.TEST_QUOTA,
                        "--yizhan.quota.anonymous.per-day=" + org.yizhan.locator.support.ApiIT.TEST_QUOTA,
                        "--spring.jmx.enabled=false",
                        "--logging.level.org.yizhan=WARN");
        port = ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (service != null) service.close();
        } finally {
            if (postgres != null) postgres.close();
        }
    }

    @Test
    void anOutageIsFast503sThenFullRecoveryWithNoAcknowledgedWriteLost() throws Exception {
        // The first write of a fresh service is slow (lazy initialisation, a password hash on a busy machine).
        String code = created(post("/api/v1/stations", stationJson(0), Duration.ofMinutes(2)));
        awaitNearestFinds(code);
        // Warm every path once, so that the timeline measures the outage, not a cold start.
        for (String path : List.of("/api/v1/stations/" + code, "/api/v1/me", "/actuator/health")) get(path, true);

        long t0 = System.currentTimeMillis();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        Set<String> acknowledged = Collections.synchronizedSet(new HashSet<>(Set.of(code)));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger(1);
        ExecutorService load = Executors.newFixedThreadPool(5);
        load.submit(() -> loop(
                running, () -> samples.add(get("/api/v1/stations/nearest?lat=39.6553&lng=106.8254&limit=3", false))));
        load.submit(() -> loop(running, () -> samples.add(get("/api/v1/stations/" + code, false))));
        load.submit(() -> loop(running, () -> samples.add(get("/api/v1/me", true))));
        load.submit(() -> loop(running, () -> {
            Sample s = post("/api/v1/stations", stationJson(writes.getAndIncrement()), Duration.ofSeconds(60));
            samples.add(s);
            if (s.status() == 201) acknowledged.add(created(s));
        }));
        load.submit(() -> loop(running, () -> samples.add(get("/actuator/health", false))));

        awaitMillis(t0 + 2_000);
        long stopAt = System.currentTimeMillis();
        postgres.stopImmediately();
        long down = System.currentTimeMillis();
        awaitMillis(down + OUTAGE.toMillis());
        long startAt = System.currentTimeMillis();
        postgres.start();
        long up = System.currentTimeMillis();
        awaitMillis(up + 7_000);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Sample> all = new ArrayList<>(samples);
        printTimeline(all, t0, stopAt, down, startAt, up, acknowledged.size(), writes.get());

        // Never a 500 or a 401 (the admin's password is right), and every 503 says when to retry.
        for (Sample s : all) {
            if (s.path().equals("/actuator/health")) continue;
            assertThat(s.status())
                    .as("%s at +%d ms: %s", s.path(), s.startMillis() - t0, s.body())
                    .isIn(200, 201, 503);
            if (s.status() == 503) {
                assertThat(s.retryAfter())
                        .as("Retry-After on 503 of " + s.path())
                        .isNotEmpty();
                assertThat(s.contentType()).startsWith("application/problem+json");
            }
        }
        // Nearest answers from memory throughout.
        assertThat(all)
                .filteredOn(s -> s.path().contains("nearest"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
        // Requests that need the database fail fast while it is away.
        List<Sample> during = all.stream()
                .filter(s -> s.startMillis() >= down && s.endMillis() <= startAt)
                .toList();
        assertThat(during)
                .filteredOn(s -> s.status() == 503)
                .as("503s during the outage")
                .isNotEmpty();
        assertThat(during.stream().mapToLong(Sample::latency).max().orElse(0))
                .as("slowest answer during the outage, ms")
                .isLessThan(3_000);
        // The health endpoint names the database, and nothing secret.
        assertThat(during)
                .filteredOn(s -> s.path().equals("/actuator/health"))
                .isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.status()).isEqualTo(503);
                    assertThat(s.body())
                            .contains("\"db\":{\"status\":\"DOWN\"")
                            .doesNotContain("jdbc", "postgres", "password", "5432");
                });
        // Within 5 s of the database's return, every path works and keeps working.
        for (String kind : KINDS) {
            long recovered = recoveredAt(all, kind, up);
            assertThat(recovered - up)
                    .as("recovery of " + kind + " after the database was back, ms")
                    .isLessThanOrEqualTo(5_000);
        }
        // No acknowledged write is lost.
        Set<String> stored = new HashSet<>();
        try (Connection c = DriverManager.getConnection(postgres.url("yizhan"), "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT code FROM station")) {
            while (rs.next()) stored.add(rs.getString(1));
        }
        assertThat(stored).containsAll(acknowledged);
    }

    /**
     * When a kind of request works again: the moment (not before the database is up) at which the
     * first request that succeeded after the return was sent, with no request sent later failing.
     * Latency on a busy machine is reported separately.
     */
    private static long recoveredAt(List<Sample> all, String kind, long up) {
        List<Sample> after = all.stream()
                .filter(s -> shortName(s.path()).equals(kind) && s.endMillis() >= up)
                .sorted(java.util.Comparator.comparingLong(Sample::startMillis))
                .toList();
        assertThat(after)
                .as("requests of " + kind + " answered after the database was back")
                .isNotEmpty();
        long recovered = Long.MAX_VALUE;
        for (Sample s : after) {
            boolean ok = s.status() < 300;
            if (ok && recovered == Long.MAX_VALUE) recovered = Math.max(up, s.startMillis());
            if (!ok && s.startMillis() >= up) recovered = Long.MAX_VALUE;
        }
        return recovered;
    }

    private static void printTimeline(
            List<Sample> all, long t0, long stopAt, long down, long startAt, long up, int acknowledged, int attempted) {
        System.out.printf(
                "DatabaseOutageIT timeline (ms from start): stop issued +%d, down +%d, start issued +%d, up +%d%n",
                stopAt - t0, down - t0, startAt - t0, up - t0);
        Map<Long, Map<String, Integer>> perSecond = new TreeMap<>();
        Map<Long, Long> maxLatency = new TreeMap<>();
        for (Sample s : all) {
            long second = (s.startMillis() - t0) / 1000;
            String key = shortName(s.path()) + ":" + s.status();
            perSecond.computeIfAbsent(second, k -> new TreeMap<>()).merge(key, 1, Integer::sum);
            maxLatency.merge(second, s.latency(), Math::max);
        }
        perSecond.forEach((second, counts) ->
                System.out.printf("  +%2ds max %4d ms %s%n", second, maxLatency.get(second), counts));
        List<Sample> during = all.stream()
                .filter(s -> s.startMillis() >= down && s.endMillis() <= startAt)
                .toList();
        System.out.printf(
                "  503s in total %d; max latency during the outage %d ms%n",
                all.stream()
                        .filter(s -> s.status() == 503 && !s.path().equals("/actuator/health"))
                        .count(),
                during.stream().mapToLong(Sample::latency).max().orElse(0));
        for (String kind : KINDS) {
            long at = recoveredAtOrMax(all, kind, up);
            System.out.printf(
                    "  %s recovered %s%n",
                    kind, at == Long.MAX_VALUE ? "never" : (at - up) + " ms after the database was up");
        }
        System.out.printf(
                "  writes attempted %d, acknowledged %d (checked in the database below)%n", attempted, acknowledged);
    }

    private static long recoveredAtOrMax(List<Sample> all, String kind, long up) {
        try {
            return recoveredAt(all, kind, up);
        } catch (AssertionError e) {
            return Long.MAX_VALUE;
        }
    }

    private static String shortName(String path) {
        if (path.contains("nearest")) return "nearest";
        if (path.equals("/api/v1/stations")) return "create";
        if (path.startsWith("/api/v1/stations/")) return "read";
        if (path.equals("/api/v1/me")) return "me";
        return "health";
    }

    private static String stationJson(int n) {
        // Spread the stations a few metres apart in Haibowan, Wuhai.
        double lat = 39.6553 + (n % 50) * 0.0002;
        double lng = 106.8254 + (n / 50) * 0.0002;
        return """
                {"name": "停电测试驿站 %d", "address": "乌海市海勃湾区新华大街%d号", "location": {"lat": %.6f, "lng": %.6f},
                 "adcode": "150302", "hostType": "self_built", "hostOrganisation": "海勃湾区总工会",
                 "contactPerson": "王丽", "contactPhone": "13900001234", "openingHours": "24/7", "amenities": ["drinking_water"]}
                """.formatted(n, n, lat, lng);
    }

    private static String created(Sample s) {
        assertThat(s.status()).as("create: " + s.body()).isEqualTo(201);
        String marker = "\"code\":\"";
        int at = s.body().indexOf(marker);
        return s.body().substring(at + marker.length(), s.body().indexOf('"', at + marker.length()));
    }

    private static void awaitNearestFinds(String code) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!get("/api/v1/stations/nearest?lat=39.6553&lng=106.8254&limit=3", false)
                .body()
                .contains(code)) {
            assertThat(System.currentTimeMillis())
                    .as("the index has the new station")
                    .isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static Sample get(String path, boolean signedIn) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (signedIn) request.header("Authorization", basic());
        return send(path, request.GET().build());
    }

    private static Sample post(String path, String json, Duration timeout) {
        return send(
                path,
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(timeout)
                        .header("Authorization", basic())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build());
    }

    private static Sample send(String path, HttpRequest request) {
        long start = System.currentTimeMillis();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Sample(
                    path,
                    start,
                    System.currentTimeMillis(),
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(""),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            return new Sample(path, start, System.currentTimeMillis(), -1, "", "", e.toString());
        }
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static void loop(AtomicBoolean running, Runnable step) {
        while (running.get()) step.run();
    }

    /** Waits for a moment in time; the load threads do the work meanwhile. */
    private static void awaitMillis(long until) throws InterruptedException {
        long left;
        while ((left = until - System.currentTimeMillis()) > 0) {
            synchronized (DatabaseOutageIT.class) {
                DatabaseOutageIT.class.wait(left);
            }
        }
    }
}
