package org.yizhan.locator.station;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.web.ApiException;

/**
 * The one place that hands out station codes, for the API and for imports. The upsert takes a
 * row lock held until the caller's transaction commits, so concurrent creates in one division
 * queue up instead of colliding, and the counter never goes back, so a code is never handed out
 * twice.
 */
@Component
public class StationCodeAllocator {

    private static final int MAX_SEQUENCE = 99_999;

    private final JdbcClient jdbc;

    public StationCodeAllocator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next code of a division; must run inside the transaction that inserts the station. */
    StationCode next(String adcode) {
        return reserve(adcode, 1).get(0);
    }

    /**
     * The next {@code count} consecutive codes of a division, in order; must run inside the
     * transaction that inserts the stations. A division out of codes is a 409.
     */
    public List<StationCode> reserve(String adcode, int count) {
        int last;
        try {
            last = jdbc.sql("""
                    INSERT INTO station_code_sequence AS s (adcode, last_sequence) VALUES (:adcode, :count)
                    ON CONFLICT (adcode) DO UPDATE SET last_sequence = s.last_sequence + EXCLUDED.last_sequence
                    RETURNING last_sequence""")
                    .param("adcode", adcode)
                    .param("count", count)
                    .query(Integer.class)
                    .single();
        } catch (DataIntegrityViolationException exhausted) {
            throw count == 1
                    ? ApiException.of(HttpStatus.CONFLICT, "station.codes.exhausted", adcode)
                    : ApiException.of(HttpStatus.CONFLICT, "station.codes.tooMany", adcode, count);
        }
        List<StationCode> codes = new ArrayList<>(count);
        for (int sequence = last - count + 1; sequence <= last; sequence++) codes.add(StationCode.of(adcode, sequence));
        return codes;
    }

    /**
     * Reserves codes for many divisions in one statement (a national import touches thousands):
     * {@code counts} maps a division to how many codes it needs; the answer maps it to the first
     * sequence number of its consecutive block. Codes are {@link StationCode#of} (in SQL
     * {@code station_code(adcode, seq)}). Must run inside the
     * transaction that inserts the stations. A division out of codes is a 409 naming it.
     */
    public Map<String, Integer> reserveBlocks(Map<String, Integer> counts) {
        if (counts.isEmpty()) return Map.of();
        List<String> adcodes = new ArrayList<>(new TreeMap<>(counts).keySet()); // one lock order for all
        Integer[] needed = adcodes.stream().map(counts::get).toArray(Integer[]::new);
        // A division that would run out is named before anything is written (a failed statement would
        // leave nothing to ask with in this transaction).
        jdbc.sql("""
                SELECT u.a, u.n FROM unnest(CAST(:adcodes AS varchar[]), CAST(:counts AS int[])) AS u(a, n)
                  JOIN station_code_sequence s ON s.adcode = u.a WHERE s.last_sequence + u.n > :max ORDER BY u.a LIMIT 1""")
                .param("adcodes", adcodes.toArray(String[]::new))
                .param("counts", needed)
                .param("max", MAX_SEQUENCE)
                .query((rs, n) ->
                        ApiException.of(HttpStatus.CONFLICT, "station.codes.tooMany", rs.getString(1), rs.getInt(2)))
                .optional()
                .ifPresent(full -> {
                    throw full;
                });
        for (int i = 0; i < needed.length; i++)
            if (needed[i] > MAX_SEQUENCE)
                throw ApiException.of(HttpStatus.CONFLICT, "station.codes.tooMany", adcodes.get(i), needed[i]);
        Map<String, Integer> first = new HashMap<>();
        try {
            jdbc.sql("""
                    INSERT INTO station_code_sequence AS s (adcode, last_sequence)
                    SELECT a, n FROM unnest(CAST(:adcodes AS varchar[]), CAST(:counts AS int[])) WITH ORDINALITY AS u(a, n, i) ORDER BY i
                    ON CONFLICT (adcode) DO UPDATE SET last_sequence = s.last_sequence + EXCLUDED.last_sequence
                    RETURNING adcode, last_sequence""")
                    .param("adcodes", adcodes.toArray(String[]::new))
                    .param("counts", needed)
                    .query(rs -> {
                        first.put(rs.getString(1), rs.getInt(2) - counts.getOrDefault(rs.getString(1), 0) + 1);
                    });
        } catch (DataIntegrityViolationException exhausted) {
            // Another transaction took the last codes between the check and the reservation.
            throw ApiException.of(HttpStatus.CONFLICT, "station.codes.tooMany", adcodes.get(0), needed[0]);
        }
        return first;
    }
}
