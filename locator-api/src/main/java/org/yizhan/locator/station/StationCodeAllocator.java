package org.yizhan.locator.station;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.web.ApiException;

/**
 * Hands out the next code of a division. The upsert takes a row lock held until the caller's
 * transaction commits, so concurrent creates in one division queue up instead of colliding,
 * and the counter never goes back, so a code is never handed out twice.
 */
@Component
class StationCodeAllocator {

    private final JdbcClient jdbc;

    StationCodeAllocator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the transaction that inserts the station. */
    StationCode next(String adcode) {
        try {
            int sequence = jdbc.sql("""
                    INSERT INTO station_code_sequence AS s (adcode, last_sequence) VALUES (:adcode, 1)
                    ON CONFLICT (adcode) DO UPDATE SET last_sequence = s.last_sequence + 1
                    RETURNING last_sequence""")
                    .param("adcode", adcode)
                    .query(Integer.class)
                    .single();
            return StationCode.of(adcode, sequence);
        } catch (DataIntegrityViolationException exhausted) {
            throw new ApiException(HttpStatus.CONFLICT, "No station codes left in this division",
                    "Division " + adcode + " has used all 99,999 station codes.");
        }
    }
}
