package org.yizhan.locator.station;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A station as read: one row of the register, coordinates in WGS-84. Search and lookup share
 * it so every endpoint describes a station the same way. The read boundary to the database: a
 * projection of spatial SQL with server-side fields (id, version, timestamps) that neither files
 * ({@code StationRecord}) nor the entity's lazy JPA state should carry on the hot path.
 */
public record StationRow(
        long id,
        String code,
        String name,
        @Nullable String nameEn,
        String address,
        double lat,
        double lng,
        String adcode,
        String hostType,
        String hostOrganisation,
        String contactPerson,
        String contactPhone,
        String openingHours,
        boolean alwaysOpen,
        List<String> amenities,
        String status,
        @Nullable String statusReason,
        @Nullable Double floorArea,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @Nullable Instant lastVerifiedAt,
        @Nullable Instant closedAlarmAt) {

    /** The select list matching {@link #map}; the table must be aliased {@code s}. */
    public static final String COLUMNS = """
            s.id, s.code, s.name, s.name_en, s.address,
            ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lng,
            s.adcode, s.host_type, s.host_organisation, s.contact_person, s.contact_phone,
            s.opening_hours, s.always_open, s.amenities, s.status, s.status_reason, s.floor_area,
            s.created_at, s.updated_at, s.version, s.last_verified_at, s.closed_alarm_at""";

    public static StationRow map(ResultSet rs, int rowNum) throws SQLException {
        Array amenities = rs.getArray("amenities");
        double floorArea = rs.getDouble("floor_area");
        boolean noFloorArea = rs.wasNull();
        return new StationRow(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("name_en"),
                rs.getString("address"),
                rs.getDouble("lat"),
                rs.getDouble("lng"),
                rs.getString("adcode"),
                rs.getString("host_type"),
                rs.getString("host_organisation"),
                rs.getString("contact_person"),
                rs.getString("contact_phone"),
                rs.getString("opening_hours"),
                rs.getBoolean("always_open"),
                amenities == null ? List.of() : Arrays.asList((String[]) amenities.getArray()),
                rs.getString("status"),
                rs.getString("status_reason"),
                noFloorArea ? null : floorArea,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"),
                instant(rs.getTimestamp("last_verified_at")),
                instant(rs.getTimestamp("closed_alarm_at")));
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
