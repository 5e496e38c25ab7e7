package org.yizhan.locator.station;

import java.util.ArrayList;
import java.util.List;
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
}
