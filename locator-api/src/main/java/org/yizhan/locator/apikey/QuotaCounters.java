package org.yizhan.locator.apikey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.yizhan.locator.config.YizhanProperties;

/**
 * Request counts per caller in fixed windows (the clock's minute, the local day), shared through
 * PostgreSQL. A request is decided here, in memory: it is allowed while the last shared total
 * plus what this instance counted since is below the quota. About once a second
 * ({@code yizhan.quota.sync-interval}) the instance adds its new counts to {@code api_usage} in
 * one statement and takes back the totals, which include every other instance's counts.
 * The hot path touches no database, so a key costs nearest no measurable time, and a database
 * outage only stops the sharing (each instance then counts alone) instead of the API.
 */
@Component
class QuotaCounters {

    static final int MINUTE = 60;
    /** The window length stored for a day; the window itself is a local calendar day. */
    static final int DAY = 86_400;

    private static final Logger log = LoggerFactory.getLogger(QuotaCounters.class);

    /** One caller's count in one window. Fields are guarded by the caller's lock stripe. */
    private static final class Count {
        long shared; // total in PostgreSQL at the last sync (other instances' and ours)
        long pending; // ours, being added by a sync in progress
        long local; // ours since then
        long lastUsed; // epoch second of this caller's last request in the window

        long used() {
            return shared + pending + local;
        }
    }

    record Window(String subject, int seconds, long start) {}

    /** Where a caller stands against one policy after a request: the RateLimit field's r and t. */
    record PolicyState(String policy, long quota, int windowSeconds, long remaining, long resetSeconds) {}

    /** The decision on one request, with its state against each policy (minute first). */
    record Decision(boolean allowed, List<PolicyState> policies) {
        /** Seconds until every exhausted window has reset: the Retry-After of a 429. */
        long retryAfterSeconds() {
            return policies.stream()
                    .filter(p -> p.remaining() == 0)
                    .mapToLong(PolicyState::resetSeconds)
                    .max()
                    .orElse(1);
        }
    }

    private final Map<Window, Count> counts = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[256];
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final AtomicLong lastPrune = new AtomicLong();
    private volatile long failingSince;

    QuotaCounters(
            JdbcClient jdbc,
            Clock clock,
            YizhanProperties yizhan,
            QuotaProperties properties,
            TaskScheduler scheduler) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = yizhan.timeZone();
        for (int i = 0; i < stripes.length; i++) stripes[i] = new Object();
        if (properties.enabled()) scheduler.scheduleWithFixedDelay(this::sync, properties.syncInterval());
    }

    /** Counts one request of {@code subject} if both its windows have room, and says where it stands. */
    Decision take(String subject, QuotaProperties.Limit limit) {
        Instant now = clock.instant();
        long second = now.getEpochSecond();
        long minuteStart = second - Math.floorMod(second, MINUTE);
        Day today = day(now);
        long dayStart = today.start();
        long dayEnd = today.end();
        Window minuteWindow = new Window(subject, MINUTE, minuteStart);
        Window dayWindow = new Window(subject, DAY, dayStart);
        synchronized (stripes[Math.floorMod(subject.hashCode(), stripes.length)]) {
            Count minute = counts.computeIfAbsent(minuteWindow, w -> new Count());
            Count day = counts.computeIfAbsent(dayWindow, w -> new Count());
            minute.lastUsed = second;
            day.lastUsed = second;
            boolean allowed = minute.used() < limit.perMinute() && day.used() < limit.perDay();
            if (allowed) {
                minute.local++;
                day.local++;
            }
            return new Decision(
                    allowed,
                    List.of(
                            new PolicyState(
                                    "minute",
                                    limit.perMinute(),
                                    MINUTE,
                                    Math.max(0, limit.perMinute() - minute.used()),
                                    Math.max(1, minuteStart + MINUTE - second)),
                            new PolicyState(
                                    "day",
                                    limit.perDay(),
                                    DAY,
                                    Math.max(0, limit.perDay() - day.used()),
                                    Math.max(1, dayEnd - second))));
        }
    }

    /** A local day in epoch seconds, [start, end). */
    private record Day(long start, long end) {}

    private volatile Day lastDay = new Day(0, 0);

    /** The local day of {@code now}; the zone's rules are consulted once a day, not on every request. */
    private Day day(Instant now) {
        long second = now.getEpochSecond();
        Day day = lastDay;
        if (second >= day.start() && second < day.end()) return day;
        LocalDate today = LocalDate.ofInstant(now, zone);
        day = new Day(
                today.atStartOfDay(zone).toEpochSecond(),
                today.plusDays(1).atStartOfDay(zone).toEpochSecond());
        lastDay = day;
        return day;
    }

    /** Adds this instance's new counts to the shared ones and takes back the totals. */
    void sync() {
        List<Window> windows = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        for (Map.Entry<Window, Count> e : counts.entrySet()) {
            synchronized (stripe(e.getKey())) {
                Count c = e.getValue();
                if (c.local > 0 && c.pending == 0) {
                    c.pending = c.local;
                    c.local = 0;
                    windows.add(e.getKey());
                    deltas.add(c.pending);
                }
            }
        }
        try {
            if (!windows.isEmpty()) write(windows, deltas);
            failingSince = 0;
            forgetEndedWindows();
            pruneTable();
        } catch (DataAccessException | IllegalStateException e) {
            for (Window w : windows) {
                synchronized (stripe(w)) {
                    Count c = counts.get(w);
                    if (c != null) {
                        c.local += c.pending;
                        c.pending = 0;
                    }
                }
            }
            long now = System.nanoTime();
            if (failingSince == 0) {
                failingSince = now;
                log.warn(
                        "Quota counts cannot be shared through the database; each instance counts alone until it is back: {}",
                        e.toString());
            }
        }
    }

    private void write(List<Window> windows, List<Long> deltas) {
        // Rows are locked in one order on every instance, so two syncs never deadlock.
        Integer[] order = new Integer[windows.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(
                order,
                Comparator.comparing((Integer i) -> windows.get(i).subject())
                        .thenComparingInt(i -> windows.get(i).seconds())
                        .thenComparingLong(i -> windows.get(i).start()));
        String[] subjects = new String[order.length];
        Integer[] seconds = new Integer[order.length];
        Timestamp[] starts = new Timestamp[order.length];
        Long[] adds = new Long[order.length];
        for (int k = 0; k < order.length; k++) {
            Window w = windows.get(order[k]);
            subjects[k] = w.subject();
            seconds[k] = w.seconds();
            starts[k] = Timestamp.from(Instant.ofEpochSecond(w.start()));
            adds[k] = deltas.get(order[k]);
        }
        List<Object[]> totals = jdbc.sql("""
                INSERT INTO api_usage (subject, window_seconds, window_start, requests)
                SELECT subject, seconds, start, requests
                  FROM unnest(:subjects::varchar[], :seconds::int[], :starts::timestamptz[], :adds::bigint[])
                       WITH ORDINALITY AS u(subject, seconds, start, requests, n)
                 ORDER BY n
                ON CONFLICT (subject, window_seconds, window_start)
                DO UPDATE SET requests = api_usage.requests + excluded.requests
                RETURNING subject, window_seconds, extract(epoch FROM window_start)::bigint, requests""")
                .param("subjects", subjects)
                .param("seconds", seconds)
                .param("starts", starts)
                .param("adds", adds)
                .query((rs, n) ->
                        new Object[] {new Window(rs.getString(1), rs.getInt(2), rs.getLong(3)), rs.getLong(4)})
                .list();
        for (Object[] row : totals) {
            Window w = (Window) row[0];
            synchronized (stripe(w)) {
                Count c = counts.get(w);
                if (c != null) {
                    c.shared = (Long) row[1];
                    c.pending = 0;
                }
            }
        }
    }

    /**
     * Drops fully shared windows that are over or idle for ten minutes, so memory holds only
     * current callers, not every address seen today. A caller that comes back starts from zero
     * here and gets its day's total back with the next sync.
     */
    private void forgetEndedWindows() {
        long second = clock.instant().getEpochSecond();
        counts.entrySet().removeIf(e -> {
            Window w = e.getKey();
            Count c = e.getValue();
            synchronized (stripe(w)) {
                boolean over = w.start() + w.seconds() + 3_600 <= second; // a local day may be 25 hours
                return c.local == 0 && c.pending == 0 && (over || c.lastUsed < second - 600);
            }
        });
    }

    /** Once a minute: minute windows and anonymous days go once over; keys' days stay as their usage history. */
    private void pruneTable() {
        long now = System.currentTimeMillis();
        long last = lastPrune.get();
        if (now - last < 60_000 || !lastPrune.compareAndSet(last, now)) return;
        jdbc.sql("""
                DELETE FROM api_usage
                 WHERE (window_seconds = 60 AND window_start < now() - interval '10 minutes')
                    OR (subject LIKE 'a%' AND window_start < now() - interval '3 days')""").update();
    }

    private Object stripe(Window w) {
        return stripes[Math.floorMod(w.subject().hashCode(), stripes.length)];
    }
}
