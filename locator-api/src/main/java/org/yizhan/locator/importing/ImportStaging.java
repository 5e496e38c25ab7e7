package org.yizhan.locator.importing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yizhan.geo.station.StationRecord;

/**
 * A temporary table holding the valid rows of one import, so matching, checking and writing
 * are set-based SQL instead of one round trip per row. Dropped at the end of the transaction.
 */
final class ImportStaging {

    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final List<Object[]> pending = new ArrayList<>(BATCH);

    ImportStaging(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("""
                CREATE TEMP TABLE import_row (
                    row_no integer PRIMARY KEY, code varchar(14), name varchar(100) NOT NULL, name_en varchar(150),
                    address varchar(200) NOT NULL, location geography(Point, 4326) NOT NULL, adcode varchar(6) NOT NULL,
                    host_type varchar(12) NOT NULL, host_organisation varchar(100) NOT NULL, contact_person varchar(50) NOT NULL,
                    contact_phone varchar(30) NOT NULL, opening_hours varchar(255) NOT NULL, always_open boolean NOT NULL,
                    amenities varchar(40)[] NOT NULL, status varchar(12) NOT NULL, floor_area double precision,
                    match_id bigint, action varchar(10)
                ) ON COMMIT DROP""");
    }

    void add(int rowNumber, StationRecord r, boolean alwaysOpen) {
        pending.add(new Object[] {
            rowNumber,
            r.code(),
            r.name(),
            r.nameEn(),
            r.address(),
            r.lng(),
            r.lat(),
            r.adcode(),
            r.hostType(),
            r.hostOrganisation(),
            r.contactPerson(),
            r.contactPhone(),
            r.openingHours(),
            alwaysOpen,
            r.amenities().toArray(String[]::new),
            r.status(),
            r.floorArea()
        });
        if (pending.size() == BATCH) flush();
    }

    void flush() {
        if (pending.isEmpty()) return;
        jdbc.batchUpdate("""
                INSERT INTO import_row (row_no, code, name, name_en, address, location, adcode, host_type, host_organisation,
                                        contact_person, contact_phone, opening_hours, always_open, amenities, status, floor_area)
                VALUES (?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", pending, pending.size(), ImportStaging::bind);
        pending.clear();
    }

    private static void bind(PreparedStatement ps, Object[] v) throws SQLException {
        for (int i = 0; i < v.length; i++) {
            Object value = v[i];
            if (value instanceof String[] array)
                ps.setArray(i + 1, ps.getConnection().createArrayOf("varchar", array));
            else if (value == null) ps.setNull(i + 1, i == v.length - 1 ? Types.DOUBLE : Types.VARCHAR);
            else ps.setObject(i + 1, value);
        }
    }
}
