package org.yizhan.locator.search;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;

/**
 * An edit whose notification is lost (here: the notify trigger disabled inside the writing
 * transaction, as if the LISTEN connection had dropped it) must still reach the in-memory index
 * at the next repair check, well within a minute.
 */
class IndexRepairIT extends ApiIT {

    @Value("${yizhan.index.repair-interval}")
    private Duration repairInterval;

    @Test
    void aMovedPinWithALostNotificationIsRepairedAtTheNextCheck() {
        long seed = org.yizhan.locator.support.TestRandom.current().nextLong();
        Random random = new Random(seed);
        // Hulunbuir grassland south-west of Hailar: nobody else's test stations.
        LatLng before = new LatLng(49.0 + random.nextDouble() * 0.2, 118.9 + random.nextDouble() * 0.3);
        LatLng after = new LatLng(before.lat() + 0.02, before.lng()); // about 2.2 km north
        Map<String, Object> form = with(
                with(haibowanStation(), "adcode", "150702"),
                "location",
                Map.of("lat", before.lat(), "lng", before.lng()));
        String code = createStation(form);
        awaitIndexed();

        jdbc.sql("""
                DO $$ BEGIN
                    ALTER TABLE station DISABLE TRIGGER station_changed_update;
                    UPDATE station SET location = ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, name = '修复测试驿站', opening_hours = 'Mo-Fr 08:00-18:00', always_open = false
                     WHERE code = '%s';
                    ALTER TABLE station ENABLE TRIGGER station_changed_update;
                END $$""".formatted(after.lng(), after.lat(), code)).update();
        long written = System.nanoTime();

        // Asked from 300 m east of the new pin; the answer must be the geodesic distance to the new pin.
        LatLng asker = Geodesy.destination(after, 90, 300);
        double expected = Geodesy.distanceMeters(asker, after);
        await("index repaired (seed " + seed + ")")
                .atMost(repairInterval.multipliedBy(3).plusSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonPath nearest = nearest(asker);
                    return code.equals(nearest.getString("stations[0].code"))
                            && "修复测试驿站".equals(nearest.getString("stations[0].name"))
                            && Math.abs(nearest.getDouble("stations[0].distanceMeters") - expected) < 0.5;
                });
        System.out.printf(
                "lost edit repaired after %.0f ms (repair interval %s)%n",
                (System.nanoTime() - written) / 1e6, repairInterval);
        // And nothing is left at the old position.
        JsonPath old = nearest(before);
        if (code.equals(old.getString("stations[0].code"))) {
            org.assertj.core.api.Assertions.assertThat(old.getDouble("stations[0].distanceMeters"))
                    .isCloseTo(Geodesy.distanceMeters(before, after), org.assertj.core.data.Offset.offset(0.5));
        }
    }

    private static JsonPath nearest(LatLng at) {
        return given().queryParam("lat", at.lat())
                .queryParam("lng", at.lng())
                .queryParam("limit", 1)
                .get("/api/v1/stations/nearest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
