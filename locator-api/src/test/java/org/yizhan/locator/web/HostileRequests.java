package org.yizhan.locator.web;

import io.restassured.path.json.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Generates hostile requests for every operation of an OpenAPI document: junk, overlong, unicode
 * and injection values, broken percent-escapes and raw bytes, wrong types, bad headers, malformed
 * bodies and wrong methods. Deterministic for a seed.
 *
 * <p>Writes must not damage the data other tests share, so a request with a write method never
 * names a real resource (its path parameters are always junk that no code, id or user name
 * parses to) and never carries a valid body; feedback never carries a valid device id, so the
 * per-address feedback buckets other tests rely on are not drained; and credentials are never
 * wrong in a way that counts as a failed sign-in (that would throttle every test's admin). The
 * admin is signed in by a session, not HTTP Basic: a password hash per request would make
 * thousands of requests take many minutes.
 */
final class HostileRequests {

    /** One path and method of the document, with its declared parameters. */
    record Operation(String method, String path, List<Param> params, List<String> bodyTypes) {
        boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Param(String in, String name, String type, boolean required) {}

    private static final List<String> JUNK = List.of(
            "",
            " ",
            "-1",
            "0",
            "-0",
            "1e309",
            "-1e309",
            "NaN",
            "Infinity",
            "-Infinity",
            "4.9E-324",
            "9999999999999999999999999",
            "-9223372036854775809",
            "2147483648",
            "0x1F",
            "1_000",
            "١٢٣",
            "1,5",
            "true",
            "false",
            "null",
            "undefined",
            "[]",
            "{}",
            "[1,2]",
            "{\"a\":1}",
            "' OR '1'='1",
            "1; DROP TABLE station;--",
            "\" OR \"\"=\"",
            "') OR 1=1--",
            "1 UNION SELECT password_hash FROM account",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "${jndi:ldap://127.0.0.1/a}",
            "#{7*7}",
            "{{7*7}}",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "/",
            "//",
            "\\",
            "%",
            "%25",
            "%00",
            "\u0000",
            "a\u0000b",
            "\r\nX-Injected: 1",
            "\n",
            "\t",
            "驿站",
            "爱心驿站🚲",
            "😀😀😀",
            "\u202Eevil\u202C",
            "\uFEFF",
            "Ω≈ç√∫",
            "ﷺ",
            "\u0301\u0301\u0301",
            "ǅ",
            "İ",
            "a".repeat(3000),
            "驿".repeat(1500),
            "1,2,3,4,5",
            ",,,,",
            ",",
            "106.75,39.60,106.90,39.72,1",
            "-180,-90,180,90",
            "180,90,-180,-90",
            "1e308,1e308,1e308,1e308",
            "150302-00017-5",
            "150302-00017",
            "150302-0001X-4",
            "000000-00000-0",
            "999999-99999-X",
            "150302 00017 4",
            "microwave,sauna",
            "microwave,,microwave",
            "gcj02,bd09",
            "wgs84 ",
            "WGS84",
            "utm",
            "EPSG:4326",
            "2026-13-45T99:99:99+08:00",
            "2026-11-22T23:00:00",
            "tomorrow",
            "+999999999-12-31T23:59:59Z",
            "*",
            "?",
            "&",
            "=",
            "+",
            ";",
            "#",
            "a=b&c=d",
            "%2e%2e%2f",
            "..;",
            "~",
            "$(id)",
            "`id`",
            "|id",
            "\\x00");

    /** Raw query or path bytes a well-behaved client would never send. Sent as is, not encoded. */
    private static final List<String> RAW_BAD = List.of(
            "%",
            "%z",
            "%zz",
            "%%",
            "%%%",
            "a%2",
            "%2",
            "%G0",
            "%E4%B8",
            "%E4%B8%",
            "%C0%AF",
            "%C0%80",
            "%FF%FE",
            "%ED%A0%80",
            "%F4%90%80%80",
            "%80",
            "%00",
            "%0d%0aX-Injected:%201",
            "+%",
            "%u0041",
            "%E9",
            RawHttp.utf8Bytes("驿站"),
            "\u00e9",
            "\u00ff\u00fe",
            "\u0080",
            "%2F..%2F..%2F",
            "%5C",
            "%3B",
            "%23",
            "%3F",
            "%uD83D");

    private static final List<String> HEADER_JUNK = List.of(
            "",
            " ",
            "*",
            "junk",
            "\u00ff\u00fe",
            RawHttp.utf8Bytes("驿站"),
            "a".repeat(4000),
            "\t",
            ";;;;",
            ",,,,",
            "=",
            "' OR '1'='1",
            "<script>",
            "%zz",
            "\"",
            "q=abc",
            "1e309",
            "-1");

    private static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put(
                "Accept",
                List.of(
                        "application/xml",
                        "text/html",
                        "image/png",
                        "application/json;q=abc",
                        "*/*;q=2",
                        "application/",
                        "/json",
                        "application/problem+json",
                        "text/csv",
                        "application/vnd.ms-excel;q=0.9, */*;q=0",
                        "*/*;charset=\"unterminated",
                        "application/json, text/plain; q=0.0"));
        HEADERS.put(
                "Accept-Language",
                List.of(
                        "xx-YY",
                        "en;q=abc",
                        "*",
                        "zh-Hans-CN-u-ca-chinese-x-private",
                        "en-US,,,;q=",
                        "a".repeat(300),
                        "-",
                        "en;q=1.5",
                        "zh;q=-1",
                        "i-klingon",
                        "123"));
        HEADERS.put("Accept-Charset", List.of("utf-99", "*;q=abc"));
        HEADERS.put("Accept-Encoding", List.of("br;q=abc", "identity;q=0", "*;q=0", "x-junk"));
        HEADERS.put(
                "Content-Type",
                List.of(
                        "application/json; charset=nope",
                        "application/json; charset=UTF-7",
                        "text/plain",
                        "multipart/form-data",
                        "multipart/form-data; boundary=",
                        "multipart/form-data; boundary=\"unterminated",
                        "application/x-www-form-urlencoded",
                        "application/xml",
                        "junk",
                        "/",
                        "application/json;;;",
                        "*/*",
                        "application/json; charset=\"utf-8",
                        "application/geo+json"));
        HEADERS.put(
                "Range",
                List.of(
                        "bytes=abc",
                        "bytes=999999999999-1",
                        "bytes=-",
                        "bytes=0-0,0-0,0-0,0-0,0-0,0-0",
                        "pages=1-2",
                        "bytes=5-1"));
        HEADERS.put("If-None-Match", List.of("junk", "\"unterminated", "*", "W/", ",,,"));
        HEADERS.put("If-Match", List.of("junk", "\"unterminated", "W/\"x\""));
        HEADERS.put("If-Modified-Since", List.of("yesterday", "Thu, 99 Zzz 9999 99:99:99 GMT", "0", "-1"));
        HEADERS.put("If-Unmodified-Since", List.of("yesterday", "Thu, 01 Jan 1970 00:00:00 GMT"));
        HEADERS.put("If-Range", List.of("junk", "Thu, 01 Jan 1970 00:00:00 GMT"));
        HEADERS.put("Origin", List.of("null", "http://evil.example", "junk", "http://[::1"));
        HEADERS.put("Access-Control-Request-Method", List.of("JUNK", "DELETE"));
        HEADERS.put("X-Forwarded-For", List.of("junk", "999.999.999.999", "::::::", "1.2.3.4, junk", "[::1]:99999"));
        HEADERS.put("X-Forwarded-Proto", List.of("gopher", "junk", "https, http"));
        HEADERS.put("X-Forwarded-Host", List.of("evil.example:99999", "[::1", "a b"));
        HEADERS.put("X-Forwarded-Port", List.of("abc", "-1", "99999999999"));
        HEADERS.put("Forwarded", List.of("for=junk;proto=gopher", "for=\"[::1", ";;;"));
        HEADERS.put("Host", List.of("", "evil.example:abc", "[::1", "a b", "localhost:99999"));
        HEADERS.put(
                "Cookie",
                List.of(
                        "JSESSIONID=junk",
                        "JSESSIONID=",
                        "XSRF-TOKEN=junk; JSESSIONID=junk",
                        "=;=;=",
                        "\u00ff=\u00ff"));
        HEADERS.put("X-XSRF-TOKEN", List.of("junk", ""));
        HEADERS.put(
                "X-Device-Id",
                List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "{" + "x".repeat(36) + "}"));
        HEADERS.put("Expect", List.of("100-continue", "junk"));
        HEADERS.put("Content-Encoding", List.of("gzip", "junk", "br"));
        HEADERS.put("Transfer-Encoding", List.of("junk", "chunked, junk"));
        // Never decodable credentials: a well-formed wrong password would count as a failed sign-in.
        HEADERS.put(
                "Authorization",
                List.of(
                        "Bearer junk",
                        "Basic !!!",
                        "Basic",
                        "Digest username=\"x\"",
                        "Negotiate junk",
                        "Basic " + "=".repeat(20)));
    }

    /** Valid values by parameter name, so that one junk value meets otherwise sensible requests. */
    private static final Map<String, String> BASELINE = Map.ofEntries(
            Map.entry("lat", "39.6553"),
            Map.entry("lng", "106.8254"),
            Map.entry("bbox", "106.75,39.60,106.90,39.72"),
            Map.entry("limit", "5"),
            Map.entry("code", "150302-00017-4"),
            Map.entry("crs", "gcj02"),
            Map.entry("lang", "en"),
            Map.entry("demand", "queries"),
            Map.entry("radius", "1000"),
            Map.entry("k", "2"),
            Map.entry("days", "7"),
            Map.entry("format", "json"),
            Map.entry("prefix", "1503"),
            Map.entry("extension", "csv"),
            Map.entry("region", "150302"),
            Map.entry("columns", "8"),
            Map.entry("status", "active"),
            Map.entry("perPage", "4"),
            Map.entry("codes", "150302-00017-4"),
            Map.entry("amenities", "microwave"),
            Map.entry("openNow", "true"),
            Map.entry("at", "2026-11-22T23:00:00+08:00"),
            Map.entry("name", "hostile"),
            Map.entry("dryRun", "true"),
            Map.entry("kind", "demand"),
            Map.entry("cell", "500"),
            Map.entry("weeks", "4"),
            Map.entry("candidates", "grid"),
            Map.entry("id", "1"),
            Map.entry("username", "hostile-nobody"),
            Map.entry("Accept-Language", "en"));

    private static final List<String> WRONG_METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "FOO", "get", "CONNECT");

    private static final Pattern CODE_LIKE = Pattern.compile("(?i)\\s*\\d{6}[\\s-]*\\d{5}[\\s-]*[0-9x]\\s*");

    private final Random random;
    private final List<Operation> operations;
    private final List<String[]> adminHeaders;

    /** {@code adminHeaders} sign a request in as admin (a session cookie and its CSRF token). */
    HostileRequests(String openApiJson, long seed, List<String[]> adminHeaders) {
        this.random = new Random(seed);
        this.operations = operations(openApiJson);
        this.adminHeaders = adminHeaders;
    }

    List<Operation> operations() {
        return operations;
    }

    static List<Operation> operations(String openApiJson) {
        Map<String, Map<String, Map<String, Object>>> paths =
                JsonPath.from(openApiJson).getMap("paths");
        List<Operation> result = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, spec) -> {
            List<Param> params = new ArrayList<>();
            Object declared = spec.get("parameters");
            if (declared instanceof List<?> list) {
                for (Object o : list) {
                    Map<?, ?> p = (Map<?, ?>) o;
                    Map<?, ?> schema = p.get("schema") instanceof Map<?, ?> s ? s : Map.of();
                    params.add(new Param(
                            String.valueOf(p.get("in")),
                            String.valueOf(p.get("name")),
                            String.valueOf(schema.get("type")),
                            Boolean.TRUE.equals(p.get("required"))));
                }
            }
            List<String> bodyTypes = new ArrayList<>();
            if (spec.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> content) {
                content.keySet().forEach(k -> bodyTypes.add(String.valueOf(k)));
            }
            result.add(new Operation(method.toUpperCase(Locale.ROOT), path, params, bodyTypes));
        }));
        return result;
    }

    /** The {@code n}-th request: operations are taken in turn, so each gets its share. */
    RawHttp.Request next(int n, boolean asAdmin) {
        Operation op = operations.get(n % operations.size());
        Set<String> declaredMethods = declaredMethods(op.path());
        int kind = random.nextInt(100);
        String method = op.method();
        String what;
        Map<String, String> query = new LinkedHashMap<>();
        List<String> rawQuery = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<String[]> headers = new ArrayList<>();
        byte[] body = new byte[0];
        String pathSuffix = "";

        if (kind < 8) {
            List<String> wrong = WRONG_METHODS.stream()
                    .filter(m -> !declaredMethods.contains(m))
                    .toList();
            method = wrong.get(random.nextInt(wrong.size()));
            what = "wrong method";
        } else {
            what = null;
        }
        boolean writes = !method.equals("GET") || op.writes();
        for (Param p : op.params()) {
            if (p.in().equals("path")) pathValues.put(p.name(), encode(writes ? writeSafeJunk(p) : baselineOrJunk(p)));
            else if (p.in().equals("query") && (p.required() || random.nextBoolean())) {
                String value = baseline(p);
                if (value != null) query.put(p.name(), value);
            }
        }
        // The admin must never confirm a real import, so dryRun stays true or junk.
        if (writes && asAdmin && op.path().endsWith("/imports")) query.put("dryRun", "true");

        if (what == null) {
            List<Param> queryParams =
                    op.params().stream().filter(p -> p.in().equals("query")).toList();
            List<Param> pathParams =
                    op.params().stream().filter(p -> p.in().equals("path")).toList();
            if (kind < 28) {
                Param p = queryParams.isEmpty() ? null : queryParams.get(random.nextInt(queryParams.size()));
                String name = p == null || random.nextInt(6) == 0
                        ? pick(List.of("lat", "x", "驿", "a[b]", "limit", ""))
                        : p.name();
                String value = p != null && random.nextBoolean() ? wrongType(p.type()) : pick(JUNK);
                if (writes && asAdmin && name.equals("dryRun")) value = "maybe";
                query.put(name, value);
                what = "junk query value for '" + name + "'";
            } else if (kind < 44) {
                Param p = queryParams.isEmpty() ? null : queryParams.get(random.nextInt(queryParams.size()));
                String name = p == null ? pick(List.of("lang", "lat", "q")) : p.name();
                query.remove(name);
                String bad = pick(RAW_BAD);
                rawQuery.add(random.nextInt(5) == 0 ? bad + "=1" : encode(name) + "=" + bad);
                what = "raw bad bytes in query '" + name + "'";
            } else if (kind < 56) {
                if (!pathParams.isEmpty() && random.nextInt(4) > 0) {
                    Param p = pathParams.get(random.nextInt(pathParams.size()));
                    pathValues.put(p.name(), random.nextBoolean() ? pick(RAW_BAD) : encode(writeSafe(pick(JUNK))));
                    what = "junk path parameter '" + p.name() + "'";
                } else {
                    pathSuffix = pick(List.of(
                            "/" + pick(RAW_BAD),
                            pick(RAW_BAD),
                            "/..;/",
                            "/%2e%2e/",
                            ";jsessionid=junk",
                            "//",
                            "/.",
                            "/" + RawHttp.utf8Bytes("驿站"),
                            "?",
                            "#frag",
                            "/" + "a".repeat(2000)));
                    what = "junk path suffix";
                }
            } else if (kind < 76) {
                String name = pick(new ArrayList<>(HEADERS.keySet()));
                String value = random.nextInt(4) == 0 ? pick(HEADER_JUNK) : pick(HEADERS.get(name));
                if (name.equals("X-Device-Id") && parsesAsUuid(value)) value = "not-a-uuid";
                // The admin's own session must survive: its credentials are not what is fuzzed here.
                if (asAdmin && (name.equals("Authorization") || name.equals("Cookie") || name.equals("X-XSRF-TOKEN")))
                    name = "X-" + name;
                if (name.equals("Transfer-Encoding") || name.equals("Content-Encoding") || name.equals("Expect")) {
                    body = RawHttp.latin1("{\"junk\":");
                    if (name.equals("Transfer-Encoding"))
                        headers.add(new String[] {"Content-Length", String.valueOf(body.length)});
                }
                headers.add(new String[] {name, value});
                what = "bad header " + name;
            } else if (kind < 92) {
                String[] typeAndBody = junkBody(op);
                headers.add(new String[] {"Content-Type", typeAndBody[0]});
                body = RawHttp.latin1(typeAndBody[1]);
                what = "junk body";
            } else {
                int which = random.nextInt(4);
                if (which == 0) rawQuery.add("q=" + "a".repeat(9000 + random.nextInt(60000)));
                else if (which == 1) headers.add(new String[] {"X-Junk", "b".repeat(9000 + random.nextInt(60000))});
                else if (which == 2) {
                    StringBuilder many = new StringBuilder();
                    for (int i = 0; i < 1500; i++)
                        many.append(i == 0 ? "" : "&")
                                .append("p")
                                .append(i)
                                .append("=")
                                .append(i);
                    rawQuery.add(many.toString());
                } else {
                    for (int i = 0; i < 120; i++) headers.add(new String[] {"X-Many-" + i, "v" + i});
                }
                what = "overlong request (" + which + ")";
            }
        }
        if (body.length == 0 && writes && !op.bodyTypes().isEmpty()) {
            // A write's default body is junk too: a valid one would change shared data.
            String[] typeAndBody = junkBody(op);
            headers.add(new String[] {"Content-Type", typeAndBody[0]});
            body = RawHttp.latin1(typeAndBody[1]);
        }
        if (asAdmin) headers.addAll(adminHeaders);
        String path = op.path();
        for (Map.Entry<String, String> e : pathValues.entrySet())
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        StringBuilder target = new StringBuilder(path).append(pathSuffix);
        List<String> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
        pairs.addAll(rawQuery);
        if (!pairs.isEmpty())
            target.append(pathSuffix.contains("?") ? "&" : "?").append(String.join("&", pairs));
        return new RawHttp.Request(
                method, target.toString(), headers, body, (asAdmin ? "admin " : "anonymous ") + op + ": " + what);
    }

    private Set<String> declaredMethods(String path) {
        Set<String> methods = new java.util.HashSet<>();
        for (Operation o : operations) if (o.path().equals(path)) methods.add(o.method());
        if (methods.contains("GET")) methods.add("HEAD");
        methods.add("OPTIONS");
        return methods;
    }

    private String[] junkBody(Operation op) {
        String json = pick(List.of(
                "{\"name\": \"驿站\", ",
                "[]",
                "\"string\"",
                "42",
                "null",
                "true",
                "{\"a\":1}{\"b\":2}",
                "{'single': 'quotes'}",
                "{\"name\": {\"nested\": 1}, \"location\": \"north\", \"version\": \"x\", \"status\": [], \"role\": 5, \"rating\": \"five\", \"password\": 7, \"regions\": 3}",
                "{\"location\": {\"lat\": \"north\", \"lng\": 1e999}}",
                "{\"location\": {\"lat\": 1e400, \"lng\": -1e400}, \"name\": []}",
                "{\"version\": 99999999999999999999999, \"status\": {}}",
                "{\"rating\": 1.5e308, \"reason\": []}",
                "{\"username\": [], \"role\": {}}",
                "{\"amenities\": \"microwave\", \"name\": 5}",
                "[".repeat(5000),
                "{\"a\":".repeat(3000),
                "{\"name\": \"\\ud800\", \"location\": 7}",
                "{\"name\": \"\\u00zz\"}",
                "\u00ff\u00fe{\u0000}",
                "{\"name\": \"" + "x".repeat(70_000) + "\"}",
                "",
                "   ",
                "{\"name\":\"a\",\"name\":[1]}",
                "NaN",
                "{\"location\": {\"lat\": NaN, \"lng\": Infinity}, \"version\": []}",
                RawHttp.utf8Bytes("{\"名称\": [1,2], \"location\": \"驿\"}")));
        String multipartBoundary = "hostile" + random.nextInt(1000);
        String multipart = pick(List.of(
                "--" + multipartBoundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\n" + pick(JUNK)
                        + "\r\n--" + multipartBoundary + "--\r\n",
                "--" + multipartBoundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.xlsx\"\r\n\r\nPK\u0003\u0004junk\r\n--"
                        + multipartBoundary + "--\r\n",
                "--" + multipartBoundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.geojson\"\r\n\r\n{\"type\":\"FeatureCollection\",\"features\":7}\r\n--"
                        + multipartBoundary + "--\r\n",
                "--" + multipartBoundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                        + multipartBoundary + "--\r\n",
                "--" + multipartBoundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\nunterminated",
                "no boundaries at all",
                "--" + multipartBoundary + "--\r\n",
                "--" + multipartBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + RawHttp.utf8Bytes("驿站")
                        + "\u00ff.exe\"\r\nContent-Type: application/x-msdownload\r\n\r\nMZ\u0000\u0000\r\n--"
                        + multipartBoundary + "--\r\n"));
        boolean wantsMultipart =
                op.bodyTypes().contains("multipart/form-data") ? random.nextInt(4) > 0 : random.nextInt(8) == 0;
        if (wantsMultipart) {
            String type = random.nextInt(5) == 0
                    ? "multipart/form-data"
                    : "multipart/form-data; boundary=" + multipartBoundary;
            return new String[] {type, multipart};
        }
        String type = random.nextInt(5) == 0 ? pick(HEADERS.get("Content-Type")) : "application/json";
        return new String[] {type, json};
    }

    private String baselineOrJunk(Param p) {
        String value = baseline(p);
        return value == null || random.nextInt(3) == 0 ? pick(JUNK) : value;
    }

    private static String baseline(Param p) {
        String value = BASELINE.get(p.name());
        if (value == null && p.required()) return "x";
        return value;
    }

    /** Junk for a write's path parameter that can never name a real station, report or account. */
    private String writeSafeJunk(Param p) {
        return writeSafe(pick(JUNK));
    }

    private static String writeSafe(String value) {
        if (CODE_LIKE.matcher(value).matches()) return "not-" + value;
        try {
            if (Long.parseLong(value.trim()) >= 0) return "-" + value.trim();
        } catch (NumberFormatException notANumber) {
            // fine: not an id either
        }
        return value.isBlank() ? "-1" : value;
    }

    private String wrongType(String type) {
        return switch (type) {
            case "integer" ->
                pick(List.of("1.5", "abc", "99999999999999999999", "-2147483649", "1e3", "0x10", " 7", "七"));
            case "number" -> pick(List.of("abc", "1e400", "--1", "1.2.3", "0x1p3", "١", "1,5", "NaN", "-Infinity"));
            case "boolean" -> pick(List.of("maybe", "2", "yes please", "TRUE ", "", "on"));
            default -> pick(JUNK);
        };
    }

    private static boolean parsesAsUuid(String value) {
        try {
            UUID.fromString(value.trim());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
