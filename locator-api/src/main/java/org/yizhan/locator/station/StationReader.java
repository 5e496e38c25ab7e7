package org.yizhan.locator.station;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yizhan.geo.code.StationCode;

/** Reads single stations from the register. */
@Component
public class StationReader {

    private final JdbcClient jdbc;

    StationReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StationRow> find(StationCode code) {
        return jdbc.sql("SELECT " + StationRow.COLUMNS + " FROM station s WHERE s.code = :code")
                .param("code", code.value())
                .query(StationRow::map)
                .optional();
    }
}
