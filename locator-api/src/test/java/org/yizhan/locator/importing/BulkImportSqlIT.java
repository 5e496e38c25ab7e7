package org.yizhan.locator.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;

/** The SQL that V30 gives set-based imports: station codes, and the amenity check per statement. */
class BulkImportSqlIT extends ApiIT {

    /** The SQL that numbers imported stations agrees with StationCode for any division and number. */
    @Test
    void theDatabasesStationCodesAreStationCodes() {
        var random = TestRandom.current();
        List<String> adcodes = new ArrayList<>();
        List<Integer> sequences = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String adcode = String.valueOf(110_001 + random.nextInt(760_000));
            adcodes.add(adcode.endsWith("0000") ? adcode.substring(0, 5) + "1" : adcode);
            sequences.add(1 + random.nextInt(99_999));
        }
        adcodes.add("150302");
        sequences.add(17);
        List<String> sql = jdbc.sql("""
                SELECT station_code(a, s) FROM unnest(CAST(:a AS varchar[]), CAST(:s AS int[])) WITH ORDINALITY AS u(a, s, i)
                 ORDER BY i""")
                .param("a", adcodes.toArray(String[]::new))
                .param("s", sequences.toArray(Integer[]::new))
                .query(String.class)
                .list();
        for (int i = 0; i < adcodes.size(); i++)
            assertThat(sql.get(i))
                    .as("%s / %d", adcodes.get(i), sequences.get(i))
                    .isEqualTo(StationCode.of(adcodes.get(i), sequences.get(i)).value());
        assertThat(sql.get(sql.size() - 1)).isEqualTo("150302-00017-4");
    }

    /** The vocabulary check runs once per statement now, and still refuses an unknown key, naming it. */
    @Test
    void theAmenityVocabularyStillRefusesUnknownKeysOnInsertAndUpdate() {
        String insert = """
                INSERT INTO station (code, name, address, location, adcode, host_type, host_organisation, contact_person,
                                     contact_phone, opening_hours, always_open, amenities, status, created_at, updated_at, version)
                SELECT station_code('150302', 90000 + g), '词汇测试' || g, '地址', ST_SetSRID(ST_MakePoint(106.8, 39.66), 4326)::geography,
                       '150302', 'co_built', '工会', '李四', '13900001111', '24/7', true, CAST(:amenities AS varchar[]), 'active',
                       now(), now(), 0
                  FROM generate_series(1, 3) g""";
        assertThatThrownBy(() -> jdbc.sql(insert)
                        .param("amenities", new String[] {"microwave", "massage_chair"})
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("unknown amenity massage_chair");
        assertThat(jdbc.sql("SELECT count(*) FROM station WHERE name LIKE '词汇测试%'")
                        .query(Long.class)
                        .single())
                .isZero();
        String code = StationCode.of("150302", 90_000 + TestRandom.current().nextInt(9_999))
                .value();
        jdbc.sql(insert.replace("station_code('150302', 90000 + g)", "'" + code + "'")
                        .replace("generate_series(1, 3)", "generate_series(1, 1)"))
                .param("amenities", new String[] {"microwave", "wifi"})
                .update();
        assertThatThrownBy(() -> jdbc.sql("UPDATE station SET amenities = '{wifi,teleporter}' WHERE code = :code")
                        .param("code", code)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("unknown amenity teleporter");
    }
}
