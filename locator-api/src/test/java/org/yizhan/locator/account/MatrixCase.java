package org.yizhan.locator.account;

import static io.restassured.RestAssured.given;

import io.restassured.builder.ResponseBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.StationForms;

/**
 * One cell of the matrix: a role, in or out of its region, with the fixtures a request needs.
 * Fixtures are made on first use by the administrator (or straight in the database), in the
 * region under test, and carry a marker that only accounts of that region may see.
 */
final class MatrixCase {

    enum Who {
        ANONYMOUS,
        VIEWER,
        EDITOR,
        ADMIN
    }

    /** Where fixtures go: Haibowan (inside the accounts' region 1503) or Zhangwan, Shiyan (outside it). */
    enum Place {
        IN("1503", "150302", 39.63, 106.80),
        OUT("4203", "420303", 32.64, 110.76);
        final String region, adcode;
        final double lat, lng;

        Place(String region, String adcode, double lat, double lng) {
            this.region = region;
            this.adcode = adcode;
            this.lat = lat;
            this.lng = lng;
        }
    }

    final Who who;
    final Place place;
    private final Supplier<RequestSpecification> login;
    private final Supplier<RequestSpecification> admin;
    private final JdbcClient jdbc;
    private final Random random;
    /** Shown only to accounts of the fixture's region: the responsible person, report text, set name. */
    final String marker;

    private final double lat, lng;
    private @Nullable String station, account, demandSet, candidateSet;
    private @Nullable Long report, photo, apiKey;
    /** While true, requests are answered by a stub and never sent: a first pass makes the fixtures a row uses. */
    private boolean dryRun;

    MatrixCase(
            Who who,
            Place place,
            Supplier<RequestSpecification> login,
            Supplier<RequestSpecification> admin,
            JdbcClient jdbc,
            Random random) {
        this.who = who;
        this.place = place;
        this.login = login;
        this.admin = admin;
        this.jdbc = jdbc;
        this.random = random;
        this.marker = "PII" + Long.toString(Math.abs(random.nextLong()), 36).toUpperCase(Locale.ROOT);
        this.lat = place.lat + random.nextDouble() * 0.02;
        this.lng = place.lng + random.nextDouble() * 0.02;
    }

    /** The request as this case's role: a signed-in session for accounts, nothing for anonymous. */
    RequestSpecification as() {
        RequestSpecification spec = login.get();
        return dryRun
                ? spec.filter((request, response, context) ->
                        new ResponseBuilder().setStatusCode(599).setBody("").build())
                : spec;
    }

    /**
     * Runs {@code request} without sending it, so that every fixture it names exists before the
     * database fingerprint of a refused write is taken (arguments are evaluated after {@link #as()}).
     */
    void makeFixturesOf(java.util.function.Function<MatrixCase, ?> request) {
        dryRun = true;
        try {
            request.apply(this);
        } finally {
            dryRun = false;
        }
    }

    RequestSpecification json() {
        return as().contentType(ContentType.JSON);
    }

    /** {@link #as()}, once the given fixture exists (for listings that should show it). */
    RequestSpecification having(Object fixture) {
        return as();
    }

    /** An anonymous worker's phone, for feedback. */
    /** An anonymous worker on a network of its own, with the token the map would fetch first. */
    RequestSpecification worker() {
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        String token = given().header("X-Forwarded-For", address)
                .get("/api/v1/feedback-token")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("token");
        return as().header("X-Device-Id", new UUID(random.nextLong(), random.nextLong()).toString())
                .header("X-Forwarded-For", address)
                .header("X-Feedback-Token", token)
                .contentType(ContentType.JSON);
    }

    double lat() {
        return lat;
    }

    double lng() {
        return lng;
    }

    String region() {
        return place.region;
    }

    String bbox() {
        return String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", lng - 0.01, lat - 0.01, lng + 0.01, lat + 0.01);
    }

    /** A fresh station in the place, made by the administrator, whose responsible person is the marker. */
    String station() {
        if (station == null) {
            station = admin.get()
                    .contentType(ContentType.JSON)
                    .body(stationForm())
                    .post("/api/v1/stations")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("code");
        }
        return station;
    }

    Map<String, Object> stationForm() {
        Map<String, Object> form = new HashMap<>(StationForms.haibowanStation());
        form.put("adcode", place.adcode);
        form.put("name", "矩阵测试驿站 " + marker.substring(3, 8));
        form.put("location", Map.of("lat", lat, "lng", lng));
        form.put("contactPerson", marker);
        return form;
    }

    Map<String, Object> stationUpdate() {
        Map<String, Object> form = new HashMap<>(stationForm());
        form.put("name", "改过的名字");
        form.put("version", 0);
        return form;
    }

    /** A small picture, as a phone would upload it. */
    static byte[] picture() {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** A photo of {@link #station()}, uploaded by the administrator. */
    long photo() {
        if (photo == null) {
            String code = station();
            photo = admin.get()
                    .multiPart("file", "photo.png", picture(), "image/png")
                    .post("/api/v1/stations/{code}/photos", code)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
        }
        return photo;
    }

    /** An open report on {@link #station()} whose text is the marker; written straight to the table. */
    long report() {
        if (report == null) {
            String code = station();
            report = jdbc.sql("""
                    INSERT INTO station_report (station_id, reason, text, day, device_hash, created_at)
                    SELECT id, 'other', :text, current_date, md5(:text) || md5(:code), now() FROM station WHERE code = :code
                    RETURNING id""")
                    .param("text", marker)
                    .param("code", code)
                    .query(Long.class)
                    .single();
        }
        return report;
    }

    Map<String, Object> apiKeyForm() {
        return Map.of("appName", "矩阵应用 " + marker, "contact", "matrix@example.org", "perMinute", 60, "perDay", 1000);
    }

    /** An API key issued by the administrator, for the revoke line. */
    long apiKey() {
        if (apiKey == null) {
            apiKey = admin.get()
                    .contentType(ContentType.JSON)
                    .body(apiKeyForm())
                    .post("/api/v1/api-keys")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("apiKey.id");
        }
        return apiKey;
    }

    /** A short route past the place's station, as GeoJSON. */
    Map<String, Object> route() {
        station();
        return Map.of(
                "type",
                "LineString",
                "coordinates",
                List.of(List.of(lng - 0.002, lat - 0.001), List.of(lng + 0.002, lat + 0.001)));
    }

    /** A throwaway account for the administrator to change. */
    String account() {
        if (account == null) {
            account = "matrix-" + Long.toString(Math.abs(random.nextLong()), 36);
            admin.get()
                    .contentType(ContentType.JSON)
                    .body(accountForm(account))
                    .post("/api/v1/accounts")
                    .then()
                    .statusCode(201);
        }
        return account;
    }

    Map<String, Object> newAccount() {
        return accountForm("matrix-" + Long.toString(Math.abs(random.nextLong()), 36));
    }

    Map<String, Object> accountChange() {
        Map<String, Object> form = new HashMap<>(accountForm(account()));
        form.remove("password");
        form.put("displayName", "改名");
        form.put(
                "version",
                jdbc.sql("SELECT version FROM account WHERE username = :u")
                        .param("u", account())
                        .query(Long.class)
                        .single());
        return form;
    }

    private Map<String, Object> accountForm(String username) {
        return Map.of(
                "username",
                username,
                "displayName",
                "矩阵",
                "password",
                Accounts.PASSWORD,
                "role",
                "viewer",
                "regions",
                List.of(place.region));
    }

    /** One new station in the place as a register file (Chinese headers, as unions write it). */
    byte[] registerCsv() {
        String row = String.format(
                Locale.ROOT,
                "矩阵导入驿站%s,测试路1号,%.6f,%.6f,%s,共建,总工会,%s,13900001111,24/7,饮水机",
                marker,
                lat + 0.003,
                lng + 0.003,
                place.adcode,
                marker);
        return ("站点名称,地址,纬度,经度,行政区划代码,建设方式,依托单位,负责人,联系电话,开放时间,服务设施\n" + row + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A few weighted points around the place's station. */
    byte[] pointsCsv() {
        StringBuilder csv = new StringBuilder("lat,lng,weight\n");
        for (int i = 0; i < 5; i++) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%.6f,%.6f,%d%n",
                    lat + random.nextDouble() * 0.03,
                    lng + random.nextDouble() * 0.03,
                    1 + i));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A demand set of the place's region, named with the marker. */
    String demandSet() {
        if (demandSet == null) demandSet = upload("demand");
        return demandSet;
    }

    String candidateSet() {
        if (candidateSet == null) candidateSet = upload("candidate");
        return candidateSet;
    }

    private String upload(String kind) {
        station(); // an existing station near the demand, so coverage has something to measure
        Object id = admin.get()
                .multiPart("file", kind + ".csv", pointsCsv())
                .queryParam("kind", kind)
                .queryParam("region", place.region)
                .queryParam("name", "集 " + marker)
                .post("/api/v1/planning/sets")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        return String.valueOf(((Number) id).longValue());
    }

    static RequestSpecification anonymous() {
        return given();
    }

    @Override
    public String toString() {
        return who.name().toLowerCase(Locale.ROOT)
                + (who == Who.ANONYMOUS ? "" : ", " + place.name().toLowerCase(Locale.ROOT) + " of region");
    }
}
