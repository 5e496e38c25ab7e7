package org.yizhan.locator.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.support.ApiIT;

class CodeAssignmentIT extends ApiIT {

    /** 220 creates race in one division through the HTTP API; every code must be distinct and valid. */
    @Test
    void concurrentCreatesInOneDivisionNeverShareACode() throws Exception {
        int creates = 220;
        // Five racing clients: more than one at a time contend for the counter, and all stay below the
        // pool's seven connections (one is the index listener's), so none waits for a connection and gets
        // the pool's fast 503 on a busy machine — that path is DatabaseOutageIT's business.
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < creates; i++) {
                var form = with(haibowanStation(), "adcode", "150304");
                futures.add(pool.submit(() -> createStation(form)));
            }
            List<String> codes = new ArrayList<>();
            for (Future<String> f : futures) codes.add(f.get());

            assertThat(codes).hasSize(creates).doesNotHaveDuplicates();
            assertThat(codes)
                    .allSatisfy(c -> assertThat(StationCode.parse(c).adcode()).isEqualTo("150304"));
            List<Integer> sequences = codes.stream()
                    .map(c -> StationCode.parse(c).sequence())
                    .sorted()
                    .toList();
            // The counter hands out consecutive numbers: no gaps, nothing reused.
            assertThat(sequences.get(sequences.size() - 1) - sequences.get(0)).isEqualTo(creates - 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
