package org.yizhan.locator.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.config.YizhanProperties;
import org.yizhan.locator.search.NearestQueryListener;

/**
 * Counts where nearest-station queries come from, as grid cells only. The position itself is
 * dropped as soon as its cell is known; counts are flushed to the database once a minute, so
 * the hot path costs one map update. "Far" queries (nearest station beyond the planning radius)
 * are the locator's own measure of unmet demand.
 *
 * <p>Anyone can name any cell, so the cells held between flushes are capped
 * ({@link QueryDemandProperties#maxPendingCells}); once the cap is reached, queries in cells not
 * yet held are not attributed to a cell but counted as overflow until the next flush empties the
 * map, and the flush logs how many there were. Cells already held keep counting. Under a flood of
 * made-up positions, demand is thus under-counted for a minute rather than memory exhausted.
 */
@Component
public class QueryDemandRecorder implements NearestQueryListener {

    private static final Logger log = LoggerFactory.getLogger(QueryDemandRecorder.class);

    /** A query whose nearest station is further than this is unmet demand. */
    static final double FAR_METERS = 1_000;
    /** Cells seen fewer times than this are never shown (k-anonymity). */
    static final int MIN_QUERIES = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final java.time.ZoneId zone;
    private final Map<QueryDemandGrid.Cell, AtomicIntegerArray> pending = new ConcurrentHashMap<>();
    private final int maxPendingCells;
    private final LongAdder overflow = new LongAdder();

    QueryDemandRecorder(JdbcClient jdbc, Clock clock, YizhanProperties properties, QueryDemandProperties limits) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.maxPendingCells = limits.maxPendingCells();
    }

    /** Records one query; {@code nearestMeters} is null when nothing was found. */
    @Override
    public void record(LatLng origin, @org.jspecify.annotations.Nullable Double nearestMeters) {
        QueryDemandGrid.Cell cell = QueryDemandGrid.of(origin);
        AtomicIntegerArray counts = pending.get(cell);
        if (counts == null) {
            // Racing threads may each add one cell past the check: the bound is the cap plus the request threads.
            if (pending.size() >= maxPendingCells) {
                overflow.increment();
                return;
            }
            counts = pending.computeIfAbsent(cell, c -> new AtomicIntegerArray(2));
        }
        counts.incrementAndGet(0);
        if (nearestMeters == null || nearestMeters > FAR_METERS) counts.incrementAndGet(1);
    }

    /** Cells held now; at most the cap (plus one per concurrently recording thread). */
    int pendingCells() {
        return pending.size();
    }

    /** Queries not attributed to a cell since the last flush because the cap was reached. */
    long overflow() {
        return overflow.sum();
    }

    @Scheduled(fixedDelay = 60_000)
    public void flush() {
        long dropped = overflow.sumThenReset();
        if (dropped > 0) {
            log.warn(
                    "{} nearest queries were not counted into query demand: more than {} distinct cells within a minute",
                    dropped,
                    maxPendingCells);
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
        for (QueryDemandGrid.Cell cell : pending.keySet()) {
            AtomicIntegerArray counts = pending.remove(cell);
            if (counts == null) continue;
            jdbc.sql("""
                    INSERT INTO query_demand AS q (cell_lat, cell_lng, day, queries, far_queries)
                    VALUES (:lat, :lng, :day, :queries, :far)
                    ON CONFLICT (cell_lat, cell_lng, day) DO UPDATE
                       SET queries = q.queries + EXCLUDED.queries, far_queries = q.far_queries + EXCLUDED.far_queries""")
                    .param("lat", cell.lat())
                    .param("lng", cell.lng())
                    .param("day", day)
                    .param("queries", counts.get(0))
                    .param("far", counts.get(1))
                    .update();
        }
    }
}
