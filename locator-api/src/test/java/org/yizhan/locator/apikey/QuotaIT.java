package org.yizhan.locator.apikey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.context.TestPropertySource;
import org.yizhan.locator.config.YizhanProperties;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestRandom;

/**
 * Quotas with small numbers, in an application context of its own: 5 requests a minute and 1,000
 * a day per anonymous address. The service's clock is the test's (so a burst never straddles a
 * minute), and the instance shares its counts only when the test says (sync-interval of an hour),
 * so what another instance counted arrives at a known moment. Each test calls from addresses of
 * its own (loopback is a trusted proxy in tests, so X-Forwarded-For chooses the address).
 */
@Import(QuotaIT.ControlledClock.class)
@TestPropertySource(
        properties = {
            "yizhan.test.anonymous-per-minute=5", "yizhan.test.anonymous-per-day=1000",
            "yizhan.quota.sync-interval=1h", "yizhan.quota.key-cache-ttl=1s"
        })
class QuotaIT extends ApiIT {

    static final long PER_MINUTE = 5;

    static final class SettableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        /** Same instant in another zone, as a real clock does (code asking for a zone gets its local day). */
        @Override
        public Clock withZone(ZoneId zone) {
            SettableClock clock = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return clock.withZone(other);
                }

                @Override
                public Instant instant() {
                    return clock.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ControlledClock {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    @Autowired
    SettableClock clock;

    @Autowired
    QuotaCounters counters;

    @Autowired
    YizhanProperties yizhan;

    @Autowired
    TaskScheduler scheduler;

    @Autowired
    AddressKeys addressKeys;

    /** One stream for the class: each test draws addresses no other test uses. */
    static final Random random = TestRandom.forClass(QuotaIT.class);
    /** 17 s into a minute, 43 s before the next. */
    Instant minute;

    @BeforeEach
    void seventeenSecondsIntoAMinute() {
        minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(17);
        clock.now.set(minute);
    }

    String address() {
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    @Test
    void anAnonymousAddressGetsFiveAMinuteWithTheFieldsOnEveryAnswerThen429() {
        String address = address();
        for (long remaining = PER_MINUTE - 1; remaining >= 0; remaining--) {
            Response ok = from(address).get("/api/v1/amenities");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Policy")).isEqualTo("\"minute\";q=5;w=60, \"day\";q=1000;w=86400");
            assertThat(ok.header("RateLimit"))
                    .startsWith("\"minute\";r=" + remaining + ";t=43, \"day\";r=" + (1000 - PER_MINUTE + remaining)
                            + ";t=");
        }
        Response refused = from(address).get("/api/v1/stations/nearest?lat=39.65&lng=106.8");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("title")).isEqualTo("Too many requests");
        assertThat(refused.header("Retry-After")).isEqualTo("43");
        assertThat(refused.header("RateLimit")).startsWith("\"minute\";r=0;t=43, ");

        // Another address has its own quota; an error answer carries the fields too.
        Response other = from(address()).get("/api/v1/stations/nearest?lat=91&lng=106.8");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.header("RateLimit")).startsWith("\"minute\";r=4;t=43");

        // The next minute starts afresh; the day keeps counting.
        clock.now.set(minute.plusSeconds(43));
        Response next = from(address).get("/api/v1/amenities");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.header("RateLimit"))
                .startsWith("\"minute\";r=4;t=60, \"day\";r=" + (1000 - PER_MINUTE - 1) + ";");
    }

    /**
     * The OGC API (landing page, items, HTML) and its vector tiles share the caller's quota with
     * /api/v1: a QGIS user or a MapLibre map paging through tiles is counted like an app.
     */
    @Test
    void theOgcApiAndItsTilesCountAgainstTheSameQuotaAndAnswer429WithRetryAfter() {
        String address = address();
        String key = issue();
        String[] paths = {
            "/ogcapi",
            "/ogcapi/collections/stations/items?limit=1",
            "/ogcapi/collections/stations/tiles/WebMercatorQuad/0/0/0",
            "/api/v1/amenities",
            "/ogcapi/collections/stations/tiles/WebMercatorQuad/12/1552/3263"
        };
        for (int i = 0; i < paths.length; i++) {
            Response ok = from(address).get(paths[i]);
            assertThat(ok.statusCode()).as(paths[i]).isEqualTo(200);
            assertThat(ok.header("RateLimit-Policy"))
                    .as(paths[i])
                    .isEqualTo("\"minute\";q=5;w=60, \"day\";q=1000;w=86400");
            assertThat(ok.header("RateLimit"))
                    .as(paths[i])
                    .startsWith("\"minute\";r=" + (PER_MINUTE - 1 - i) + ";t=43, ");
        }
        for (String path : new String[] {
            "/ogcapi/collections/stations/tiles/WebMercatorQuad/5/12/25",
            "/ogcapi/collections/stations/items",
            "/ogcapi/conformance?f=html"
        }) {
            Response refused = from(address).get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(429);
            assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("title")).isEqualTo("Too many requests");
            assertThat(refused.header("Retry-After")).as(path).isEqualTo("43");
            assertThat(refused.header("RateLimit")).as(path).startsWith("\"minute\";r=0;t=43, ");
        }
        // With a key the same address is on the key's quota, on the OGC API too.
        Response keyed =
                from(address).header("X-API-Key", key).get("/ogcapi/collections/stations/tiles/WebMercatorQuad/0/0/0");
        assertThat(keyed.statusCode()).isEqualTo(200);
        assertThat(keyed.header("RateLimit-Policy")).startsWith("\"minute\";q=100;w=60");
        // Pages outside the APIs (the map) are not counted.
        assertThat(from(address).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyHasItsOwnQuotaAndAnUnknownKeyIsRefusedAndCountedAgainstTheAddress() {
        String address = address();
        Map<String, Object> issued = asAdmin()
                .header("X-Forwarded-For", address())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "appName",
                        "配额测试 " + TestRandom.token(5),
                        "contact",
                        "dev@example.org",
                        "perMinute",
                        3,
                        "perDay",
                        100))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
        String key = (String) issued.get("key");
        assertThat(key).startsWith("yz_").hasSizeGreaterThan(40);
        for (int remaining = 2; remaining >= 0; remaining--) {
            Response ok = from(address).header("X-API-Key", key).get("/api/v1/amenities");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Policy")).isEqualTo("\"minute\";q=3;w=60, \"day\";q=100;w=86400");
            assertThat(ok.header("RateLimit"))
                    .startsWith("\"minute\";r=" + remaining + ";t=43, \"day\";r=" + (97 + remaining) + ";");
        }
        Response refused = from(address).header("X-API-Key", key).get("/api/v1/amenities");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.jsonPath().getString("detail")).contains("API key");
        // The same address without the key is on its own (anonymous) quota, untouched.
        assertThat(from(address).get("/api/v1/amenities").header("RateLimit")).startsWith("\"minute\";r=4;");

        // An unknown key: 401, counted against the address like any anonymous call.
        Response unknown =
                from(address).header("X-API-Key", "yz_" + TestRandom.token(43)).get("/api/v1/amenities");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.jsonPath().getString("title")).isEqualTo("Unknown or revoked API key");
        assertThat(unknown.header("RateLimit")).startsWith("\"minute\";r=3;");
    }

    /**
     * Two instances share one count: the service, and a second counter on the same database as
     * another API instance would have. Each decides from the last shared total plus its own.
     */
    @Test
    void countsAreSharedWithOtherInstancesThroughPostgres() {
        String address = address();
        String subject = addressKeys.subject(address);
        assertThat(subject).doesNotContain(address);
        QuotaProperties properties = new QuotaProperties(
                false,
                new QuotaProperties.Limit(PER_MINUTE, 1000),
                new QuotaProperties.Limit(10, 10),
                new QuotaProperties.Limit(10, 10),
                Duration.ofHours(1),
                Duration.ofSeconds(1));
        QuotaCounters otherInstance = new QuotaCounters(jdbc, clock, yizhan, properties, scheduler);

        from(address).get("/api/v1/amenities").then().statusCode(200);
        from(address).get("/api/v1/amenities").then().statusCode(200);
        counters.sync();
        assertThat(stored(subject)).isEqualTo(2);

        for (int i = 0; i < 3; i++)
            assertThat(otherInstance.take(subject, properties.anonymous()).allowed())
                    .isTrue();
        otherInstance.sync();
        assertThat(stored(subject)).isEqualTo(5);
        // The other instance learned the total (2 + its 3) in the same statement: it refuses now.
        assertThat(otherInstance.take(subject, properties.anonymous()).allowed())
                .isFalse();

        // This instance has not synced since: it still believes 2 were used (the documented overshoot
        // of at most one sync interval), counts one more, and learns the total at its next sync.
        Response stale = from(address).get("/api/v1/amenities");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.header("RateLimit")).startsWith("\"minute\";r=2;");
        counters.sync();
        assertThat(stored(subject)).isEqualTo(6);
        Response refused = from(address).get("/api/v1/amenities");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("RateLimit")).startsWith("\"minute\";r=0;");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceHereAndWithinTheCacheTimeWhenRevokedElsewhere() {
        String key1 = issue(), key2 = issue();
        assertThat(from(address())
                        .header("X-API-Key", key1)
                        .get("/api/v1/amenities")
                        .statusCode())
                .isEqualTo(200);
        assertThat(from(address())
                        .header("X-API-Key", key2)
                        .get("/api/v1/amenities")
                        .statusCode())
                .isEqualTo(200);

        long id1 = jdbc.sql("SELECT id FROM api_key WHERE key_hash = :h")
                .param("h", ApiKeys.sha256(key1))
                .query(Long.class)
                .single();
        asAdmin().post("/api/v1/api-keys/{id}/revoke", id1).then().statusCode(200);
        assertThat(from(address())
                        .header("X-API-Key", key1)
                        .get("/api/v1/amenities")
                        .statusCode())
                .isEqualTo(401);

        // Another instance revokes key2: only the database changes here, and the cached key expires.
        jdbc.sql("UPDATE api_key SET revoked_at = now() WHERE key_hash = :h")
                .param("h", ApiKeys.sha256(key2))
                .update();
        Instant revoked = Instant.now();
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> from(address())
                                .header("X-API-Key", key2)
                                .get("/api/v1/amenities")
                                .statusCode()
                        == 401);
        assertThat(Duration.between(revoked, Instant.now())).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void administratorsSeeEachKeysDailyUse() {
        String key = issue();
        int requests = 1 + random.nextInt(4);
        for (int i = 0; i < requests; i++)
            from(address())
                    .header("X-API-Key", key)
                    .get("/api/v1/amenities")
                    .then()
                    .statusCode(200);
        counters.sync();
        long id = jdbc.sql("SELECT id FROM api_key WHERE key_hash = :h")
                .param("h", ApiKeys.sha256(key))
                .query(Long.class)
                .single();
        Response list = asAdmin().header("X-Forwarded-For", address()).get("/api/v1/api-keys");
        list.then().statusCode(200);
        Map<String, Object> shown = list.jsonPath().getMap("keys.find { it.id == " + id + " }");
        assertThat(((Number) shown.get("today")).longValue()).isEqualTo(requests);
        assertThat(list.asString()).doesNotContain(key).doesNotContain(key.substring(11));
        assertThat(shown.get("keyPrefix")).isEqualTo(key.substring(0, 11));
    }

    @Test
    void preflightsAreNotCounted() {
        String address = address();
        for (int i = 0; i < PER_MINUTE + 2; i++) {
            from(address)
                    .header("Origin", "https://app.example.org")
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "X-API-Key")
                    .options("/api/v1/amenities")
                    .then()
                    .statusCode(200);
        }
        assertThat(from(address).get("/api/v1/amenities").header("RateLimit")).startsWith("\"minute\";r=4;");
    }

    private String issue() {
        return asAdmin()
                .header("X-Forwarded-For", address())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "appName",
                        "吊销测试 " + TestRandom.token(5),
                        "contact",
                        "dev@example.org",
                        "perMinute",
                        100,
                        "perDay",
                        1000))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }

    private long stored(String subject) {
        return jdbc.sql(
                        "SELECT requests FROM api_usage WHERE subject = :s AND window_seconds = 60 AND window_start = :start")
                .param("s", subject)
                .param("start", java.sql.Timestamp.from(minute.truncatedTo(ChronoUnit.MINUTES)))
                .query(Long.class)
                .single();
    }
}
