package org.yizhan.locator.ogcapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.TestStations;
import org.yizhan.locator.support.TestStations.Spec;

/**
 * A small square somewhere in the Tarim basin (lng 80–86, lat 37–41), where no other test
 * writes, filled with seeded random stations. Each test takes its own square from its seed;
 * expectations are always read back from the table, so an overlap could not fake a pass.
 */
record OgcArea(long seed, double minLng, double minLat, double size) {

    static OgcArea fromSeed(long seed) {
        Random random = new Random(seed);
        return new OgcArea(seed, 80 + random.nextDouble() * 5.5, 37 + random.nextDouble() * 3.5, 0.2);
    }

    double maxLng() {
        return minLng + size;
    }

    double maxLat() {
        return minLat + size;
    }

    String bbox() {
        return minLng + "," + minLat + "," + maxLng() + "," + maxLat();
    }

    /** Inserts {@code n} stations at seeded random points inside; statuses, amenities and adcodes vary. */
    List<String> fill(JdbcClient jdbc, int n) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<String> codes = new ArrayList<>();
        String[] statuses = {"active", "active", "active", "suspended", "closed"};
        String[] adcodes = {"150302", "150303", "420302"};
        for (int i = 0; i < n; i++) {
            LatLng at = new LatLng(minLat + random.nextDouble() * size, minLng + random.nextDouble() * size);
            Spec spec = Spec.active(at)
                    .withStatus(statuses[random.nextInt(statuses.length)])
                    .withAmenities(
                            random.nextBoolean() ? List.of("microwave", "drinking_water") : List.of("drinking_water"));
            spec = new Spec(
                    spec.at(),
                    adcodes[random.nextInt(adcodes.length)],
                    spec.status(),
                    spec.openingHours(),
                    spec.alwaysOpen(),
                    spec.amenities(),
                    spec.name());
            codes.add(TestStations.insert(jdbc, spec));
        }
        return codes;
    }

    /** The independent answer: codes of stations in the box (edges included) with these statuses, straight from the table. */
    List<String> expected(JdbcClient jdbc, String extraSql) {
        return jdbc.sql("SELECT code FROM station WHERE status IN ('active', 'suspended') "
                        + "AND ST_X(location::geometry) BETWEEN :minLng AND :maxLng AND ST_Y(location::geometry) BETWEEN :minLat AND :maxLat "
                        + extraSql)
                .param("minLng", minLng)
                .param("maxLng", maxLng())
                .param("minLat", minLat)
                .param("maxLat", maxLat())
                .query(String.class)
                .list();
    }
}
