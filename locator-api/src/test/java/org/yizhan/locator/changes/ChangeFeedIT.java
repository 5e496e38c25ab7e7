package org.yizhan.locator.changes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.yizhan.locator.support.StationForms.haibowanStation;
import static org.yizhan.locator.support.StationForms.with;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;

/**
 * The change feed against the register it mirrors: a mirror that replays the feed while several
 * writers create, edit, move, suspend and close stations ends equal to the station table, and
 * the positions it sees are gapless (a gap would be a change it could later skip).
 */
class ChangeFeedIT extends ApiIT {

    /**
     * Writers plus the mirror stay below the pool's seven connections (one is the index listener's):
     * more would queue for a connection and, on a busy machine, get the pool's fast 503.
     */
    private static final int WRITERS = 5;

    private static final int OPERATIONS_PER_WRITER = 25;

    /** What a mirror keeps per station: the fields the test compares with the table. */
    record Mirrored(String name, String status, double lat, double lng, long version, List<String> amenities) {}

    @Test
    void aMirrorReplayingTheFeedDuringConcurrentWritesEndsEqualToTheRegister() throws Exception {
        long seed = org.yizhan.locator.support.TestRandom.current().nextLong();
        Map<String, Mirrored> mirror = new HashMap<>();
        long[] cursor = {0};
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Random random = new Random(seed + w);
                writers.add(pool.submit(() -> write(random)));
            }
            // The mirror reads while the writers run, so it sees feed pages cut mid-stream.
            Future<Integer> reader = pool.submit(() -> {
                int pages = 0;
                while (writing.get()) {
                    replay(mirror, cursor);
                    pages++;
                }
                return pages;
            });
            int pagesDuringWrites;
            try {
                for (Future<?> writer : writers) writer.get();
                writing.set(false);
                pagesDuringWrites = reader.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("seed " + seed + ": " + e.getCause(), e.getCause());
            }
            assertThat(pagesDuringWrites)
                    .as("seed %d: the mirror read while writes ran", seed)
                    .isGreaterThan(1);
        } finally {
            pool.shutdownNow();
        }
        while (replay(mirror, cursor)) {
            // drain what is left
        }

        Map<String, Mirrored> register = new HashMap<>();
        jdbc.sql(
                        "SELECT code, name, status, ST_Y(location::geometry), ST_X(location::geometry), version, amenities FROM station")
                .query((rs, n) -> register.put(
                        rs.getString(1),
                        new Mirrored(
                                rs.getString(2),
                                rs.getString(3),
                                round7(rs.getDouble(4)),
                                round7(rs.getDouble(5)),
                                rs.getLong(6),
                                List.of((String[]) rs.getArray(7).getArray()))))
                .list();
        assertThat(mirror).as("seed %d: mirror after replaying the feed", seed).isEqualTo(register);
    }

    @Test
    void kindsSayWhatHappened() {
        Map<String, Object> form = with(haibowanStation(), "name", "变更类型测试驿站");
        long start = latest();
        JsonPath created = createdStation(form);
        String code = created.getString("code");
        long version = created.getLong("version");
        Map<String, Object> moved =
                with(with(form, "version", version), "location", Map.of("lat", 39.6561, "lng", 106.8262));
        version = asAdmin()
                .contentType(ContentType.JSON)
                .body(moved)
                .put("/api/v1/stations/" + code)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
        version = asAdmin()
                .contentType(ContentType.JSON)
                .body(with(with(moved, "version", version), "name", "改名后的驿站"))
                .put("/api/v1/stations/" + code)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
        version = status(code, "suspended", version);
        status(code, "closed", version);

        JsonPath feed = given().get("/api/v1/changes?since=" + start + "&limit=5000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> mine = feed.<Map<String, Object>>getList("changes").stream()
                .filter(c -> code.equals(c.get("code")))
                .toList();
        assertThat(mine).extracting(c -> c.get("kind")).containsExactly("create", "move", "update", "status", "close");
        assertThat(mine.get(2)).extractingByKey("station").extracting("name").isEqualTo("改名后的驿站");
        assertThat(mine.get(4).toString()).doesNotContain("contactPerson").doesNotContain("王丽");
    }

    @Test
    void aCursorThatIsNotOneIsA400() {
        given().get("/api/v1/changes?since=abc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("since"));
        given().get("/api/v1/changes?since=-1").then().statusCode(400).body("field", equalTo("since"));
        given().get("/api/v1/changes?limit=0").then().statusCode(400).body("field", equalTo("limit"));
    }

    private long latest() {
        return jdbc.sql("SELECT position FROM station_feed_clock")
                .query(Long.class)
                .single();
    }

    private static long status(String code, String status, long version) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("status", status, "reason", "测试", "version", version))
                .post("/api/v1/stations/" + code + "/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    /** One writer: creates stations, then edits, moves, suspends, reactivates and closes them at random. */
    private static void write(Random random) {
        Map<String, Long> versions = new ConcurrentHashMap<>();
        Map<String, Map<String, Object>> forms = new HashMap<>();
        for (int i = 0; i < OPERATIONS_PER_WRITER; i++) {
            if (versions.isEmpty() || random.nextInt(4) == 0) {
                Map<String, Object> form = with(haibowanStation(), "name", "镜像测试驿站 " + random.nextInt(1_000_000));
                form.put(
                        "location",
                        Map.of("lat", 39.60 + random.nextDouble() * 0.1, "lng", 106.78 + random.nextDouble() * 0.1));
                JsonPath created = createdStation(form);
                versions.put(created.getString("code"), created.getLong("version"));
                forms.put(created.getString("code"), form);
                continue;
            }
            List<String> codes = new ArrayList<>(versions.keySet());
            String code = codes.get(random.nextInt(codes.size()));
            long version = versions.get(code);
            Response answer = switch (random.nextInt(4)) {
                case 0 ->
                    asAdmin()
                            .contentType(ContentType.JSON)
                            .body(with(
                                    with(forms.get(code), "version", version),
                                    "name",
                                    "改名 " + random.nextInt(1_000_000)))
                            .put("/api/v1/stations/" + code);
                case 1 ->
                    asAdmin()
                            .contentType(ContentType.JSON)
                            .body(with(
                                    with(forms.get(code), "version", version),
                                    "location",
                                    Map.of(
                                            "lat",
                                            39.60 + random.nextDouble() * 0.1,
                                            "lng",
                                            106.78 + random.nextDouble() * 0.1)))
                            .put("/api/v1/stations/" + code);
                case 2 ->
                    asAdmin()
                            .contentType(ContentType.JSON)
                            .body(Map.of("status", random.nextBoolean() ? "suspended" : "active", "version", version))
                            .post("/api/v1/stations/" + code + "/status");
                default ->
                    asAdmin()
                            .contentType(ContentType.JSON)
                            .body(Map.of("status", "closed", "reason", "撤站", "version", version))
                            .post("/api/v1/stations/" + code + "/status");
            };
            if (answer.statusCode() == 200) {
                versions.put(code, answer.jsonPath().getLong("version"));
                if ("closed".equals(answer.jsonPath().getString("status"))) versions.remove(code);
            }
        }
    }

    /** Reads one page and applies it; answers whether more is waiting. */
    private static boolean replay(Map<String, Mirrored> mirror, long[] cursor) {
        JsonPath page = given().get("/api/v1/changes?since=" + cursor[0] + "&limit=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> changes = page.getList("changes");
        for (Map<String, Object> change : changes) {
            long position = ((Number) change.get("position")).longValue();
            assertThat(position).as("positions are gapless").isEqualTo(cursor[0] + 1);
            cursor[0] = position;
            String kind = (String) change.get("kind");
            switch (kind) {
                case "reset" -> mirror.clear();
                case "delete" -> mirror.remove((String) change.get("code"));
                default -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> s = (Map<String, Object>) change.get("station");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> location = (Map<String, Object>) s.get("location");
                    @SuppressWarnings("unchecked")
                    List<String> amenities = (List<String>) s.get("amenities");
                    mirror.put(
                            (String) change.get("code"),
                            new Mirrored(
                                    (String) s.get("name"),
                                    (String) s.get("status"),
                                    ((Number) location.get("lat")).doubleValue(),
                                    ((Number) location.get("lng")).doubleValue(),
                                    ((Number) s.get("version")).longValue(),
                                    amenities));
                }
            }
        }
        assertThat(page.getString("next")).isEqualTo(Long.toString(cursor[0]));
        return page.getBoolean("more");
    }

    private static double round7(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
