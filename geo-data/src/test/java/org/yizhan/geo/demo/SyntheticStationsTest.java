package org.yizhan.geo.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.division.Divisions;
import org.yizhan.geo.station.StationRecord;

class SyntheticStationsTest {

    private static List<StationRecord> hundredThousand;

    @BeforeAll
    static void generate() {
        hundredThousand = SyntheticStations.generate(7, 100_000).toList();
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        assertThat(SyntheticStations.generate(7, 50).toList()).isEqualTo(hundredThousand.subList(0, 50));
        assertThat(SyntheticStations.generate(8, 50).toList()).isNotEqualTo(hundredThousand.subList(0, 50));
    }

    @Test
    void producesExactlyTheRequestedCount() {
        assertThat(hundredThousand).hasSize(100_000);
        assertThat(SyntheticStations.generate(1, 0)).isEmpty();
    }

    @Test
    void codesAreUniqueWellFormedAndMatchTheirCounty() {
        Set<String> codes = new HashSet<>();
        for (StationRecord s : hundredThousand) {
            assertThat(codes.add(s.code())).as(s.code()).isTrue();
            assertThat(s.code()).matches("\\d{6}-\\d{5}-[0-9X]").startsWith(s.adcode());
        }
        assertThat(hundredThousand.stream()
                        .map(StationRecord::adcode)
                        .distinct()
                        .limit(200))
                .allMatch(Divisions.standard()::isCountyLevel);
    }

    @Test
    void checkCharacterIsIso7064Mod11_2() {
        assertThat(SyntheticStations.code("150302", 17)).isEqualTo("150302-00017-4"); // DOMAIN.md example
        // Resident ID 11010519491231002X: its first 17 digits check to X under the same rule.
        assertThat(SyntheticStations.checkChar("11010519491231002")).isEqualTo('X');
    }

    @Test
    void rarityAndHoursFractionsAreAsTunedForBenchmarks() {
        assertThat(share(s -> s.amenities().contains("ebike_charging"))).isCloseTo(0.10, within(0.01));
        assertThat(share(s -> s.amenities().contains("summer_supplies"))).isCloseTo(0.01, within(0.003));
        assertThat(share(s -> s.amenities().contains("drinking_water"))).isGreaterThan(0.9);
        assertThat(share(s -> s.openingHours().equals("24/7"))).isCloseTo(0.15, within(0.01));
    }

    @Test
    void stationsLieInMainlandChinaAndClusterInCities() {
        assertThat(hundredThousand).allMatch(s -> s.lat() > 17 && s.lat() < 54 && s.lng() > 73 && s.lng() < 136);
        double inBeijing = share(s -> s.adcode().startsWith("1101"));
        assertThat(inBeijing).isBetween(0.01, 0.05); // Beijing is the second-largest centre
    }

    private static double share(Predicate<StationRecord> p) {
        return hundredThousand.stream().filter(p).count() / (double) hundredThousand.size();
    }
}
