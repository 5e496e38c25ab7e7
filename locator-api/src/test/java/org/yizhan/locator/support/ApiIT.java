package org.yizhan.locator.support;

import static io.restassured.config.JsonConfig.jsonConfig;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yizhan.locator.search.StationIndexSync;

/**
 * Base of integration tests: the whole service on a random port, on the real PostGIS test
 * database that scripts/test.sh recreates, with the real Flyway migrations. Test classes share
 * one application context and one database, so each test creates its own stations (in its own
 * area or with its own markers) and never assumes the register is empty.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=${yizhan.test.db.url:jdbc:postgresql://127.0.0.1:55432/yizhan_test}",
            "yizhan.admin.username=" + ApiIT.ADMIN,
            "yizhan.admin.password=" + ApiIT.ADMIN_PASSWORD,
            "yizhan.demo.enabled=false",
            // The test client plays a reverse proxy on loopback: only so may it set X-Forwarded-For, as the
            // production default trusts no forwarded header (ProxyTrustIT checks that default).
            "server.tomcat.remoteip.internal-proxies=${yizhan.test.trusted-proxies:" + ApiIT.LOOPBACK_PROXY + "}",
            // IndexRepairIT waits for a repair check; a short interval keeps it quick.
            "yizhan.index.repair-interval=2s",
            // Small enough that the oversized-photo test's body is refused without a multi-megabyte upload.
            "yizhan.photos.max-bytes=" + ApiIT.PHOTO_MAX_BYTES,
            // Many tests call the API hard from one address; QuotaIT sets small quotas in a context of its own.
            "yizhan.quota.anonymous.per-minute=${yizhan.test.anonymous-per-minute:" + ApiIT.TEST_QUOTA + "}",
            "yizhan.quota.anonymous.per-day=${yizhan.test.anonymous-per-day:" + ApiIT.TEST_QUOTA + "}",
            "logging.level.org.yizhan=WARN"
        })
public abstract class ApiIT {

    public static final String ADMIN = "test-admin";
    public static final String LOOPBACK_PROXY = "127.0.0.0/8, ::1/128";
    public static final int PHOTO_MAX_BYTES = 2_000_000;
    /** The anonymous quota of the shared test context: more than the whole suite sends. */
    public static final long TEST_QUOTA = 1_000_000_000L;
    /** Only for the throwaway test database; production passwords come from the environment. */
    public static final String ADMIN_PASSWORD = "test-only-password";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private StationIndexSync indexSync;

    /** Waits until stations written straight to the database are in the in-memory index too. */
    protected void awaitIndexed() {
        try {
            indexSync.awaitCaughtUp(Duration.ofSeconds(30));
        } catch (Exception e) {
            throw new AssertionError("the station index did not catch up", e);
        }
    }

    @BeforeEach
    void pointRestAssuredAtTheService() {
        RestAssured.port = port;
        RestAssured.config = RestAssuredConfig.config()
                .jsonConfig(jsonConfig().numberReturnType(NumberReturnType.DOUBLE))
                // A test's own Accept-Language replaces the default below instead of adding a second one.
                .headerConfig(HeaderConfig.headerConfig().overwriteHeadersWithName(HttpHeaders.ACCEPT_LANGUAGE));
        // The API answers problems in the caller's language, Chinese by default. The tests were written
        // against the English texts and assert them by the hundred; asking for English by default keeps
        // them readable and exact. ProblemLanguageIT and HostileRequestIT check the Chinese answers.
        // Test classes with contexts of their own listen on other ports: the spec is built afresh for
        // this one (a builder starts from the spec already set, port included).
        RestAssured.requestSpecification = null;
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .setPort(port)
                .addHeader(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .build();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    protected static RequestSpecification asAdmin() {
        return RestAssured.given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** A station the admin creates through the API from {@code form} (see {@link StationForms}); its code. */
    protected static String createStation(Map<String, Object> form) {
        return createdStation(form).getString("code");
    }

    /** The API's answer (201: code, version, …) when the admin creates a station from {@code form}. */
    protected static JsonPath createdStation(Map<String, Object> form) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(form)
                .post("/api/v1/stations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }
}
