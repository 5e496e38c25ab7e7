package org.yizhan.locator.search;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    private StationIndexSync sync;

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

    /**
     * A station committed while a repair check runs, between its re-read of changed rows and its
     * counts, must not make the check reload the whole index (seconds of a core at 10^6
     * stations): both read one snapshot, and the station comes in by its own notification.
     */
    @Test
    void aStationCommittedDuringARepairCheckDoesNotReloadTheIndex() throws Exception {
        long seed = org.yizhan.locator.support.TestRandom.current().nextLong();
        Random random = new Random(seed);
        long wait = repairInterval.multipliedBy(3).plusSeconds(5).toMillis();
        LatLng at = new LatLng(49.3 + random.nextDouble() * 0.2, 119.3 + random.nextDouble() * 0.3);
        Map<String, Object> form =
                with(with(haibowanStation(), "adcode", "150702"), "location", Map.of("lat", at.lat(), "lng", at.lng()));
        try {
            // One whole check first: a hard delete left by another test is a reload of its own.
            CompletableFuture<Void> checked = new CompletableFuture<>();
            sync.beforeRepairCounts(() -> checked.complete(null));
            checked.get(wait, TimeUnit.MILLISECONDS);
            awaitIndexed();
            long reloads = sync.repairReloads();

            CompletableFuture<String> created = new CompletableFuture<>();
            sync.beforeRepairCounts(() -> {
                if (created.isDone()) return;
                // Committed through the API on another thread while this check waits.
                try {
                    created.complete(CompletableFuture.supplyAsync(() -> createStation(form))
                            .get(30, TimeUnit.SECONDS));
                } catch (Exception e) {
                    created.completeExceptionally(e);
                }
            });
            String code = created.get(wait, TimeUnit.MILLISECONDS);
            sync.beforeRepairCounts(null);
            awaitIndexed();

            org.assertj.core.api.Assertions.assertThat(sync.repairReloads())
                    .as("full reloads by the check that saw a station committed mid-way (seed " + seed + ")")
                    .isEqualTo(reloads);
            org.assertj.core.api.Assertions.assertThat(nearest(at).getString("stations[0].code"))
                    .as("the station is in the index by its notification")
                    .isEqualTo(code);
        } finally {
            sync.beforeRepairCounts(null);
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
