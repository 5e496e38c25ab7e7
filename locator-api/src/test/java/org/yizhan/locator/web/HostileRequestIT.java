package org.yizhan.locator.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.yizhan.locator.support.ApiIT;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of hostile requests generated from the service's own OpenAPI document, anonymous and
 * as admin: none may get a 5xx, every 4xx is an RFC 9457 problem (HEAD answers carry no body, so
 * only their status is checked), no error body shows a stack trace or a class name, and none of
 * it is logged as an error. Every problem carries a {@code code} and words, never a raw message key;
 * a third of the requests ask for Chinese ({@code Accept-Language: zh-CN}) and must get a Chinese
 * title. An endpoint added later is fuzzed without touching this test.
 *
 * <p>Replay a failure with {@code -Dhostile.seed=<seed printed>}; {@code -Dhostile.requests=N}
 * sets the number per identity.
 */
class HostileRequestIT extends ApiIT {

    private static final int PER_IDENTITY = Integer.getInteger("hostile.requests", 2600);
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[\\w.$]+\\(|\\bjava\\.(lang|io|util|sql)\\.|org\\.(springframework|apache|hibernate|postgresql)\\.|tools\\.jackson|\\.java:\\d+");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHINESE = "zh-CN,zh;q=0.9";
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** A message key where words belong: {@code station.unknown.title}. */
    private static final Pattern RAW_KEY = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9]+)+");

    @Test
    void noHostileRequestGetsA5xxOrALeakOrAnErrorLog() throws Exception {
        long seed = Long.getLong(
                "hostile.seed", org.yizhan.locator.support.TestRandom.current().nextLong());
        System.out.println("HostileRequestIT seed=" + seed + " (replay with -Dhostile.seed=" + seed + ")");
        String apiDocs =
                given().get("/v3/api-docs").then().statusCode(200).extract().asString();
        HostileRequests generator = new HostileRequests(apiDocs, seed, adminSession());
        assertThat(generator.operations())
                .extracting(Object::toString)
                .contains("GET /api/v1/stations/nearest", "POST /api/v1/stations", "POST /api/v1/register/imports");

        List<RawHttp.Request> requests = new ArrayList<>();
        for (int i = 0; i < 2 * PER_IDENTITY; i++) {
            RawHttp.Request request = generator.next(i / 2, i % 2 == 1);
            // A third of them as a Chinese phone sends them: their problems must come in Chinese.
            requests.add(i % 3 == 0 ? inChinese(request) : request);
        }

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perOperation = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (RawHttp.Request request : requests) {
                done.add(pool.submit(() -> {
                    try {
                        RawHttp.Response response = RawHttp.send(port, request);
                        statuses.computeIfAbsent(response.status(), s -> new AtomicInteger())
                                .incrementAndGet();
                        perOperation
                                .computeIfAbsent(request.what().split(":")[0], s -> new AtomicInteger())
                                .incrementAndGet();
                        String problem = check(request, response);
                        if (problem != null)
                            failures.add(problem + " <- " + request.describe() + " => " + abbreviate(response.body()));
                    } catch (Exception e) {
                        failures.add("no answer (" + e + ") <- " + request.describe());
                    }
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
            root.detachAppender(logs);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("HostileRequestIT: " + requests.size() + " requests over "
                + generator.operations().size() + " operations in " + millis + " ms; statuses "
                + new TreeMap<>(statuses));

        assertThat(perOperation.keySet())
                .as("every operation, both identities, was fuzzed")
                .hasSize(2 * generator.operations().size());
        assertThat(failures.stream().limit(40).toList())
                .as("seed " + seed + ": " + failures.size() + " bad answers; the first ones")
                .isEmpty();
        List<String> errorLogs = logs.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage())
                .toList();
        assertThat(errorLogs)
                .as("seed " + seed + ": client mistakes are no warnings or errors in the log")
                .isEmpty();
    }

    /** Signs the admin in once, as the workspace does: a session cookie, and the CSRF token that writes echo. */
    private static List<String[]> adminSession() {
        io.restassured.response.Response login = given().formParam("username", ADMIN)
                .formParam("password", ADMIN_PASSWORD)
                .post("/login")
                .then()
                .statusCode(200)
                .extract()
                .response();
        String session = login.getCookie("JSESSIONID");
        String csrf = given().cookie("JSESSIONID", session)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .cookie("XSRF-TOKEN");
        if (csrf == null) csrf = login.getCookie("XSRF-TOKEN");
        assertThat(session).isNotBlank();
        assertThat(csrf).isNotBlank();
        return List.of(
                new String[] {"Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf},
                new String[] {"X-XSRF-TOKEN", csrf});
    }

    /** What is wrong with the answer, or null. */
    static String check(RawHttp.Request request, RawHttp.Response response) {
        int status = response.status();
        if (status >= 500) return "status " + status;
        if (status < 400 || request.method().equals("HEAD")) return null;
        if (!response.header("Content-Type").startsWith("application/problem+json")) {
            return status + " with Content-Type '" + response.header("Content-Type") + "'";
        }
        if (LEAK.matcher(response.body()).find()) return status + " body leaks internals";
        if (!response.body().contains("\"title\"") || !response.body().contains("\"status\":" + status)) {
            return status + " problem without title or status";
        }
        // Jackson, not RestAssured's JsonPath: that compiles a Groovy script per call, nine tenths of
        // this test's time.
        Map<?, ?> problem = JSON.readValue(response.body(), Map.class);
        String title = String.valueOf(problem.get("title"));
        String code = problem.get("code") instanceof String text ? text : null;
        if (code == null || !RAW_KEY.matcher(code).matches()) return status + " problem without a code";
        if (RAW_KEY.matcher(title).matches() || title.contains(code)) return status + " title is a raw key";
        if (asksChinese(request) && !CJK.matcher(title).find())
            return status + " asked in Chinese, answered '" + title + "'";
        return null;
    }

    /** The request with {@code Accept-Language: zh-CN}, unless it says a language already. */
    private static RawHttp.Request inChinese(RawHttp.Request request) {
        boolean saysLanguage = request.target().contains("lang")
                || request.headers().stream().anyMatch(h -> h[0].equalsIgnoreCase("Accept-Language"));
        if (saysLanguage) return request;
        List<String[]> headers = new ArrayList<>(request.headers());
        headers.add(new String[] {"Accept-Language", CHINESE});
        return new RawHttp.Request(request.method(), request.target(), headers, request.body(), request.what());
    }

    private static boolean asksChinese(RawHttp.Request request) {
        return !request.target().contains("lang")
                && request.headers().stream().anyMatch(h -> h[0].equals("Accept-Language") && h[1].equals(CHINESE));
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
