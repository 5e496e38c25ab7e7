package org.yizhan.locator.station;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.division.Divisions;
import org.yizhan.geo.hours.OpenState;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.web.Language;

/** Turns register rows into API responses: caller's coordinates, labels in the caller's language, open state. */
@Component
public class StationResponses {

    private final AmenityVocabulary amenities;
    private final OpeningHoursCache hours;
    private final Divisions divisions = Divisions.standard();
    /** "内蒙古自治区 乌海市 海勃湾区" per adcode, built once rather than for every station shown. */
    private final java.util.Map<String, String> fullNames = new java.util.concurrent.ConcurrentHashMap<>();

    StationResponses(AmenityVocabulary amenities, OpeningHoursCache hours) {
        this.amenities = amenities;
        this.hours = hours;
    }

    public StationResponse toResponse(
            StationRow row, Language language, CoordinateSystem crs, Instant now, @Nullable Double distanceMeters) {
        return toResponse(row, language, crs, now, distanceMeters, false);
    }

    /** The compact view for lists: no labels, hours or contacts. */
    public CompactStation toCompact(
            StationRow row, CoordinateSystem crs, Instant now, @Nullable Double distanceMeters) {
        LatLng shown = crs.fromWgs84(new LatLng(row.lat(), row.lng()));
        return new CompactStation(
                row.code(),
                row.name(),
                new StationResponse.Location(round7(shown.lat()), round7(shown.lng())),
                isOpen(row, now),
                distanceMeters == null ? null : Math.round(distanceMeters * 10) / 10.0);
    }

    /** With the fields only signed-in accounts see (the responsible person). */
    public StationResponse toPrivateResponse(StationRow row, Language language, CoordinateSystem crs, Instant now) {
        return toResponse(row, language, crs, now, null, true);
    }

    private StationResponse toResponse(
            StationRow row,
            Language language,
            CoordinateSystem crs,
            Instant now,
            @Nullable Double distanceMeters,
            boolean withPrivateFields) {
        LatLng shown = crs.fromWgs84(new LatLng(row.lat(), row.lng()));
        OpenState state = state(row, now);
        return new StationResponse(
                row.code(),
                row.name(),
                row.nameEn(),
                row.address(),
                new StationResponse.Location(round7(shown.lat()), round7(shown.lng())),
                crs.id(),
                row.adcode(),
                division(row.adcode()),
                row.hostType(),
                row.hostOrganisation(),
                row.contactPhone(),
                withPrivateFields ? row.contactPerson() : null,
                row.openingHours(),
                isOpen(row, state),
                state.nextChange() == null
                        ? null
                        : state.nextChange().atZone(hours.zone()).toOffsetDateTime(),
                row.alwaysOpen(),
                row.amenities(),
                amenityLabels(row, language),
                row.status(),
                row.statusReason(),
                row.floorArea(),
                row.updatedAt(),
                row.version(),
                row.lastVerifiedAt(),
                Freshness.stale(row, now),
                distanceMeters == null ? null : Math.round(distanceMeters * 10) / 10.0,
                null,
                null,
                null);
    }

    /**
     * When the station's public answer last changed: its record, its verification, or the last
     * time its open state flipped (searched back at most {@value #FLIP_SEARCH_DAYS} days; older
     * answers get the start of that window, later than the truth, which is the safe side for
     * If-Modified-Since). A change of the stale flag counts as now.
     */
    public Instant lastChanged(StationRow row, Instant now) {
        Instant recorded = row.updatedAt();
        if (row.lastVerifiedAt() != null && row.lastVerifiedAt().isAfter(recorded)) recorded = row.lastVerifiedAt();
        Instant windowStart = now.minus(java.time.Duration.ofDays(FLIP_SEARCH_DAYS));
        Instant t = recorded.isAfter(windowStart) ? recorded : windowStart;
        for (int i = 0; i < 1000; i++) {
            java.time.LocalDateTime next = state(row, t).nextChange();
            if (next == null) break;
            Instant flip = next.atZone(hours.zone()).toInstant();
            if (flip.isAfter(now) || !flip.isAfter(t)) break;
            t = flip;
        }
        return Freshness.stale(row, t) == Freshness.stale(row, now) ? t : now;
    }

    private static final int FLIP_SEARCH_DAYS = 8;

    /** A station is open only when it is active and its hours say so. */
    public boolean isOpen(StationRow row, Instant now) {
        return isOpen(row, state(row, now));
    }

    public String division(String adcode) {
        return fullNames.computeIfAbsent(adcode, divisions::fullName);
    }

    public java.util.List<String> amenityLabels(StationRow row, Language language) {
        return row.amenities().stream().map(k -> amenities.label(k, language)).toList();
    }

    java.time.ZoneId zone() {
        return hours.zone();
    }

    OpenState state(StationRow row, Instant now) {
        return hours.stateAt(row.openingHours(), now);
    }

    static boolean isOpen(StationRow row, OpenState state) {
        return StationStatus.ACTIVE.value().equals(row.status()) && state.open();
    }

    /** 7 decimals of a degree is ~1 cm: enough for a door, and no false precision. */
    public static double round7(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
