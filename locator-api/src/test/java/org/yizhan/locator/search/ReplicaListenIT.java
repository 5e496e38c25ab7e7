package org.yizhan.locator.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;

/**
 * The shape of a read-only instance on a streaming replica, in an application context of its own:
 * the index's LISTEN connection comes from {@code yizhan.index.listen-url} (here the same test
 * database under an application name of its own, standing in for the primary), not from the
 * application's pool, and changes announced on it reach nearest answers. The datasource is not in
 * recovery, so the replay check must find nothing to wait for (the shared test cluster may have been
 * through crash recovery, after which {@code pg_last_wal_replay_lsn()} reports a position on a
 * primary too); scripts/replica-demo.sh runs the same path against a real hot standby.
 */
@TestPropertySource(
        properties = "yizhan.index.listen-url=${yizhan.test.db.url:jdbc:postgresql://127.0.0.1:55432/yizhan_test}"
                + "?ApplicationName=" + ReplicaListenIT.LISTENER)
class ReplicaListenIT extends ApiIT {

    static final String LISTENER = "yizhan-index-listen-it";

    @Autowired
    StationIndexSync sync;

    @Test
    void theIndexListensOnTheListenUrlAndFollowsChangesAnnouncedThere() {
        // The listener's session: its last statement is the WAL position read after LISTEN (or after a notification).
        List<String> listeners = await("a session of " + LISTENER)
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql(
                                        "SELECT query FROM pg_stat_activity WHERE application_name = :name AND datname = current_database()")
                                .param("name", LISTENER)
                                .query(String.class)
                                .list(),
                        l -> !l.isEmpty());
        assertThat(listeners)
                .anySatisfy(q -> assertThat(q).containsAnyOf("LISTEN station_changed", "pg_current_wal_insert_lsn"));

        Random random = TestRandom.current();
        // Hulunbuir, east of Manzhouli: nobody else's test stations.
        LatLng before = new LatLng(49.3 + random.nextDouble() * 0.2, 117.6 + random.nextDouble() * 0.3);
        LatLng after = new LatLng(before.lat() - 0.03, before.lng()); // about 3.3 km south
        String code = createStation(with(
                with(haibowanStation(), "adcode", "150781"),
                "location",
                Map.of("lat", before.lat(), "lng", before.lng())));
        awaitIndexed();
        assertThat(nearest(before).getString("stations[0].code")).isEqualTo(code);

        // Moved behind the API's back: only the notification, received on the listen-url session, tells the index.
        jdbc.sql(
                        "UPDATE station SET location = ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)::geography, name = '副本监听驿站' WHERE code = :code")
                .param("lng", after.lng())
                .param("lat", after.lat())
                .param("code", code)
                .update();
        awaitIndexed();
        LatLng asker = Geodesy.destination(after, 90, 200);
        JsonPath moved = nearest(asker);
        assertThat(moved.getString("stations[0].code")).isEqualTo(code);
        assertThat(moved.getString("stations[0].name")).isEqualTo("副本监听驿站");
        assertThat(moved.getDouble("stations[0].distanceMeters"))
                .isCloseTo(Geodesy.distanceMeters(asker, after), org.assertj.core.data.Offset.offset(0.5));
        // The datasource is not a standby: nothing ever waited for a replay position, so nothing was
        // read from the "primary" instead (a wrong replay check would make every change wait it out).
        assertThat(sync.readsFromPrimary())
                .as("changes read from the primary after waiting for the replica")
                .isZero();
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
