package org.yizhan.geo.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

class RouteLineTest {

    /** East along a parallel from Haibowan, Wuhai: a point due north of a spot on it. */
    @Test
    void placesAPointBesideAStraightRoute() {
        LatLng start = new LatLng(39.65, 106.80);
        LatLng end = Geodesy.destination(start, 90, 5_000);
        RouteLine route = RouteLine.of(List.of(start, end));
        assertThat(route.lengthMeters()).isCloseTo(5_000, within(0.01));
        LatLng onRoute = Geodesy.destination(start, 90, 2_000);
        LatLng beside = Geodesy.destination(onRoute, 0, 150);
        RouteLine.Position position = route.locate(beside, 300);
        assertThat(position).isNotNull();
        assertThat(position.alongMeters()).isCloseTo(2_000, within(1.0));
        assertThat(position.offMeters()).isCloseTo(150, within(0.5));
        assertThat(Geodesy.distanceMeters(position.nearest(), onRoute)).isLessThan(1.0);
        assertThat(route.locate(Geodesy.destination(onRoute, 0, 400), 300)).isNull();
    }

    @Test
    void aPointBeforeTheStartIsAtZeroAlongAndMeasuredToTheStart() {
        LatLng start = new LatLng(39.65, 106.80);
        RouteLine route = RouteLine.of(List.of(start, Geodesy.destination(start, 90, 1_000)));
        LatLng behind = Geodesy.destination(start, 270, 100);
        RouteLine.Position position = route.locate(behind, 300);
        assertThat(position.alongMeters()).isCloseTo(0, within(1e-6));
        assertThat(position.offMeters()).isCloseTo(100, within(0.01));
        assertThat(Geodesy.distanceMeters(position.nearest(), start)).isLessThan(0.01);
    }

    @Test
    void knowsCrossingsAndDegenerateRoutes() {
        LatLng a = new LatLng(39.65, 106.80);
        assertThat(RouteLine.selfIntersects(
                        List.of(a, new LatLng(39.66, 106.81), new LatLng(39.66, 106.80), new LatLng(39.65, 106.81))))
                .isTrue();
        assertThat(RouteLine.selfIntersects(List.of(a, new LatLng(39.66, 106.81), new LatLng(39.67, 106.80))))
                .isFalse();
        assertThatThrownBy(() -> RouteLine.of(List.of(a, a, a)))
                .satisfies(EncodedPolylineTest.refusal(InvalidRouteException.Reason.TOO_FEW_POINTS));
        assertThatThrownBy(() -> RouteLine.of(List.of(new LatLng(60, 179.5), new LatLng(60, -179.5))))
                .satisfies(EncodedPolylineTest.refusal(InvalidRouteException.Reason.ANTIMERIDIAN));
    }
}
