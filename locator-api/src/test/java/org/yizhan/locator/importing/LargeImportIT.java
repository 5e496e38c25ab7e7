package org.yizhan.locator.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.locator.account.Actor;
import org.yizhan.locator.station.StationCodeAllocator;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;
import org.yizhan.locator.web.Language;

/**
 * The bulk-load path of an import (station indexes and history's foreign key dropped, then built
 * and added again in the same transaction), taken for real: the threshold is lowered and the file
 * holds more rows than the register. The whole test rolls back, so the shared register stays small.
 */
class LargeImportIT extends ApiIT {

    /** What the import wrote as a created station's history before the JSON was built as text. */
    private static final String HISTORY_AS_BEFORE = """
            jsonb_strip_nulls(jsonb_build_object('code', jsonb_build_object('after', s.code),
                'name', CASE WHEN s.name IS NOT NULL THEN jsonb_build_object('after', s.name) END,
                'nameEn', CASE WHEN s.name_en IS NOT NULL THEN jsonb_build_object('after', s.name_en) END,
                'address', CASE WHEN s.address IS NOT NULL THEN jsonb_build_object('after', s.address) END,
                'adcode', CASE WHEN s.adcode IS NOT NULL THEN jsonb_build_object('after', s.adcode) END,
                'hostType', CASE WHEN s.host_type IS NOT NULL THEN jsonb_build_object('after', s.host_type) END,
                'hostOrganisation', CASE WHEN s.host_organisation IS NOT NULL THEN jsonb_build_object('after', s.host_organisation) END,
                'contactPerson', CASE WHEN s.contact_person IS NOT NULL THEN jsonb_build_object('after', s.contact_person) END,
                'contactPhone', CASE WHEN s.contact_phone IS NOT NULL THEN jsonb_build_object('after', s.contact_phone) END,
                'openingHours', CASE WHEN s.opening_hours IS NOT NULL THEN jsonb_build_object('after', s.opening_hours) END,
                'amenities', CASE WHEN s.amenities IS NOT NULL THEN jsonb_build_object('after', s.amenities) END,
                'status', CASE WHEN s.status IS NOT NULL THEN jsonb_build_object('after', s.status) END,
                'floorArea', CASE WHEN s.floor_area IS NOT NULL THEN jsonb_build_object('after', s.floor_area) END,
                'lat', jsonb_build_object('after', ST_Y(s.location::geometry)),
                'lng', jsonb_build_object('after', ST_X(s.location::geometry))))""";

    /** V25's station_public written out, so the feed is compared with the expression, not with itself. */
    private static final String FEED_AS_BEFORE = """
            jsonb_build_object('code', s.code, 'name', s.name, 'nameEn', s.name_en, 'address', s.address,
                'lat', ST_Y(s.location::geometry), 'lng', ST_X(s.location::geometry), 'adcode', s.adcode,
                'hostType', s.host_type, 'hostOrganisation', s.host_organisation, 'contactPhone', s.contact_phone,
                'openingHours', s.opening_hours, 'amenities', to_jsonb(s.amenities), 'status', s.status,
                'statusReason', s.status_reason, 'floorArea', s.floor_area, 'updatedAt', s.updated_at,
                'version', s.version)""";

    @Autowired
    private JdbcTemplate jdbcTemplate;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private StationCodeAllocator codes;

    @Test
    void aBulkLoadWritesTheSameHistoryAndFeedAndPutsBackEveryIndexAndKey() {
        RegisterImporter importer = new RegisterImporter(jdbcTemplate, jdbc, transactionManager, codes, 1);
        String file = "bulk-" + Long.toString(Math.abs(TestRandom.current().nextLong()), 36) + ".csv";
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            long register = jdbc.sql("""
                    SELECT greatest(count(*), (SELECT reltuples::bigint FROM pg_class WHERE oid = 'station'::regclass))
                      FROM station""").query(Long.class).single();
            int rows = (int) register + 25;
            List<Map<String, Object>> indexesBefore = indexesAndKeys();

            ImportReport report = importer.run(
                    new ByteArrayInputStream(csvWithOptionalColumns(rows)),
                    file,
                    CoordinateSystem.WGS84,
                    false,
                    Actor.system("bulk-test"),
                    Language.ZH);

            assertThat(report.created()).isEqualTo(rows);
            assertThat(report.committed()).isTrue();
            List<Map<String, Object>> indexesAfter = indexesAndKeys();
            assertThat(indexesAfter)
                    .as("the same indexes and keys, the station's secondary indexes and history's key made anew")
                    .extracting(m -> m.get("name"), m -> m.get("definition"), m -> m.get("valid"))
                    .containsExactlyElementsOf(indexesBefore.stream()
                            .map(m -> org.assertj.core.groups.Tuple.tuple(
                                    m.get("name"), m.get("definition"), m.get("valid")))
                            .toList());
            assertThat(changedOids(indexesBefore, indexesAfter))
                    .contains("station_history_station_id_fkey", "station_name_trgm_idx", "station_location_idx")
                    .doesNotContain("station_pkey", "station_code_key");

            assertThat(jdbc.sql("""
                    SELECT count(*) FILTER (WHERE jsonb_send(h.changes) = jsonb_send(%s)) || '/' || count(*)
                           || ' en ' || count(s.name_en) || ' area ' || count(s.floor_area)
                      FROM station_history h JOIN station s ON s.id = h.station_id WHERE h.reason = :file""".formatted(HISTORY_AS_BEFORE))
                            .param("file", file)
                            .query(String.class)
                            .single())
                    .as(
                            "history entries equal byte for byte to the old expression's, with and without the optional fields")
                    .isEqualTo(rows + "/" + rows + " en " + (rows + 1) / 2 + " area " + (rows + 2) / 3);
            assertThat(jdbc.sql("""
                    SELECT count(*) FILTER (WHERE jsonb_send(c.station) = jsonb_send(%s)) || '/' || count(*)
                      FROM station_change c JOIN station s ON s.id = c.station_id
                     WHERE c.kind = 'create' AND s.id IN (SELECT station_id FROM station_history WHERE reason = :file)""".formatted(FEED_AS_BEFORE))
                            .param("file", file)
                            .query(String.class)
                            .single())
                    .as("feed entries equal byte for byte to V25's station_public")
                    .isEqualTo(rows + "/" + rows);
        });
    }

    /** Every index of station and station_history and history's foreign keys, by name. */
    private List<Map<String, Object>> indexesAndKeys() {
        return jdbc.sql("""
                SELECT c.relname AS name, pg_get_indexdef(c.oid) AS definition, i.indisvalid AS valid, c.oid::bigint AS oid
                  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                 WHERE i.indrelid IN ('station'::regclass, 'station_history'::regclass)
                UNION ALL
                SELECT conname, pg_get_constraintdef(oid), convalidated, oid::bigint FROM pg_constraint
                 WHERE conrelid = 'station_history'::regclass AND contype = 'f'
                 ORDER BY 1""").query().listOfRows();
    }

    private static List<Object> changedOids(List<Map<String, Object>> before, List<Map<String, Object>> after) {
        List<Object> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++)
            if (!before.get(i).get("oid").equals(after.get(i).get("oid")))
                changed.add(before.get(i).get("name"));
        return changed;
    }

    /**
     * Stations in Haibowan, every other one with an English name and every third with a floor area,
     * some with characters JSON escapes (quotes, backslash) in name and address.
     */
    private static byte[] csvWithOptionalColumns(int count) {
        Random random = TestRandom.current();
        String batch = Long.toString(Math.abs(random.nextLong()), 36).substring(0, 6);
        StringBuilder csv = new StringBuilder(RegisterSheets.HEADER + ",英文名称,面积\n");
        for (int i = 0; i < count; i++) {
            double lat = 39.63 + random.nextDouble() * 0.06, lng = 106.80 + random.nextDouble() * 0.05;
            String odd = i % 7 == 0 ? "\"\"引号\"\"\\斜杠" : "";
            csv.append(String.format(
                    Locale.ROOT,
                    "\"批量驿站%s-%d%s\",\"乌海市海勃湾区批量路%d号%s\",%.6f,%.6f,150302,共建,海勃湾区总工会,李四,13900001111,"
                            + "Mo-Fr 08:00-18:00,微波炉、饮水机,%s,%s\n",
                    batch,
                    i,
                    odd,
                    i + 1,
                    odd,
                    lat,
                    lng,
                    i % 2 == 0 ? "\"Bulk \"\"Station\"\" " + i + "\"" : "",
                    i % 3 == 0 ? String.valueOf(12.5 + i % 100 / 7.0) : ""));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
