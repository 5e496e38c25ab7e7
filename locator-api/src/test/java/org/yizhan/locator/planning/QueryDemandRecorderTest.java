package org.yizhan.locator.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.config.YizhanProperties;

/** Anonymous nearest queries pick the cells; a flood of distinct cells must not grow memory past the cap. */
class QueryDemandRecorderTest {

    private static final int CAP = 10_000;

    @Test
    void aMillionDistinctCellsStayUnderTheCapAndTheRestIsCountedAsOverflow() {
        long seed = org.yizhan.locator.support.TestRandom.current().nextLong();
        Random random = new Random(seed);
        // Never connects: record() does not touch the database, only flush() does.
        QueryDemandRecorder recorder = new QueryDemandRecorder(
                JdbcClient.create(new SimpleDriverDataSource()),
                Clock.systemUTC(),
                properties(),
                new QueryDemandProperties(CAP));

        Set<QueryDemandGrid.Cell> distinct = new HashSet<>();
        int queries = 1_000_000;
        for (int i = 0; i < queries; i++) {
            // Cell (i / 1000, i % 1000) plus a random offset inside it: a million distinct cells, in random positions
            // within each.
            LatLng at = new LatLng(
                    (i / 1000 + random.nextDouble()) * QueryDemandGrid.LAT_STEP,
                    (i % 1000 + random.nextDouble()) * QueryDemandGrid.LNG_STEP);
            distinct.add(QueryDemandGrid.of(at));
            recorder.record(at, 500.0);
            assertThat(recorder.pendingCells()).as("seed %d", seed).isLessThanOrEqualTo(CAP);
        }
        assertThat(distinct)
                .as("seed %d: the input really names a million cells", seed)
                .hasSize(queries);
        assertThat(recorder.pendingCells()).isEqualTo(CAP);
        assertThat(recorder.overflow()).as("seed %d", seed).isEqualTo(queries - CAP);
    }

    @Test
    void cellsAlreadyHeldKeepCountingAfterTheCapIsReached() {
        QueryDemandRecorder recorder = new QueryDemandRecorder(
                JdbcClient.create(new SimpleDriverDataSource()),
                Clock.systemUTC(),
                properties(),
                new QueryDemandProperties(2));
        LatLng wuhai = new LatLng(39.6553, 106.8254),
                shiyan = new LatLng(32.6470, 110.7800),
                beijing = new LatLng(39.92, 116.46);
        recorder.record(wuhai, 200.0);
        recorder.record(shiyan, 200.0);
        recorder.record(beijing, 200.0);
        recorder.record(wuhai, 200.0);
        assertThat(recorder.pendingCells()).isEqualTo(2);
        assertThat(recorder.overflow()).isEqualTo(1);
    }

    private static YizhanProperties properties() {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of(
                        "yizhan.time-zone", ZoneId.of("Asia/Shanghai").getId())))
                .bind("yizhan", Bindable.of(YizhanProperties.class))
                .get();
    }
}
