package org.yizhan.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeodesyTest {

    // Reference values: the worked examples in the README of GeographicLib's JavaScript port
    // (npm package geographiclib-geodesic, by C. Karney): "The distance is 19959679.267 m." and
    // "The position is (32.11195529, -63.95925278)."
    private static final LatLng WELLINGTON = LatLng.of(-41.32, 174.81);
    private static final LatLng SALAMANCA = LatLng.of(40.96, -5.50);
    private static final LatLng PERTH = LatLng.of(-32.06, 115.74);

    @Test
    void distanceMatchesPublishedWellingtonToSalamanca() {
        assertThat(Geodesy.distanceMeters(WELLINGTON, SALAMANCA)).isCloseTo(19_959_679.267, within(0.001));
    }

    @Test
    void destinationMatchesPublishedPerthExample() {
        LatLng p = Geodesy.destination(PERTH, 225, 20_000e3);

        assertThat(p.lat()).isCloseTo(32.11195529, within(1e-8));
        assertThat(p.lng()).isCloseTo(-63.95925278, within(1e-8));
    }

    @Test
    void destinationThenDistanceGivesBackTheDistance() {
        LatLng hohhot = LatLng.of(40.842, 111.749);

        LatLng p = Geodesy.destination(hohhot, 37.5, 850);

        assertThat(Geodesy.distanceMeters(hohhot, p)).isCloseTo(850, within(1e-6));
        assertThat(Geodesy.distanceMeters(hohhot, hohhot)).isZero();
    }

    @Test
    void rejectsNonFiniteDistance() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Geodesy.destination(PERTH, 0, Double.NaN))
                .withMessageContaining("finite");
    }
}
