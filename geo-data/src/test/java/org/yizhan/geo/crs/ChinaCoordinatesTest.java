package org.yizhan.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.yizhan.geo.crs.ChinaCoordinates.bd09ToGcj02;
import static org.yizhan.geo.crs.ChinaCoordinates.bd09ToWgs84;
import static org.yizhan.geo.crs.ChinaCoordinates.gcj02ToBd09;
import static org.yizhan.geo.crs.ChinaCoordinates.gcj02ToWgs84;
import static org.yizhan.geo.crs.ChinaCoordinates.outsideMainland;
import static org.yizhan.geo.crs.ChinaCoordinates.wgs84ToBd09;
import static org.yizhan.geo.crs.ChinaCoordinates.wgs84ToGcj02;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

class ChinaCoordinatesTest {

    private static final double REFERENCE_TOLERANCE_DEG = 1e-6;

    /** Random points in the part of the box away from its edges, where the round trip is defined. */
    private static List<LatLng> seededGridAcrossChina() {
        Random random = new Random(20_240_601L);
        List<LatLng> points = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            points.add(LatLng.of(18 + random.nextDouble() * 35.5, 73.5 + random.nextDouble() * 61.5));
        }
        return points;
    }

    private static void assertCloseTo(LatLng actual, double lat, double lng) {
        assertThat(actual.lat()).as("lat").isCloseTo(lat, within(REFERENCE_TOLERANCE_DEG));
        assertThat(actual.lng()).as("lng").isCloseTo(lng, within(REFERENCE_TOLERANCE_DEG));
    }

    // wandergis/coordtransform, test/app.js: all four functions applied to (116.404, 39.915).
    // Its inverses are the one-step approximations, which agree with the exact ones to 1e-6 here.
    @Test
    void agreesWithCoordtransformReferenceResults() {
        LatLng input = LatLng.of(39.915, 116.404);

        assertCloseTo(wgs84ToGcj02(input), 39.91640428150164, 116.41024449916938);
        assertCloseTo(gcj02ToBd09(input), 39.92133699351021, 116.41036949371029);
        assertCloseTo(bd09ToGcj02(input), 39.90865673957631, 116.39762729119315);
        assertCloseTo(gcj02ToWgs84(input), 39.91359571849836, 116.39775550083061);
    }

    // googollee/eviltransform, go/transform_test.go (same table in python/test.py):
    // Shanghai, Shenzhen, Beijing as wgsLat, wgsLng, gcjLat, gcjLng.
    @ParameterizedTest
    @CsvSource({
        "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",
        "22.543847, 113.912316, 22.540796131694766, 113.9171764808363",
        "39.911954, 116.377817, 39.91334545536069, 116.38404722455657",
    })
    void agreesWithEviltransformPairsBothWays(double wgsLat, double wgsLng, double gcjLat, double gcjLng) {
        assertCloseTo(wgs84ToGcj02(LatLng.of(wgsLat, wgsLng)), gcjLat, gcjLng);
        assertCloseTo(gcj02ToWgs84(LatLng.of(gcjLat, gcjLng)), wgsLat, wgsLng);
    }

    // hujiulong/gcoord, test/unit/crs/{WGS84,GCJ02,BD09}.spec: every transform of (123, 45).
    @Test
    void agreesWithGcoordReferenceResults() {
        LatLng input = LatLng.of(45, 123);

        assertCloseTo(wgs84ToGcj02(input), 45.00197815, 123.00607541);
        assertCloseTo(wgs84ToBd09(input), 45.0083293, 123.0124491);
        assertCloseTo(gcj02ToWgs84(input), 44.99804071, 122.99395597);
        assertCloseTo(gcj02ToBd09(input), 45.00636899, 123.00636499);
        assertCloseTo(bd09ToGcj02(input), 44.99365430, 122.99363304);
        assertCloseTo(bd09ToWgs84(input), 44.99171540, 122.98762210);
    }

    // hujiulong/gcoord, test/fixtures/china-cities.json (GCJ02 and BD09 columns), here
    // 驻马店, 锡林郭勒盟, 那曲, 沈阳. Its WGS84 column differs from the published GCJ-02 formula by
    // about 5e-6 degrees (half a metre), so it is not used: that looks like data from a map
    // service, not from the formula both sides implement.
    @ParameterizedTest
    @CsvSource({
        "33.0115324, 114.022306, 33.0176697, 114.0287781",
        "43.9334573, 116.0482308, 43.9397782, 116.0546232",
        "31.4762063, 92.0512438, 31.4824421, 92.0576832",
        "41.8057023, 123.4314787, 41.8114013, 123.438095",
    })
    void agreesWithGcoordCityFixturesForBaidu(double gcjLat, double gcjLng, double bdLat, double bdLng) {
        assertCloseTo(gcj02ToBd09(LatLng.of(gcjLat, gcjLng)), bdLat, bdLng);
        assertCloseTo(bd09ToGcj02(LatLng.of(bdLat, bdLng)), gcjLat, gcjLng);
    }

    @Test
    void wgs84ToGcj02AndBackIsWithinOneCentimetreAcrossChina() {
        assertRoundTripWithin(ChinaCoordinates::wgs84ToGcj02, ChinaCoordinates::gcj02ToWgs84, 0.01);
    }

    @Test
    void wgs84ToBd09AndBackIsWithinOneCentimetreAcrossChina() {
        assertRoundTripWithin(ChinaCoordinates::wgs84ToBd09, ChinaCoordinates::bd09ToWgs84, 0.01);
    }

    @Test
    void inversesHitTheirTargetWhenTheForwardTransformIsAppliedAgain() {
        assertRoundTripWithin(ChinaCoordinates::gcj02ToWgs84, ChinaCoordinates::wgs84ToGcj02, 0.01);
        assertRoundTripWithin(ChinaCoordinates::bd09ToGcj02, ChinaCoordinates::gcj02ToBd09, 0.01);
    }

    private static void assertRoundTripWithin(UnaryOperator<LatLng> there, UnaryOperator<LatLng> back, double meters) {
        double worst = 0;
        for (LatLng p : seededGridAcrossChina()) {
            worst = Math.max(worst, Geodesy.distanceMeters(p, back.apply(there.apply(p))));
        }
        assertThat(worst).isLessThan(meters);
    }

    // Approximate centres of cities that run stations; only the size of the shift is checked.
    @ParameterizedTest
    @CsvSource({
        "Hohhot, 40.84, 111.75",
        "Wuhai, 39.66, 106.79",
        "Xilinhot, 43.93, 116.04",
        "Shiyan, 32.63, 110.80",
        "Beijing Chaoyang, 39.92, 116.44",
        "Chongqing Yuzhong, 29.55, 106.57",
    })
    void shiftsStationCitiesByOneToSevenHundredMetres(String city, double lat, double lng) {
        LatLng wgs = LatLng.of(lat, lng);

        assertThat(Geodesy.distanceMeters(wgs, wgs84ToGcj02(wgs))).as(city).isBetween(100.0, 700.0);
    }

    // The shift is not 100 m everywhere: around 98-99°E, 36-39°N (Qinghai) it falls to a few
    // tens of metres, and in places it reaches a little over 700 m.
    @Test
    void shiftsEveryPointInsideChinaByTensToHundredsOfMetres() {
        for (LatLng p : seededGridAcrossChina()) {
            assertThat(Geodesy.distanceMeters(p, wgs84ToGcj02(p))).as("%s", p).isBetween(10.0, 750.0);
        }
    }

    @ParameterizedTest
    @CsvSource({"Tokyo, 35.68, 139.76", "London, 51.51, -0.13", "Sydney, -33.87, 151.21"})
    void leavesPointsOutsideChinaUnchanged(String city, double lat, double lng) {
        LatLng p = LatLng.of(lat, lng);

        assertThat(outsideMainland(p)).as(city).isTrue();
        assertThat(wgs84ToGcj02(p)).as(city).isEqualTo(p);
        assertThat(gcj02ToWgs84(p)).as(city).isEqualTo(p);
    }

    @Test
    void theMainlandBoxIncludesItsEdges() {
        assertThat(outsideMainland(LatLng.of(0.8293, 72.004))).isFalse();
        assertThat(outsideMainland(LatLng.of(55.8271, 137.8347))).isFalse();
        assertThat(outsideMainland(LatLng.of(0.8292, 100))).isTrue();
        assertThat(outsideMainland(LatLng.of(30, 137.8348))).isTrue();
    }

    @Test
    void baiduShiftNearTheAntimeridianAndPolesStaysAValidPosition() {
        LatLng bd = gcj02ToBd09(LatLng.of(89.9999, 179.9999));

        assertThat(bd.lat()).isBetween(-90.0, 90.0);
        assertThat(bd.lng()).isBetween(-180.0, 180.0);
        assertThat(bd09ToGcj02(LatLng.of(0, -180)).lng()).isBetween(-180.0, 180.0);
    }
}
