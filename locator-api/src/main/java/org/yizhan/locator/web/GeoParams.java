package org.yizhan.locator.web;

import java.util.Map;
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
            throw new ApiException(
                    org.springframework.http.HttpStatus.BAD_REQUEST,
                    "Unknown coordinate system",
                    e.getMessage(),
                    Map.of("field", "crs", "validValues", new String[] {"wgs84", "gcj02", "bd09"}));
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
            throw ApiException.invalid(field, "The parameter '" + field + "' is required.");
        }
        if (!Double.isFinite(value)) {
            throw ApiException.invalid(field, "'" + field + "' must be a finite number, got " + value + ".");
        }
        if (value < min || value > max) {
            throw ApiException.invalid(
                    field, "'" + field + "' must be between " + fmt(min) + " and " + fmt(max) + ", got " + value + ".");
        }
    }

    public static int limit(@Nullable Integer limit, int defaultValue, int max) {
        if (limit == null) return defaultValue;
        if (limit < 1 || limit > max) {
            throw ApiException.invalid("limit", "'limit' must be between 1 and " + max + ", got " + limit + ".");
        }
        return limit;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
