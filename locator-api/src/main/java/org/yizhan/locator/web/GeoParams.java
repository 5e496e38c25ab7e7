package org.yizhan.locator.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;

/** Parses and checks the coordinate parameters shared by the search endpoints, with messages a caller can act on. */
public final class GeoParams {

    private GeoParams() {}

    public static CoordinateSystem crs(@Nullable String value) {
        if (value == null || value.isBlank()) return CoordinateSystem.WGS84;
        try {
            return CoordinateSystem.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(org.springframework.http.HttpStatus.BAD_REQUEST, "crs.unknown", value)
                    .with("field", "crs")
                    .with("validValues", List.of("wgs84", "gcj02", "bd09"));
        }
    }

    /** A point from {@code lat}/{@code lng} query parameters, in the caller's system. */
    public static LatLng point(@Nullable Double lat, @Nullable Double lng) {
        requireFinite("lat", lat, -90, 90);
        requireFinite("lng", lng, -180, 180);
        return new LatLng(lat, lng);
    }

    @org.springframework.lang.Contract("_, null, _, _ -> fail")
    public static void requireFinite(String field, @Nullable Double value, double min, double max) {
        if (value == null) {
            throw ApiException.invalid(field, "request.parameter.required", field);
        }
        if (!Double.isFinite(value)) {
            throw ApiException.invalid(field, "number.notFinite", field, value);
        }
        if (value < min || value > max) {
            throw ApiException.invalid(field, "number.outOfRange", field, fmt(min), fmt(max), value);
        }
    }

    public static int limit(@Nullable Integer limit, int defaultValue, int max) {
        if (limit == null) return defaultValue;
        if (limit < 1 || limit > max) {
            throw ApiException.invalid("limit", "number.outOfRange", "limit", 1, max, limit);
        }
        return limit;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
