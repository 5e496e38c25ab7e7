package org.yizhan.locator.routing;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.osm.GeneratedCity;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;

/**
 * Base of integration tests with a road graph: the service started on the generated test city
 * ({@link TestCity}), written to a temporary file before the context starts. Subclasses share
 * this one context (a second one beside {@link ApiIT}'s). Stations a test adds are closed after
 * it, since every test works in the same small city.
 */
public abstract class RoadApiIT extends ApiIT {

    private static Path osm;

    protected final GeneratedCity city = TestCity.city();
    private final List<String> added = new ArrayList<>();

    private static synchronized Path osm() {
        if (osm == null) {
            try {
                osm = TestCity.writeTo(Files.createTempDirectory("yizhan-road-city"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return osm;
    }

    @DynamicPropertySource
    static void roadGraph(DynamicPropertyRegistry registry) {
        registry.add("yizhan.routing.osm-file", () -> osm().toString());
        registry.add(
                "yizhan.routing.graph-dir",
                () -> osm().getParent().resolve("graph").toString());
    }

    /** An active station at {@code at}, closed again after the test. */
    protected String station(LatLng at, String name) {
        String code = TestStations.insert(jdbc, TestStations.Spec.active(at).withName(name));
        added.add(code);
        return code;
    }

    /** A planning set uploaded as CSV by the admin; its id. */
    protected long upload(String kind, String csv) {
        return asAdmin()
                .multiPart("file", kind + ".csv", csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", kind)
                .post("/api/v1/planning/sets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** One CSV row of a demand file: lat, lng, weight. */
    protected static String row(LatLng at, double weight) {
        return at.lat() + "," + at.lng() + "," + weight + "\n";
    }

    /** The coverage answer for a demand set with the given query parameters (name, value, …). */
    protected JsonPath coverage(long demand, String... params) {
        List<Object> query = new ArrayList<>(List.of("demand", demand));
        query.addAll(List.of(params));
        return planning("coverage", query.toArray());
    }

    /** The admin's answer to GET /api/v1/planning/{@code path}, which must succeed, with these query parameters. */
    protected static JsonPath planning(String path, Object... params) {
        return adminQuery(params)
                .get("/api/v1/planning/" + path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** An admin request with the given query parameters: name, value, name, value, … */
    protected static RequestSpecification adminQuery(Object... params) {
        RequestSpecification request = asAdmin();
        for (int i = 0; i < params.length; i += 2) request = request.queryParam((String) params[i], params[i + 1]);
        return request;
    }

    @AfterEach
    void closeTheStationsAdded() {
        for (String code : added) {
            jdbc.sql("UPDATE station SET status = 'closed' WHERE code = :code")
                    .param("code", code)
                    .update();
        }
        added.clear();
        awaitIndexed();
    }
}
