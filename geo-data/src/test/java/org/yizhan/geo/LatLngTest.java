package org.yizhan.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LatLngTest {

    @Test
    void acceptsTheWholeRangeIncludingItsEnds() {
        assertThat(LatLng.of(-90, -180)).isEqualTo(new LatLng(-90, -180));
        assertThat(LatLng.of(90, 180).lng()).isEqualTo(180);
    }

    @Test
    void rejectsOutOfRangeWithTheValueInTheMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LatLng.of(91, 0))
                .withMessage("lat must be between -90 and 90, got 91.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LatLng.of(0, -180.5))
                .withMessage("lng must be between -180 and 180, got -180.5");
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LatLng.of(Double.NaN, 0))
                .withMessage("lat must be a finite number, got NaN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LatLng.of(0, Double.POSITIVE_INFINITY))
                .withMessage("lng must be a finite number, got Infinity");
    }
}
