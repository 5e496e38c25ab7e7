package org.yizhan.locator.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.station.FieldLimits;
import org.yizhan.locator.support.ApiIT;

/** The text limits the form and the import check are the ones the migrated schema enforces. */
class FieldLimitsIT extends ApiIT {

    @Test
    void everyLimitIsTheColumnWidthOfTheLiveSchema() {
        Map<String, Integer> expected = Map.of(
                "name",
                FieldLimits.NAME,
                "name_en",
                FieldLimits.NAME_EN,
                "address",
                FieldLimits.ADDRESS,
                "host_organisation",
                FieldLimits.HOST_ORGANISATION,
                "contact_person",
                FieldLimits.CONTACT_PERSON,
                "contact_phone",
                FieldLimits.CONTACT_PHONE,
                "opening_hours",
                FieldLimits.OPENING_HOURS);
        for (Map.Entry<String, Integer> column : expected.entrySet()) {
            Integer width = jdbc.sql("""
                    SELECT character_maximum_length FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = 'station' AND column_name = :c""")
                    .param("c", column.getKey())
                    .query(Integer.class)
                    .single();
            assertThat(width).as(column.getKey()).isEqualTo(column.getValue());
        }
    }
}
