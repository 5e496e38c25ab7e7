package org.yizhan.locator.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.config.YizhanProperties;

/**
 * Counts where nearest-station queries come from, as grid cells only. The position itself is
 * dropped as soon as its cell is known; counts are flushed to the database once a minute, so
 * the hot path costs one map update. "Far" queries (nearest station beyond the planning radius)
 * are the locator's own measure of unmet demand.
 */
@Component
public class QueryDemandRecorder {

    /** A query whose nearest station is further than this is unmet demand. */
    static final double FAR_METERS = 1_000;
    /** Cells seen fewer times than this are never shown (k-anonymity). */
    static final int MIN_QUERIES = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final java.time.ZoneId zone;
    private final Map<QueryDemandGrid.Cell, AtomicIntegerArray> pending = new ConcurrentHashMap<>();

    QueryDemandRecorder(JdbcClient jdbc, Clock clock, YizhanProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    /** Records one query; {@code nearestMeters} is null when nothing was found. */
    public void record(LatLng origin, @org.jspecify.annotations.Nullable Double nearestMeters) {
        AtomicIntegerArray counts = pending.computeIfAbsent(QueryDemandGrid.of(origin), c -> new AtomicIntegerArray(2));
        counts.incrementAndGet(0);
        if (nearestMeters == null || nearestMeters > FAR_METERS) counts.incrementAndGet(1);
    }

    @Scheduled(fixedDelay = 60_000)
    public void flush() {
        LocalDate day = LocalDate.now(clock.withZone(zone));
        for (QueryDemandGrid.Cell cell : pending.keySet()) {
            AtomicIntegerArray counts = pending.remove(cell);
            if (counts == null) continue;
            jdbc.sql("""
                    INSERT INTO query_demand AS q (cell_lat, cell_lng, day, queries, far_queries)
                    VALUES (:lat, :lng, :day, :queries, :far)
                    ON CONFLICT (cell_lat, cell_lng, day) DO UPDATE
                       SET queries = q.queries + EXCLUDED.queries, far_queries = q.far_queries + EXCLUDED.far_queries""")
                    .param("lat", cell.lat()).param("lng", cell.lng()).param("day", day)
                    .param("queries", counts.get(0)).param("far", counts.get(1))
                    .update();
        }
    }
}
