package org.yizhan.geo.station;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One rest station as exchanged in files (registers, imports, generated data). Values are checked
 * for shape only; whether {@code adcode} is a real county or {@code openingHours} parses is the
 * importer's business.
 * The file boundary: geo-data has no database or web layer, so this is the station its readers,
 * writers and generators share; the service converts to and from it at imports and exports.
 *
 * @param code station code {@code AAAAAA-SSSSS-C}, or {@code null} before the server assigns one
 * @param lat WGS-84 latitude in degrees
 * @param lng WGS-84 longitude in degrees
 * @param adcode six-digit county-level division code
 * @param hostType {@code self_built} (union premises) or {@code co_built} (partner premises)
 * @param openingHours OpenStreetMap {@code opening_hours} syntax, local time Asia/Shanghai
 * @param amenities keys from {@link #AMENITIES}, in the order given
 * @param status {@code active}, {@code suspended} or {@code closed}
 * @param floorArea room size in m², if known
 */
public record StationRecord(
        @Nullable String code,
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
        List<String> amenities,
        String status,
        @Nullable Double floorArea) {

    /**
     * The amenity keys, in canonical order: the one source of the vocabulary. {@code AmenityLabels}
     * gives their Chinese labels; the service's {@code amenity} table must agree with both and is
     * checked against them at start-up.
     */
    public static final List<String> AMENITIES = List.of(
            "drinking_water",
            "kettle",
            "microwave",
            "refrigerator",
            "first_aid",
            "seating",
            "phone_charging",
            "ebike_charging",
            "air_conditioning",
            "umbrella",
            "books",
            "tool_cabinet",
            "toilet",
            "wifi",
            "summer_supplies");

    public static final Set<String> HOST_TYPES = Set.of("self_built", "co_built");
    public static final Set<String> STATUSES = Set.of("active", "suspended", "closed");

    private static final Set<String> AMENITY_SET = Set.copyOf(AMENITIES);

    public StationRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(adcode, "adcode");
        Objects.requireNonNull(hostOrganisation, "hostOrganisation");
        Objects.requireNonNull(contactPerson, "contactPerson");
        Objects.requireNonNull(contactPhone, "contactPhone");
        Objects.requireNonNull(openingHours, "openingHours");
        amenities = List.copyOf(amenities);
        if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) {
            throw new IllegalArgumentException("coordinates out of range: " + lat + "," + lng);
        }
        if (!HOST_TYPES.contains(hostType)) {
            throw new IllegalArgumentException("hostType must be self_built or co_built: " + hostType);
        }
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be active, suspended or closed: " + status);
        }
        for (String a : amenities) {
            if (!AMENITY_SET.contains(a)) {
                throw new IllegalArgumentException("unknown amenity key: " + a);
            }
        }
    }

    /** The same station under another code (null: none yet, as in a file for a first import). */
    public StationRecord withCode(@Nullable String newCode) {
        return with(newCode, status);
    }

    /** The same station with another status ({@link #STATUSES}). */
    public StationRecord withStatus(String newStatus) {
        return with(code, newStatus);
    }

    /** A copy with code and status replaced: the one place that lists every component. */
    private StationRecord with(@Nullable String newCode, String newStatus) {
        return new StationRecord(
                newCode,
                name,
                nameEn,
                address,
                lat,
                lng,
                adcode,
                hostType,
                hostOrganisation,
                contactPerson,
                contactPhone,
                openingHours,
                amenities,
                newStatus,
                floorArea);
    }
}
