package org.yizhan.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

class CoordinateSystemTest {

    private static final LatLng HAIBOWAN_WGS84 = LatLng.of(39.6906, 106.8270);

    @ParameterizedTest
    @CsvSource({
        "wgs84, WGS84",
        "WGS-84, WGS84",
        "EPSG:4326, WGS84",
        "cgcs2000, WGS84",
        "epsg:4490, WGS84",
        "gcj02, GCJ02",
        "' GCJ-02 ', GCJ02",
        "bd09, BD09",
        "Bd-09, BD09",
    })
    void parsesIdsAndAliasesIgnoringCaseAndSpaces(String input, CoordinateSystem expected) {
        assertThat(CoordinateSystem.parse(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(CoordinateSystem.class)
    void parsesItsOwnId(CoordinateSystem system) {
        assertThat(CoordinateSystem.parse(system.id())).isSameAs(system);
    }

    @Test
    void rejectsUnknownNamesListingTheValidOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CoordinateSystem.parse("mercator"))
                .withMessage("Unknown coordinate system 'mercator'; use one of wgs84, gcj02, bd09");
    }

    @ParameterizedTest
    @EnumSource(CoordinateSystem.class)
    void toWgs84UndoesFromWgs84(CoordinateSystem system) {
        LatLng back = system.toWgs84(system.fromWgs84(HAIBOWAN_WGS84));

        assertThat(Geodesy.distanceMeters(HAIBOWAN_WGS84, back)).isLessThan(0.01);
    }

    @Test
    void delegatesToTheMatchingTransform() {
        assertThat(CoordinateSystem.WGS84.fromWgs84(HAIBOWAN_WGS84)).isSameAs(HAIBOWAN_WGS84);
        assertThat(CoordinateSystem.GCJ02.fromWgs84(HAIBOWAN_WGS84))
                .isEqualTo(ChinaCoordinates.wgs84ToGcj02(HAIBOWAN_WGS84));
        assertThat(CoordinateSystem.BD09.fromWgs84(HAIBOWAN_WGS84))
                .isEqualTo(ChinaCoordinates.wgs84ToBd09(HAIBOWAN_WGS84));
    }
}
