package org.yizhan.locator.ogcapi;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.search.Bbox;
import org.yizhan.locator.search.ViewportSearch;
import org.yizhan.locator.web.ApiException;

/**
 * The parameters of {@code /collections/stations/items}, checked: every problem is a 400 that
 * names the parameter, and a parameter the API does not know is refused rather than ignored
 * (OGC API – Features /req/core/query-param-unknown), so a typo never silently widens a query.
 *
 * @param echo the filter parameters as given, to repeat in self/next/prev links
 */
record ItemsRequest(
        ViewportSearch.Query query,
        OgcCrs crs,
        int limit,
        Cursor cursor,
        @Nullable Boolean openNow,
        Map<String, String> echo) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    /** Published stations: a closed station keeps its code but leaves the map (as in the open-data file). */
    static final List<String> PUBLISHED = List.of("active", "suspended");

    static final Set<String> FILTERS = Set.of("amenities", "status", "adcode", "openNow");
    private static final Set<String> KNOWN = Set.of(
            "f",
            "lang",
            "bbox",
            "bbox-crs",
            "crs",
            "limit",
            "cursor",
            "datetime",
            "amenities",
            "status",
            "adcode",
            "openNow");

    /** Where a page starts: after an id (first and next pages) or before one (prev pages). */
    record Cursor(long id, boolean before) {
        static final Cursor START = new Cursor(0, false);

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(((before ? "b:" : "a:") + id).getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor decode(@Nullable String value) {
            if (value == null || value.isBlank()) return START;
            try {
                String s = new String(Base64.getUrlDecoder().decode(value.trim()), StandardCharsets.US_ASCII);
                if (s.startsWith("a:") || s.startsWith("b:"))
                    return new Cursor(Long.parseLong(s.substring(2)), s.startsWith("b:"));
            } catch (IllegalArgumentException e) {
                // fall through
            }
            throw ApiException.invalid("cursor", "ogc.cursor.unknown");
        }
    }

    static ItemsRequest parse(Map<String, String[]> parameters, AmenityVocabulary vocabulary) {
        for (String name : parameters.keySet()) {
            if (!KNOWN.contains(name)) {
                throw ApiException.invalid(
                        name,
                        "ogc.parameter.unknown",
                        name,
                        String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
        Map<String, String> p = new LinkedHashMap<>();
        parameters.forEach((k, v) -> p.put(k, v.length == 0 ? "" : v[0]));

        OgcCrs crs = OgcCrs.parse("crs", p.get("crs"));
        OgcCrs bboxCrs = OgcCrs.parse("bbox-crs", p.get("bbox-crs"));
        List<Bbox> boxes = p.containsKey("bbox") ? boxes(p.get("bbox"), bboxCrs) : List.of();
        checkDatetime(p.get("datetime"));
        List<String> amenities = blank(p.get("amenities"))
                ? List.of()
                : vocabulary.validate(
                        "amenities",
                        Arrays.stream(p.get("amenities").split(","))
                                .map(String::trim)
                                .toList());
        List<String> statuses = statuses(p.get("status"));
        String adcode = adcodePrefix(p.get("adcode"));
        Boolean openNow = bool("openNow", p.get("openNow"));

        Map<String, String> echo = new LinkedHashMap<>();
        for (String name :
                List.of("bbox", "bbox-crs", "crs", "datetime", "amenities", "status", "adcode", "openNow", "lang")) {
            if (!blank(p.get(name))) echo.put(name, p.get(name).trim());
        }
        return new ItemsRequest(
                new ViewportSearch.Query(boxes, statuses, amenities, adcode),
                crs,
                limit(p.get("limit")),
                Cursor.decode(p.get("cursor")),
                openNow,
                echo);
    }

    /**
     * bbox in bbox-crs as WGS-84 boxes: one, or two when it crosses the antimeridian (minLng &gt;
     * maxLng). Values outside the world are clipped to it: such a box simply matches nothing there.
     */
    static List<Bbox> boxes(String value, OgcCrs crs) {
        String[] parts = value.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw ApiException.invalid("bbox", "ogc.bbox.count", parts.length);
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalid("bbox", "ogc.bbox.notNumber", parts[i].trim());
            }
            if (!Double.isFinite(v[i])) throw ApiException.invalid("bbox", "ogc.bbox.notFinite");
        }
        int half = parts.length / 2; // with heights: minX,minY,minZ,maxX,maxY,maxZ
        double[] low = crs.toLonLat(v[0], v[1]);
        double[] high = crs.toLonLat(v[half], v[half + 1]);
        double minLng = low[0], minLat = low[1], maxLng = high[0], maxLat = high[1];
        if (minLat > maxLat) {
            throw ApiException.invalid("bbox", "ogc.bbox.order");
        }
        minLat = clamp(minLat, -90, 90);
        maxLat = clamp(maxLat, -90, 90);
        if (minLng > maxLng) { // across the antimeridian
            return List.of(
                    new Bbox(clamp(minLng, -180, 180), minLat, 180, maxLat),
                    new Bbox(-180, minLat, clamp(maxLng, -180, 180), maxLat));
        }
        return List.of(new Bbox(clamp(minLng, -180, 180), minLat, clamp(maxLng, -180, 180), maxLat));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /** A limit above the maximum is served as the maximum, as OGC API – Features asks; below 1 is an error. */
    static int limit(@Nullable String value) {
        if (blank(value)) return DEFAULT_LIMIT;
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            try {
                // A whole number too large for an int is still "more than the maximum"; a huge negative one is not.
                if (new java.math.BigInteger(value.trim()).signum() > 0) return MAX_LIMIT;
                throw ApiException.invalid("limit", "ogc.limit.min", value.trim());
            } catch (NumberFormatException notANumber) {
                throw ApiException.invalid("limit", "ogc.limit.number", MAX_LIMIT, value.trim());
            }
        }
        if (limit < 1) throw ApiException.invalid("limit", "ogc.limit.min", limit);
        return Math.min(limit, MAX_LIMIT);
    }

    /**
     * Stations carry no time of validity, so datetime cannot narrow the result; it is still
     * checked, so a malformed value is a 400 rather than silently ignored.
     */
    static void checkDatetime(@Nullable String value) {
        if (value == null) return;
        String[] ends = value.trim().split("/", -1);
        if (ends.length > 2 || value.isBlank()) {
            throw ApiException.invalid("datetime", "ogc.datetime.shape");
        }
        for (String end : ends) {
            String e = end.trim();
            if (e.isEmpty() || e.equals("..")) continue;
            if (parses(e)) continue;
            throw ApiException.invalid("datetime", "ogc.datetime.value", e);
        }
    }

    private static boolean parses(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            Period.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static List<String> statuses(@Nullable String value) {
        if (blank(value)) return PUBLISHED;
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            String status = s.trim().toLowerCase(java.util.Locale.ROOT);
            if (!PUBLISHED.contains(status)) {
                throw ApiException.invalid("status", "ogc.status", s.trim());
            }
            if (!out.contains(status)) out.add(status);
        }
        return out;
    }

    /** 150302 (county), 1503 or 150300 (city), 15 or 150000 (province): the prefix every station code inside shares. */
    static @Nullable String adcodePrefix(@Nullable String value) {
        if (blank(value)) return null;
        String v = value.trim();
        if (!v.matches("[0-9]{2}|[0-9]{4}|[0-9]{6}")) {
            throw ApiException.invalid("adcode", "ogc.adcode");
        }
        while (v.length() > 2 && v.endsWith("00")) v = v.substring(0, v.length() - 2);
        return v;
    }

    private static @Nullable Boolean bool(String field, @Nullable String value) {
        if (blank(value)) return null;
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalid(field, "boolean.invalid", field);
        };
    }

    @org.springframework.lang.Contract("null -> true")
    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
