package org.yizhan.locator.search;

/**
 * Points as unit vectors: the chord between two of them grows with the great-circle angle, so
 * a Euclidean k-d tree ranks by distance on the sphere with no special cases at the poles or
 * the antimeridian.
 */
final class UnitVectors {

    /** PostGIS's sphere for geography, so both paths agree on "sphere distance". */
    static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private UnitVectors() {}

    static double[] of(double lat, double lng) {
        double phi = Math.toRadians(lat), lambda = Math.toRadians(lng);
        double c = Math.cos(phi);
        return new double[] {c * Math.cos(lambda), c * Math.sin(lambda), Math.sin(phi)};
    }

    static double sphereMeters(double chordSquared) {
        double chord = Math.sqrt(chordSquared);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, chord / 2));
    }
}
