package org.yizhan.locator.station;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A station as the public API shows it. Coordinates are in the caller's coordinate system. The
 * API's output boundary: derived fields (openNow, division, labels in the caller's language,
 * staleness) and the responsible person only for accounts allowed to read it.
 */
@Schema(name = "Station")
public record StationResponse(
        @Schema(example = "150302-00017-4") String code,
        @Schema(example = "海勃湾区新华街道爱心驿站") String name,
        @Nullable String nameEn,
        String address,
        Location location,

        @Schema(description = "Coordinate system of location", example = "wgs84")
        String crs,

        @Schema(description = "GB/T 2260 county-level division code", example = "150302")
        String adcode,

        @Schema(example = "内蒙古自治区 乌海市 海勃湾区") String division,

        @Schema(allowableValues = {"self_built", "co_built"})
        String hostType,

        String hostOrganisation,
        String contactPhone,

        @Schema(description = "Responsible person; only for signed-in accounts") @Nullable
        String contactPerson,

        @Schema(description = "OSM opening_hours syntax", example = "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00")
        String openingHours,

        boolean openNow,

        @Schema(
                description =
                        "When openNow next changes (closes if open, opens if closed), local time with offset; absent if never")
        @Nullable
        OffsetDateTime nextChange,

        boolean alwaysOpen,

        @Schema(description = "Amenity keys, vocabulary order")
        List<String> amenities,

        @Schema(description = "Amenity labels in the response language, same order as amenities")
        List<String> amenityLabels,

        @Schema(allowableValues = {"active", "suspended", "closed"})
        String status,

        @Nullable String statusReason,
        @Nullable Double floorArea,
        Instant updatedAt,

        @Schema(description = "Send back on update for optimistic locking")
        long version,

        @Schema(
                description =
                        "When a union last confirmed the station on site or by resolving a report; absent if never")
        @Nullable
        Instant lastVerifiedAt,

        @Schema(
                description =
                        "Not verified for 180 days, or 3 or more unresolved 'closed when it should be open' reports in 7 days")
        boolean stale,

        @Schema(description = "Geodesic distance on the WGS-84 ellipsoid, in nearest results") @Nullable
        Double distanceMeters,

        @Schema(description = "Length of the way there on the road network, in nearest results with by=walk|ride")
        @Nullable
        Double routeMeters,

        @Schema(description = "Travel time of the way there, seconds, in nearest results with by=walk|ride") @Nullable
        Double routeSeconds,

        @Schema(description = "After a write: likely duplicates to check") @Nullable
        List<DuplicateCheck.Warning> warnings) {

    public record Location(double lat, double lng) {}

    StationResponse withWarnings(List<DuplicateCheck.Warning> found) {
        return with(routeMeters, routeSeconds, found);
    }

    /** The same station with the way there by road (rounded to 0.1 m and whole seconds). */
    public StationResponse withRoute(double meters, double seconds) {
        return with(Math.round(meters * 10) / 10.0, (double) Math.round(seconds), warnings);
    }

    /** A copy with the per-request fields replaced: the one place that lists every component. */
    private StationResponse with(
            @Nullable Double meters, @Nullable Double seconds, @Nullable List<DuplicateCheck.Warning> found) {
        return new StationResponse(
                code,
                name,
                nameEn,
                address,
                location,
                crs,
                adcode,
                division,
                hostType,
                hostOrganisation,
                contactPhone,
                contactPerson,
                openingHours,
                openNow,
                nextChange,
                alwaysOpen,
                amenities,
                amenityLabels,
                status,
                statusReason,
                floorArea,
                updatedAt,
                version,
                lastVerifiedAt,
                stale,
                distanceMeters,
                meters,
                seconds,
                found);
    }
}
