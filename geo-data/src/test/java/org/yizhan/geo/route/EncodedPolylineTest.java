package org.yizhan.geo.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

class EncodedPolylineTest {

    /** The worked example of Google's description of the format. */
    @Test
    void decodesTheFormatsOwnExample() {
        List<double[]> points = EncodedPolyline.decode("_p~iF~ps|U_ulLnnqC_mqNvxq`@", 10);
        assertThat(points).hasSize(3);
        assertThat(points.get(0)).containsExactly(new double[] {38.5, -120.2}, within(1e-9));
        assertThat(points.get(1)).containsExactly(new double[] {40.7, -120.95}, within(1e-9));
        assertThat(points.get(2)).containsExactly(new double[] {43.252, -126.453}, within(1e-9));
        assertThat(EncodedPolyline.encode(points)).isEqualTo("_p~iF~ps|U_ulLnnqC_mqNvxq`@");
    }

    @Test
    void roundTripsRandomRoutesToTheFifthDecimal() {
        Random random = new Random(Long.getLong("yizhan.test.seed", 12));
        for (int r = 0; r < 50; r++) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(40); i++)
                points.add(new double[] {random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180});
            List<double[]> back = EncodedPolyline.decode(EncodedPolyline.encode(points), 1000);
            assertThat(back).hasSameSizeAs(points);
            for (int i = 0; i < points.size(); i++) {
                assertThat(back.get(i)[0]).isCloseTo(points.get(i)[0], within(0.6e-5));
                assertThat(back.get(i)[1]).isCloseTo(points.get(i)[1], within(0.6e-5));
            }
        }
    }

    @Test
    void refusesMalformedInput() {
        assertThatThrownBy(() -> EncodedPolyline.decode("_p~iF", 10))
                .satisfies(refusal(InvalidRouteException.Reason.POLYLINE_UNPAIRED));
        assertThatThrownBy(() -> EncodedPolyline.decode("_p~iF~ps|U_", 10))
                .satisfies(refusal(InvalidRouteException.Reason.POLYLINE_CUT_OFF));
        assertThatThrownBy(() -> EncodedPolyline.decode("abc def", 10))
                .satisfies(refusal(InvalidRouteException.Reason.POLYLINE_CHARACTER, 4));
        assertThatThrownBy(() -> EncodedPolyline.decode("~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~", 10))
                .satisfies(refusal(InvalidRouteException.Reason.POLYLINE_VALUE_TOO_LONG, 8));
        assertThatThrownBy(() -> EncodedPolyline.decode("??".repeat(11), 10))
                .satisfies(refusal(InvalidRouteException.Reason.TOO_MANY_POINTS, 10));
    }

    /** A refusal for {@code reason} naming exactly {@code values}. */
    static ThrowingConsumer<Throwable> refusal(InvalidRouteException.Reason reason, Object... values) {
        return thrown -> assertThat(thrown).isInstanceOfSatisfying(InvalidRouteException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.values()).containsExactly(values);
        });
    }
}
