package org.yizhan.locator.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /**
     * An import that adds at least this many stations, and at least as many as the register holds,
     * rebuilds the register's secondary indexes once afterwards instead of inserting into them row
     * by row (a first or national load; see docs/DECISIONS.md).
     */
    static final int REBUILD_INDEXES_FROM = 50_000;

    /** Columns of FIELDS that are not strings: written by to_json as they are (an array, a number). */
    private static final Set<String> NOT_TEXT = Set.of("amenities", "floor_area");

    /**
     * A created station's history entry lists every value the import set, as the API's create does
     * ({"field": {"after": value}}, no before), written as JSON text and read once as jsonb. It is the
     * object {@code jsonb_strip_nulls(jsonb_build_object('code', jsonb_build_object('after', s.code), ...))}
     * byte for byte (LargeImportIT compares them): a null value leaves its key out, and {@code to_json}
     * writes strings, arrays and floats (NaN as a string) as jsonb_build_object does. Fourteen nested
     * jsonb_build_object calls per row took 9.7 s for 10^6 rows, this 5.3 s (docs/SCALING.md,
     * "Import, session 14"); strings are cast to text first, which to_json writes faster than varchar.
     */
    private static final String CREATED_CHANGES = "('{\"code\":{\"after\":' || to_json(s.code::text) || '}'"
            + FIELDS.stream()
                    .map(f -> " || " + after(f[0], "s." + f[1] + (NOT_TEXT.contains(f[1]) ? "" : "::text")))
                    .collect(Collectors.joining())
            + " || " + after("lat", "ST_Y(s.location::geometry)")
            + " || " + after("lng", "ST_X(s.location::geometry)")
            + " || '}')::jsonb";

    private final JdbcClient jdbc;
    private final StationCodeAllocator allocator;
    private final int rebuildIndexesFrom;

    ImportWriter(JdbcClient jdbc, StationCodeAllocator allocator, int rebuildIndexesFrom) {
        this.jdbc = jdbc;
        this.allocator = allocator;
        this.rebuildIndexesFrom = rebuildIndexesFrom;
    }

    /** {@code ,"key":{"after":value}} as JSON text, or nothing when the value is null. */
    private static String after(String key, String value) {
        return "coalesce(',\"" + key + "\":{\"after\":' || to_json(" + value + ") || '}', '')";
    }

    /** Writes the classified rows; answers the first code number of each division's new block. */
    Map<String, Integer> write(String username, String reason, RegisterImporter.Phases phases) {
        Map<String, Integer> first = reserveCodes();
        phases.done("codes");
        recordUpdates(username, reason);
        jdbc.sql("""
                UPDATE station s SET name = r.name, name_en = r.name_en, address = r.address, location = %s,
                       adcode = r.adcode, host_type = r.host_type, host_organisation = r.host_organisation,
                       contact_person = r.contact_person, contact_phone = r.contact_phone, opening_hours = r.opening_hours,
                       always_open = r.always_open, amenities = r.amenities, status = r.status, floor_area = r.floor_area,
                       updated_at = now(), version = s.version + 1
                  FROM import_row r WHERE r.action = 'update' AND s.id = r.match_id""".formatted(RegisterImporter.point("r"))).update();
        phases.done("updates");
        if (first.isEmpty()) return first;
        int creates = first.values().size() == 0
                ? 0
                : jdbc.sql("SELECT count(*) FROM import_row WHERE match_id IS NULL")
                        .query(Integer.class)
                        .single();
        boolean bulk = creates >= rebuildIndexesFrom && creates >= registerSize();
        // History first: its readers join station_history to station in that order, so they queue at the first
        // lock instead of holding one that the import waits for.
        List<String> foreignKeys = bulk ? dropHistoryForeignKeys() : List.of();
        List<String> rebuild = bulk ? dropIndexes() : List.of();
        // One statement: the stations, with codes from each division's block in file order, and their history
        // entries from what the insert returns.
        jdbc.sql("""
                WITH block AS (
                    SELECT * FROM unnest(CAST(:adcodes AS varchar[]), CAST(:firsts AS int[])) AS b(adcode, first_seq)),
                s AS (
                    INSERT INTO station (code, name, name_en, address, location, adcode, host_type, host_organisation,
                                         contact_person, contact_phone, opening_hours, always_open, amenities, status,
                                         floor_area, created_at, updated_at, version)
                    SELECT station_code(r.adcode, b.first_seq + r.ord - 1), r.name, r.name_en, r.address, %s, r.adcode,
                           r.host_type, r.host_organisation, r.contact_person, r.contact_phone, r.opening_hours,
                           r.always_open, r.amenities, r.status, r.floor_area, now(), now(), 0
                      FROM import_row r JOIN block b ON b.adcode = r.adcode
                     WHERE r.match_id IS NULL
                    RETURNING *)
                INSERT INTO station_history (station_id, changed_at, changed_by, action, changes, reason)
                SELECT s.id, now(), :user, 'import', %s, :reason
                  FROM s""".formatted(RegisterImporter.point("r"), CREATED_CHANGES))
                .param("adcodes", first.keySet().toArray(String[]::new))
                .param("firsts", first.values().toArray(Integer[]::new))
                .param("user", username)
                .param("reason", reason)
                .update();
        phases.done("insert");
        if (!rebuild.isEmpty()) {
            rebuild.forEach(definition -> jdbc.sql(definition).update());
            phases.done("indexes");
        }
        if (!foreignKeys.isEmpty()) {
            foreignKeys.forEach(definition -> jdbc.sql(definition).update());
            phases.done("keys");
        }
        return first;
    }

    /** Reserves a block of codes per division for the new rows, in one statement. */
    private Map<String, Integer> reserveCodes() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT adcode, count(*) FROM import_row WHERE match_id IS NULL GROUP BY adcode")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts.isEmpty() ? Map.of() : allocator.reserveBlocks(counts);
    }

    private long registerSize() {
        // The planner's estimate is enough to choose a strategy; counting a large register costs a scan.
        Long estimate = jdbc.sql("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'station'::regclass")
                .query(Long.class)
                .single();
        return estimate == 0
                ? jdbc.sql("SELECT count(*) FROM station").query(Long.class).single()
                : estimate;
    }

    /**
     * Drops the station table's indexes that back no constraint (spatial, trigram, amenity and the
     * like; the primary key and the unique code stay and keep checking) and answers the statements
     * that build them again. Inside the import's transaction: a failed import keeps them, and readers
     * wait for the commit instead of seeing the table without them.
     */
    private List<String> dropIndexes() {
        List<String[]> indexes = jdbc.sql("""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                 WHERE i.indrelid = 'station'::regclass AND NOT i.indisprimary AND NOT i.indisunique
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                 ORDER BY 1""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        jdbc.sql("SET LOCAL maintenance_work_mem = '512MB'").update();
        for (String[] index : indexes) jdbc.sql("DROP INDEX " + index[0]).update();
        return indexes.stream().map(index -> index[1]).toList();
    }

    /**
     * Drops the foreign keys of station_history to station and answers the statements that add them
     * again. Checked row by row they cost 8.1 s for 10^6 history rows; added back after the insert,
     * PostgreSQL validates them in one join (2.5 s). Same transaction, so a failed import keeps them
     * and nothing commits unchecked; history readers wait for the commit, as station readers already do.
     */
    private List<String> dropHistoryForeignKeys() {
        List<String[]> keys = jdbc.sql("""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE conrelid = 'station_history'::regclass AND confrelid = 'station'::regclass AND contype = 'f'
                 ORDER BY 1""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] key : keys)
            jdbc.sql("ALTER TABLE station_history DROP CONSTRAINT " + quoted(key[0]))
                    .update();
        return keys.stream()
                .map(key -> "ALTER TABLE station_history ADD CONSTRAINT " + quoted(key[0]) + " " + key[1])
                .toList();
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private void recordUpdates(String username, String reason) {
        String fieldChanges = FIELDS.stream()
                .map(f -> "'" + f[0] + "', CASE WHEN s." + f[1] + " IS DISTINCT FROM r." + f[1]
                        + " THEN jsonb_build_object('before', s." + f[1] + ", 'after', r." + f[1] + ") END")
                .collect(Collectors.joining(", "));
        String moved = "'lat', CASE WHEN NOT ST_DWithin(s.location, " + RegisterImporter.point("r")
                + ", 0.05) THEN jsonb_build_object("
                + "'before', ST_Y(s.location::geometry), 'after', r.lat) END, "
                + "'lng', CASE WHEN NOT ST_DWithin(s.location, " + RegisterImporter.point("r")
                + ", 0.05) THEN jsonb_build_object("
                + "'before', ST_X(s.location::geometry), 'after', r.lng) END";
        jdbc.sql("INSERT INTO station_history (station_id, changed_at, changed_by, action, changes, reason) "
                        + "SELECT s.id, now(), :user, 'import', jsonb_strip_nulls(jsonb_build_object(" + fieldChanges
                        + ", " + moved + ")), :reason "
                        + "FROM import_row r JOIN station s ON s.id = r.match_id WHERE r.action = 'update'")
                .param("user", username)
                .param("reason", reason)
                .update();
    }
}
