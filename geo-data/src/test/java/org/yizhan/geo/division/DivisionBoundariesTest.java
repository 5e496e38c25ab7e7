package org.yizhan.geo.division;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.division.DivisionBoundaries.Verdict;
import org.yizhan.geo.division.DivisionBoundaries.Verdict.Status;
import org.yizhan.geo.station.StationCsv;
import org.yizhan.geo.station.StationRecord;

class DivisionBoundariesTest {

    private static final LatLng HAIBOWAN = new LatLng(39.6553, 106.8254);
    private static final LatLng BAOTOU_KUNDULUN = new LatLng(40.6570, 109.8400);
    private static final LatLng CHAOYANG = new LatLng(39.9219, 116.4436);

    private final DivisionBoundaries boundaries = DivisionBoundaries.standard();

    @ParameterizedTest
    @CsvSource({
        "110105, 39.9219, 116.4436, 110105", // 朝阳区, Beijing: municipalities ship their districts
        "500103, 29.5560, 106.5700, 500103", // 渝中区, Chongqing
        "150302, 39.6553, 106.8254, 150300", // 海勃湾区 in 乌海市: provinces ship cities only
        "150103, 40.8190, 111.6480, 150100", // 回民区 in 呼和浩特市
        "150203, 40.6570, 109.8400, 150200", // 昆都仑区 in 包头市
        "152502, 43.9330, 116.0860, 152500", // 锡林浩特市 in 锡林郭勒盟
        "420302, 32.6010, 110.7990, 420300", // 茅箭区 in 十堰市
    })
    void demoCityPointsAreInsideTheirDistrictOrCity(String adcode, double lat, double lng, String checked) {
        assertThat(boundaries.check(adcode, new LatLng(lat, lng))).isEqualTo(new Verdict(Status.INSIDE, checked, 0));
    }

    @Test
    void withinAProvinceCityTheCheckCannotTellDistrictsApart() {
        // Haibowan is not in 乌达区, but only 乌海市 as a whole has a boundary.
        assertThat(boundaries.check("150304", HAIBOWAN)).isEqualTo(new Verdict(Status.INSIDE, "150300", 0));
    }

    @Test
    void pointInTheNeighbouringMunicipalDistrictIsOutsideByAboutAKilometre() {
        Verdict v = boundaries.check("110101", CHAOYANG); // declared as 东城区, just west of it

        assertThat(v.status()).isEqualTo(Status.OUTSIDE);
        assertThat(v.checkedCode()).isEqualTo("110101");
        assertThat(v.distanceMetres()).isBetween(300.0, 3_000.0);
    }

    @Test
    void pointInAnotherCityIsOutsideByTheDistanceBetweenThem() {
        Verdict v = boundaries.check("420302", HAIBOWAN); // Wuhai declared as 十堰市茅箭区

        assertThat(v.status()).isEqualTo(Status.OUTSIDE);
        assertThat(v.checkedCode()).isEqualTo("420300");
        assertThat(v.distanceMetres()).isBetween(600_000.0, 900_000.0);
        assertThat(v.acceptable(DivisionBoundaries.DEFAULT_TOLERANCE_METRES)).isFalse();
    }

    @Test
    void codeWithoutAnyDataIsUnknown() {
        assertThat(boundaries.check("999999", HAIBOWAN)).isEqualTo(Verdict.UNKNOWN);
        assertThat(boundaries.check("150000", HAIBOWAN)).isEqualTo(Verdict.UNKNOWN); // a province
        assertThat(Verdict.UNKNOWN.acceptable(0)).isTrue();
    }

    @Test
    void countyWithoutBoundaryIsCheckedAgainstItsCity() {
        // 包头稀土高新技术产业开发区 has a statistical code but no boundary of its own.
        assertThat(boundaries.hasBoundary("150271")).isFalse();

        assertThat(boundaries.check("150271", BAOTOU_KUNDULUN)).isEqualTo(new Verdict(Status.INSIDE, "150200", 0));
        Verdict inWuhai = boundaries.check("150271", HAIBOWAN);
        assertThat(inWuhai.status()).isEqualTo(Status.OUTSIDE);
        assertThat(inWuhai.checkedCode()).isEqualTo("150200");
        assertThat(inWuhai.distanceMetres()).isGreaterThan(50_000);
    }

    @Test
    void cityFallbackSaysUnknownWhereNoShippedDivisionClaimsThePoint() {
        LatLng bohaiSea = new LatLng(38.8, 120.0);
        LatLng liangping = new LatLng(30.672, 107.800); // 梁平区 500155, renamed from 梁平县 500228

        assertThat(boundaries.check("150271", bohaiSea)).isEqualTo(Verdict.UNKNOWN);
        assertThat(boundaries.hasBoundary("500155")).isFalse();
        assertThat(boundaries.check("500155", liangping)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void shipsEveryCityAndTheDemoDistricts() {
        assertThat(boundaries.size()).isGreaterThan(400);
        assertThat(Stream.of("150100", "150200", "150300", "152500", "420300", "110105", "500103"))
                .allMatch(boundaries::hasBoundary);
    }

    @Test
    void decodesEncodedPolylineRingsWithHoles() throws Exception {
        // Triangle (3.85, -12.02), (4.07, -12.095), (4.3252, -12.6453) at 1e-4 degree, with a square
        // hole of +-0.01 degree around its centroid (4.0817, -12.2534).
        String line = "110105\ttriangle\tgejAnwiFohCzm@o~C|vI,yonAronF?oKoK??nK\n";
        DivisionBoundaries one =
                DivisionBoundaries.parse(new BufferedReader(new StringReader(line)), Divisions.standard());

        assertThat(one.check("110105", new LatLng(4.1117, -12.2534)).status()).isEqualTo(Status.INSIDE);
        Verdict inHole = one.check("110105", new LatLng(4.0817, -12.2534));
        assertThat(inHole.status()).isEqualTo(Status.OUTSIDE);
        assertThat(inHole.distanceMetres()).isCloseTo(1_110, within(20.0));
        Verdict west = one.check("110105", new LatLng(4.0, -13.0)); // nearest: the (4.3252, -12.6453) corner
        assertThat(west.distanceMetres()).isCloseTo(53_300, within(300.0));
    }

    @Test
    void everyDemoStationLiesWithinThreeKilometresOfItsDeclaredDistrict() throws Exception {
        Map<StationRecord, Verdict> verdicts = demoStationVerdicts();

        assertThat(verdicts).hasSizeGreaterThan(300);
        assertThat(verdicts.entrySet())
                .filteredOn(e -> !e.getValue().acceptable(3_000) || e.getValue().status() == Status.UNKNOWN)
                .isEmpty();
    }

    /** The service refuses stations beyond the tolerance, so the demo register must load whole. */
    @Test
    void everyDemoStationPassesTheServicesBoundaryCheck() throws Exception {
        List<String> beyond = demoStationVerdicts().entrySet().stream()
                .filter(e -> !e.getValue().acceptable(DivisionBoundaries.DEFAULT_TOLERANCE_METRES))
                .map(e -> e.getKey().name())
                .toList();

        assertThat(beyond).isEmpty();
    }

    private Map<StationRecord, Verdict> demoStationVerdicts() throws Exception {
        try (Reader in = new InputStreamReader(
                        Objects.requireNonNull(
                                StationCsv.class.getResourceAsStream("/org/yizhan/geo/demo/demo-stations.csv")),
                        StandardCharsets.UTF_8);
                Stream<StationRecord> rows = StationCsv.read(in)) {
            Map<StationRecord, Verdict> out = new LinkedHashMap<>();
            rows.forEach(s -> out.put(s, boundaries.check(s.adcode(), new LatLng(s.lat(), s.lng()))));
            return out;
        }
    }
}
