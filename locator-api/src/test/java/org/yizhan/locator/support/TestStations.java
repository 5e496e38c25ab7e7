package org.yizhan.locator.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.code.StationCode;

/**
 * Writes stations straight into the register for search tests that need thousands of them;
 * the write API has its own tests. Codes come from the register's own per-division counters,
 * so they never clash with codes from the API or from earlier runs on the same database.
 */
public final class TestStations {

    private TestStations() {}

    public record Spec(
            LatLng at,
            String adcode,
            String status,
            String openingHours,
            boolean alwaysOpen,
            List<String> amenities,
            String name) {

        public static Spec active(LatLng at) {
            return new Spec(at, "150302", "active", "24/7", true, List.of("drinking_water"), "测试驿站");
        }

        public Spec withAmenities(List<String> keys) {
            return new Spec(at, adcode, status, openingHours, alwaysOpen, keys, name);
        }

        public Spec withHours(String hours) {
            return new Spec(at, adcode, status, hours, "24/7".equals(hours), amenities, name);
        }

        public Spec withStatus(String newStatus) {
            return new Spec(at, adcode, newStatus, openingHours, alwaysOpen, amenities, name);
        }

        public Spec withName(String newName) {
            return new Spec(at, adcode, status, openingHours, alwaysOpen, amenities, newName);
        }
    }

    /** Inserts the station and returns its code. */
    public static String insert(JdbcClient jdbc, Spec spec) {
        int sequence = jdbc.sql("""
                INSERT INTO station_code_sequence AS s (adcode, last_sequence) VALUES (:adcode, 1)
                ON CONFLICT (adcode) DO UPDATE SET last_sequence = s.last_sequence + 1 RETURNING last_sequence""")
                .param("adcode", spec.adcode())
                .query(Integer.class)
                .single();
        String code = StationCode.of(spec.adcode(), sequence).value();
        Map<String, Object> params = new HashMap<>();
        params.put("code", code);
        params.put("name", spec.name());
        params.put("lng", spec.at().lng());
        params.put("lat", spec.at().lat());
        params.put("adcode", spec.adcode());
        params.put("hours", spec.openingHours());
        params.put("alwaysOpen", spec.alwaysOpen());
        params.put("amenities", spec.amenities().toArray(String[]::new));
        params.put("status", spec.status());
        jdbc.sql("""
                INSERT INTO station (code, name, address, location, adcode, host_type, host_organisation,
                                     contact_person, contact_phone, opening_hours, always_open, amenities, status,
                                     created_at, updated_at, version)
                VALUES (:code, :name, '测试路1号', ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)::geography, :adcode,
                        'self_built', '测试工会', '张三', '13900000000', :hours, :alwaysOpen,
                        CAST(:amenities AS varchar(40)[]), :status, now(), now(), 0)""").params(params).update();
        return code;
    }
}
