package org.yizhan.locator.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.station.StationCodeAllocator;

/**
 * Writes a classified import: codes for new stations from the per-division counters, history
 * rows with before/after of every changed field, then the updates and inserts themselves, all
 * as set-based statements inside the import's transaction.
 */
final class ImportWriter {

    /** History key → expression on station s (before) and import_row r (after). */
    private static final List<String[]> FIELDS = List.of(
            new String[] {"name", "name"},
            new String[] {"nameEn", "name_en"},
            new String[] {"address", "address"},
            new String[] {"adcode", "adcode"},
            new String[] {"hostType", "host_type"},
            new String[] {"hostOrganisation", "host_organisation"},
            new String[] {"contactPerson", "contact_person"},
            new String[] {"contactPhone", "contact_phone"},
            new String[] {"openingHours", "opening_hours"},
            new String[] {"amenities", "amenities"},
            new String[] {"status", "status"},
            new String[] {"floorArea", "floor_area"});

    private final JdbcClient jdbc;
    private final StationCodeAllocator allocator;

    ImportWriter(JdbcClient jdbc, StationCodeAllocator allocator) {
        this.jdbc = jdbc;
        this.allocator = allocator;
    }

    void write(String username, String reason) {
        assignCodes();
        recordUpdates(username, reason);
        jdbc.sql("""
                UPDATE station s SET name = r.name, name_en = r.name_en, address = r.address, location = r.location,
                       adcode = r.adcode, host_type = r.host_type, host_organisation = r.host_organisation,
                       contact_person = r.contact_person, contact_phone = r.contact_phone, opening_hours = r.opening_hours,
                       always_open = r.always_open, amenities = r.amenities, status = r.status, floor_area = r.floor_area,
                       updated_at = now(), version = s.version + 1
                  FROM import_row r WHERE r.action = 'update' AND s.id = r.match_id""").update();
        jdbc.sql("""
                INSERT INTO station (code, name, name_en, address, location, adcode, host_type, host_organisation, contact_person,
                                     contact_phone, opening_hours, always_open, amenities, status, floor_area,
                                     created_at, updated_at, version)
                SELECT code, name, name_en, address, location, adcode, host_type, host_organisation, contact_person,
                       contact_phone, opening_hours, always_open, amenities, status, floor_area, now(), now(), 0
                  FROM import_row WHERE action = 'create' ORDER BY row_no""").update();
        jdbc.sql("""
                INSERT INTO station_history (station_id, changed_at, changed_by, action, changes, reason)
                SELECT s.id, now(), :user, 'import', jsonb_build_object('code', jsonb_build_object('before', NULL, 'after', s.code)), :reason
                  FROM import_row r JOIN station s ON s.code = r.code WHERE r.action = 'create'""").param("user", username).param("reason", reason).update();
    }

    /** New stations get consecutive codes per division, in row order, from the API's allocator. */
    private void assignCodes() {
        record Batch(String adcode, int count) {}
        List<Batch> batches = jdbc.sql(
                        "SELECT adcode, count(*) FROM import_row WHERE action = 'create' GROUP BY adcode ORDER BY adcode")
                .query((rs, n) -> new Batch(rs.getString(1), rs.getInt(2)))
                .list();
        for (Batch batch : batches) {
            List<StationCode> codes = allocator.reserve(batch.adcode(), batch.count());
            List<Integer> rows = jdbc.sql(
                            "SELECT row_no FROM import_row WHERE action = 'create' AND adcode = :adcode ORDER BY row_no")
                    .param("adcode", batch.adcode())
                    .query(Integer.class)
                    .list();
            List<String> pairs = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++)
                pairs.add(rows.get(i) + ":" + codes.get(i).value());
            // One statement per division: unnest the (row, code) pairs rather than a round trip per row.
            jdbc.sql("""
                    UPDATE import_row r SET code = split_part(p, ':', 2)
                      FROM unnest(CAST(:pairs AS text[])) AS p WHERE r.row_no = split_part(p, ':', 1)::int""").param("pairs", pairs.toArray(String[]::new)).update();
        }
    }

    private void recordUpdates(String username, String reason) {
        String fieldChanges = FIELDS.stream()
                .map(f -> "'" + f[0] + "', CASE WHEN s." + f[1] + " IS DISTINCT FROM r." + f[1]
                        + " THEN jsonb_build_object('before', s." + f[1] + ", 'after', r." + f[1] + ") END")
                .collect(Collectors.joining(", "));
        String moved = "'lat', CASE WHEN NOT ST_DWithin(s.location, r.location, 0.05) THEN jsonb_build_object("
                + "'before', ST_Y(s.location::geometry), 'after', ST_Y(r.location::geometry)) END, "
                + "'lng', CASE WHEN NOT ST_DWithin(s.location, r.location, 0.05) THEN jsonb_build_object("
                + "'before', ST_X(s.location::geometry), 'after', ST_X(r.location::geometry)) END";
        jdbc.sql("INSERT INTO station_history (station_id, changed_at, changed_by, action, changes, reason) "
                        + "SELECT s.id, now(), :user, 'import', jsonb_strip_nulls(jsonb_build_object(" + fieldChanges
                        + ", " + moved + ")), :reason "
                        + "FROM import_row r JOIN station s ON s.id = r.match_id WHERE r.action = 'update'")
                .param("user", username)
                .param("reason", reason)
                .update();
    }
}
