package org.yizhan.locator.station;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change history of stations: who changed what, when, with each changed field's value
 * before and after. Written in the same transaction as the change itself.
 */
@Component
class StationHistory {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    StationHistory(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    record Change(@Nullable Object before, @Nullable Object after) {}

    record Entry(
            Instant changedAt,
            String changedBy,
            String action,
            Map<String, Change> changes,
            @Nullable String reason) {}

    void record(
            long stationId,
            String username,
            String action,
            Map<String, @Nullable Object> before,
            Map<String, @Nullable Object> after,
            @Nullable String reason) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable Object> field : after.entrySet()) {
            Object old = before.get(field.getKey());
            if (!Objects.equals(old, field.getValue())) changes.put(field.getKey(), new Change(old, field.getValue()));
        }
        if (changes.isEmpty() && reason == null) return;
        jdbc.sql("""
                INSERT INTO station_history (station_id, changed_at, changed_by, action, changes, reason)
                VALUES (:station, :at, :by, :action, CAST(:changes AS jsonb), :reason)""")
                .param("station", stationId)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("by", username)
                .param("action", action)
                .param("changes", json.writeValueAsString(changes))
                .param("reason", reason)
                .update();
    }

    List<Entry> of(String code) {
        return jdbc.sql("""
                SELECT h.changed_at, h.changed_by, h.action, h.changes::text, h.reason
                  FROM station_history h JOIN station s ON s.id = h.station_id
                 WHERE s.code = :code ORDER BY h.changed_at DESC, h.id DESC""")
                .param("code", code)
                .query((rs, n) -> new Entry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        readChanges(rs.getString(4)),
                        rs.getString(5)))
                .list();
    }

    private Map<String, Change> readChanges(String text) {
        Map<String, Change> out = new LinkedHashMap<>();
        json.readTree(text)
                .properties()
                .forEach(e -> out.put(
                        e.getKey(),
                        new Change(
                                json.treeToValue(e.getValue().get("before"), Object.class),
                                json.treeToValue(e.getValue().get("after"), Object.class))));
        return out;
    }
}
