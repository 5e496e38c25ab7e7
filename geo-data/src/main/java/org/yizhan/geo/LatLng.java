package org.yizhan.geo;

/**
 * A position as latitude and longitude in decimal degrees. The record says nothing about the
 * datum: which coordinate system the numbers belong to is the caller's contract (see
 * {@link org.yizhan.geo.crs.CoordinateSystem}).
 *
 * @param lat latitude, -90 to 90
 * @param lng longitude, -180 to 180
 */
public record LatLng(double lat, double lng) {

    public LatLng {
        requireInRange("lat", lat, 90);
        requireInRange("lng", lng, 180);
    }

    public static LatLng of(double lat, double lng) {
        return new LatLng(lat, lng);
    }

    private static void requireInRange(String name, double value, double limit) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        if (value < -limit || value > limit) {
            throw new IllegalArgumentException(
                    name + " must be between -" + (int) limit + " and " + (int) limit + ", got " + value);
        }
    }
}
