package org.yizhan.geo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.demo.DemoDistricts.Anchor;
import org.yizhan.geo.demo.DemoDistricts.District;
import org.yizhan.geo.division.DivisionBoundaries;
import org.yizhan.geo.division.Divisions;
import org.yizhan.geo.hours.OpeningHours;
import org.yizhan.geo.station.StationCsv;
import org.yizhan.geo.station.StationRecord;

/**
 * The demo register, both as checked in and as the generator writes it now, checked against
 * what it is meant to be rather than against itself: the configured number of stations per
 * district, points within an anchor's radius and inside the shipped division shape, hours the
 * service accepts, unique names and phones, and the shares a real register shows.
 */
class DemoDataGeneratorTest {

    static Stream<Arguments> registers() throws Exception {
        List<StationRecord> checkedIn;
        try (InputStream in = DemoDataGenerator.class.getResourceAsStream(DemoDataGenerator.RESOURCE);
                Stream<StationRecord> rows = StationCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            checkedIn = rows.toList();
        }
        return Stream.of(
                Arguments.of("checked-in " + DemoDataGenerator.RESOURCE, checkedIn),
                Arguments.of("generated", DemoDataGenerator.generate()));
    }

    private static Map<String, District> districts() {
        return DemoDistricts.ALL.stream().collect(Collectors.toMap(District::adcode, Function.identity()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void eachDistrictHasTheStationsItIsConfiguredFor(String source, List<StationRecord> demo) {
        Map<String, Long> perDistrict =
                demo.stream().collect(Collectors.groupingBy(StationRecord::adcode, Collectors.counting()));
        Map<String, Long> configured = DemoDistricts.ALL.stream()
                .collect(Collectors.toMap(District::adcode, d -> (long) d.stations(), Long::sum));
        assertThat(perDistrict).isEqualTo(configured);
        assertThat(demo).hasSizeBetween(300, 400);
        assertThat(perDistrict.keySet())
                .contains("150302", "150303", "150304", "150103", "152502", "420302", "420303", "110105", "500103");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void everyStationIsNearAnAnchorOfItsCountyAndInsideItsShape(String source, List<StationRecord> demo) {
        Map<String, District> districts = districts();
        for (StationRecord s : demo) {
            assertThat(Divisions.standard().isCountyLevel(s.adcode()))
                    .as(s.adcode())
                    .isTrue();
            double nearestAnchor = Double.POSITIVE_INFINITY;
            double radius = 0;
            for (Anchor a : districts.get(s.adcode()).anchors()) {
                double metres = Geodesic.WGS84.Inverse(a.lat(), a.lng(), s.lat(), s.lng()).s12;
                if (metres < nearestAnchor) {
                    nearestAnchor = metres;
                    radius = a.radiusKm() * 1000;
                }
            }
            // The generator scatters on a local flat approximation; 1% covers its difference from the ellipsoid.
            assertThat(nearestAnchor).as(s.name()).isLessThanOrEqualTo(radius * 1.01);
            assertThat(DivisionBoundaries.standard()
                            .check(s.adcode(), new LatLng(s.lat(), s.lng()))
                            .acceptable(DivisionBoundaries.DEFAULT_TOLERANCE_METRES))
                    .as(s.name())
                    .isTrue();
            assertThat(s.code()).isNull();
            assertThat(s.floorArea())
                    .satisfiesAnyOf(
                            a -> assertThat(a).isNull(), a -> assertThat(a).isBetween(15.0, 30.0));
            OpeningHours.parse(s.openingHours()); // throws if the service would refuse the hours
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void hoursStatusNamesAndPhonesLookLikeARealRegister(String source, List<StationRecord> demo) {
        double allDay =
                demo.stream().filter(s -> s.openingHours().equals("24/7")).count() / (double) demo.size();
        assertThat(allDay).isBetween(0.10, 0.20);
        Map<String, Long> statuses =
                demo.stream().collect(Collectors.groupingBy(StationRecord::status, Collectors.counting()));
        assertThat(statuses.get("closed")).isBetween(2L, 3L);
        assertThat(statuses.get("suspended")).isBetween(3L, 8L);
        assertThat(demo.stream().map(StationRecord::name).distinct()).hasSameSizeAs(demo);
        assertThat(demo.stream().map(StationRecord::contactPhone).distinct()).hasSameSizeAs(demo);
        assertThat(demo.stream().map(StationRecord::contactPhone)).allMatch(p -> p.matches("1390000\\d{4}"));
        double microwave =
                demo.stream().filter(s -> s.amenities().contains("microwave")).count() / (double) demo.size();
        assertThat(microwave).isBetween(0.4, 0.6);
    }
}
