package org.yizhan.locator.amenity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yizhan.geo.exchange.AmenityLabels;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.Language;

/**
 * The amenity vocabulary, read once at start-up: it changes only by migration, and a
 * migration means a redeploy. The source of the keys, their order and their Chinese labels is
 * geo-data ({@link StationRecord#AMENITIES}, {@link AmenityLabels}), which files and plaques use
 * without a database; the {@code amenity} table adds English labels and icons and must agree with
 * it, which is checked here, so a migration out of step stops the service at start-up.
 */
@Component
public class AmenityVocabulary {

    private final Map<String, Amenity> byKey;
    private final List<Amenity> ordered;

    AmenityVocabulary(JdbcClient jdbc) {
        Map<String, Amenity> map = new LinkedHashMap<>();
        jdbc.sql("SELECT key, label_zh, label_en, icon, sort_order FROM amenity ORDER BY sort_order, key")
                .query((rs, n) ->
                        new Amenity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list()
                .forEach(a -> map.put(a.key(), a));
        requireAgreement(map);
        this.byKey = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
        // Only a migration changes the vocabulary, so the last migration is when it last changed.
        this.lastChanged = jdbc.sql("SELECT max(installed_on) FROM flyway_schema_history WHERE success")
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant)
                .orElse(java.time.Instant.EPOCH);
    }

    private final java.time.Instant lastChanged;

    static void requireAgreement(Map<String, Amenity> table) {
        List<String> keys = List.copyOf(table.keySet());
        if (!keys.equals(StationRecord.AMENITIES)) {
            throw new IllegalStateException(
                    "The amenity table's keys " + keys + " differ from geo-data's StationRecord.AMENITIES "
                            + StationRecord.AMENITIES + "; add the key to both, in the same order.");
        }
        for (Amenity a : table.values()) {
            if (!a.labelZh().equals(AmenityLabels.label(a.key()))) {
                throw new IllegalStateException("The amenity table labels " + a.key() + " '" + a.labelZh()
                        + "' but geo-data's AmenityLabels says '" + AmenityLabels.label(a.key()) + "'.");
            }
        }
    }

    /** When the vocabulary last changed (the newest applied migration), for Last-Modified. */
    public java.time.Instant lastChanged() {
        return lastChanged;
    }

    public List<Amenity> all() {
        return ordered;
    }

    public String label(String key, Language language) {
        Amenity amenity = byKey.get(key);
        return amenity == null ? key : amenity.label(language);
    }

    /**
     * Normalises client-supplied keys (trimmed, lower case, no duplicates, vocabulary order) and
     * rejects unknown ones with the list of valid keys.
     */
    public List<String> validate(String field, Collection<String> keys) {
        List<String> unknown = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (String raw : keys) {
            String key = raw.trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) continue;
            if (byKey.containsKey(key)) wanted.add(key);
            else unknown.add(raw.trim());
        }
        if (!unknown.isEmpty()) {
            List<String> valid = ordered.stream().map(Amenity::key).toList();
            throw ApiException.of(
                            HttpStatus.BAD_REQUEST,
                            "amenity.unknown",
                            String.join(
                                    ", ",
                                    unknown.stream().map(u -> "'" + u + "'").toList()),
                            String.join(", ", valid))
                    .with("field", field)
                    .with("validValues", valid);
        }
        return ordered.stream().map(Amenity::key).filter(wanted::contains).toList();
    }
}
