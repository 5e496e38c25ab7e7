package org.yizhan.locator.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.division.Divisions;
import org.yizhan.locator.account.Actor;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.station.Freshness;
import org.yizhan.locator.station.StationStatus;
import org.yizhan.locator.web.ApiException;

/**
 * Which stations of the register a staff search or export means, as one SQL condition over the
 * table aliased {@code s}. Always narrowed to the stations whose non-public data the account may
 * read ({@link Actor#readPatterns}); a district outside them is a 403.
 *
 * <p>Each word of {@code q} must match one of: the code, typed with or without hyphens, in
 * half- or full-width digits ({@link StationCode#compact}, by prefix); the name, English name or
 * address (substring, case-insensitive, served by trigram indexes); the name of the station's
 * district, city or province ("海勃湾", "乌海").
 *
 * @param q free text; blank for none
 * @param district a division-code prefix (15, 1503, 150302); blank for all the account may read
 * @param statuses station statuses to include; empty for all
 * @param amenities amenity keys the station must all have
 * @param needsChecking true: only stations whose listing needs checking ({@link Freshness}: not
 *     confirmed for 180 days, or reported closed by three networks); false: only the others; null: both
 */
public record RegisterFilter(
        String q,
        String district,
        List<String> statuses,
        List<String> amenities,
        @Nullable Boolean needsChecking) {

    private static final int MAX_WORDS = 5;

    /** A WHERE condition and its named parameters. */
    public record Sql(String where, Map<String, Object> params) {}

    /** The filter from request parameters, checked: search and register export parse them alike. */
    public static RegisterFilter of(
            String q,
            String district,
            @Nullable String status,
            @Nullable String amenities,
            @Nullable Boolean needsChecking,
            AmenityVocabulary vocabulary) {
        if (q.length() > 100) throw ApiException.invalid("q", "register.q.tooLong");
        // PostgreSQL text cannot hold NUL: such a query is bad input (400), not the database's failure (500).
        if (q.indexOf(0) >= 0) throw ApiException.invalid("q", "register.q.control");
        if (!district.trim().matches("[0-9]{0,6}")) {
            throw ApiException.invalid("district", "register.district");
        }
        List<String> statuses = status == null || status.isBlank()
                ? List.of()
                : Arrays.stream(status.split(","))
                        .filter(s -> !s.isBlank())
                        .map(s -> StationStatus.parse(s)
                                .orElseThrow(() -> ApiException.invalid("status", "station.status.unknown", s.trim()))
                                .value())
                        .toList();
        List<String> keys =
                amenities == null ? List.of() : vocabulary.validate("amenities", Arrays.asList(amenities.split(",")));
        return new RegisterFilter(q, district.trim(), statuses, keys, needsChecking);
    }

    public Sql toSql(Actor actor, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        params.put("patterns", actor.readPatterns(district).toArray(String[]::new));
        conditions.add("s.adcode LIKE ANY (:patterns)");
        if (!statuses.isEmpty()) {
            params.put("statuses", statuses.toArray(String[]::new));
            conditions.add("s.status = ANY (:statuses)");
        }
        if (!amenities.isEmpty()) {
            params.put("amenities", amenities.toArray(String[]::new));
            conditions.add("s.amenities @> CAST(:amenities AS varchar(40)[])");
        }
        if (needsChecking != null) {
            params.put("unverifiedBefore", java.sql.Timestamp.from(now.minus(Freshness.UNVERIFIED_AFTER)));
            params.put("alarmSince", java.sql.Timestamp.from(now.minus(Freshness.CLOSED_REPORT_WINDOW)));
            // coalesce: a NULL alarm must make "NOT stale" true, not NULL (three-valued logic).
            String stale =
                    "(coalesce(s.last_verified_at, s.created_at) < :unverifiedBefore OR coalesce(s.closed_alarm_at > :alarmSince, false))";
            conditions.add(needsChecking ? stale : "NOT " + stale);
        }
        List<String> words = words(q);
        for (int i = 0; i < words.size(); i++) conditions.add(wordCondition(words.get(i), "w" + i, params));
        return new Sql(String.join(" AND ", conditions), params);
    }

    static List<String> words(String q) {
        List<String> words = new ArrayList<>();
        for (String w : java.text.Normalizer.normalize(q, java.text.Normalizer.Form.NFKC)
                .strip()
                .split("\\s+")) {
            if (!w.isEmpty()) words.add(w);
        }
        // "150302 00017 4" is one code typed with spaces, not three words.
        String compactAll = StationCode.compact(q);
        if (compactAll != null && words.size() > 1) return List.of(q.strip());
        if (words.size() > MAX_WORDS) {
            throw ApiException.invalid("q", "register.q.words", MAX_WORDS);
        }
        return words;
    }

    private static String wordCondition(String word, String name, Map<String, Object> params) {
        List<String> any = new ArrayList<>();
        params.put(name, "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        any.add("s.name ILIKE :" + name);
        any.add("s.address ILIKE :" + name);
        any.add("s.name_en ILIKE :" + name);
        String compact = StationCode.compact(word);
        if (compact != null) {
            params.put(name + "code", compact.replace("%", "") + "%");
            any.add("replace(s.code, '-', '') LIKE :" + name + "code");
        }
        Set<String> districtPrefixes = new LinkedHashSet<>();
        Divisions.standard().named(word).forEach(d -> districtPrefixes.add(Divisions.prefixOf(d) + "%"));
        if (!districtPrefixes.isEmpty()) {
            params.put(name + "districts", districtPrefixes.toArray(String[]::new));
            any.add("s.adcode LIKE ANY (:" + name + "districts)");
        }
        return "(" + String.join(" OR ", any) + ")";
    }
}
