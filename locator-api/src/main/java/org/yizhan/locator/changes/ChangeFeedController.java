package org.yizhan.locator.changes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;
import org.yizhan.locator.web.HttpCaching;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
class ChangeFeedController {

    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 5000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final HttpCaching caching;

    ChangeFeedController(JdbcClient jdbc, JsonMapper json, HttpCaching caching) {
        this.jdbc = jdbc;
        this.json = json;
        this.caching = caching;
    }

    @Schema(name = "ChangedStation", description = "A station's public fields after the change")
    record ChangedStation(
            String code,
            String name,
            @Nullable String nameEn,
            String address,
            Location location,
            @Schema(example = "wgs84") String crs,
            String adcode,
            String hostType,
            String hostOrganisation,
            String contactPhone,
            String openingHours,
            List<String> amenities,

            @Schema(allowableValues = {"active", "suspended", "closed"})
            String status,

            @Nullable String statusReason,
            @Nullable Double floorArea,
            Instant updatedAt,
            long version) {}

    record Location(double lat, double lng) {}

    @Schema(name = "Change")
    record Change(
            @Schema(description = "Position in the feed; resume after it with since")
            long position,

            @Schema(
                    allowableValues = {"create", "update", "move", "status", "close", "delete", "reset"},
                    description = "reset: the register was emptied (bulk reload); drop the mirror")
            String kind,

            @Schema(example = "150302-00017-4") String code,
            Instant changedAt,

            @Schema(description = "Public fields after the change; absent for delete and reset") @Nullable
            ChangedStation station) {}

    @Schema(name = "ChangePage")
    record ChangePage(
            List<Change> changes,

            @Schema(description = "Cursor to pass as since for the next call (unchanged when nothing is new)")
            String next,

            @Schema(description = "True when more changes are waiting: call again at once")
            boolean more) {}

    @Operation(
            summary = "The change feed: every change to public station fields, in commit order",
            description = "Replay it to keep a mirror: apply each change in order, replacing the station by code "
                    + "(delete removes it; reset empties the mirror). Start with since=0, then pass back next. Positions "
                    + "are gapless and in commit order, so a change committed later never appears before one already "
                    + "handed out. A full page never changes and is cached for a day; a short page for 5 seconds.")
    @GetMapping("/api/v1/changes")
    @Nullable
    ChangePage changes(
            @RequestParam(defaultValue = "0")
                    @Parameter(description = "Cursor: 0 for the beginning, else a previous answer's next")
                    String since,
            @RequestParam(required = false) @Parameter(description = "1-5000, default 500") @Nullable Integer limit,
            @RequestParam(required = false) @Parameter(description = "wgs84 (default), gcj02 or bd09") @Nullable
                    String crs,
            ServletWebRequest request) {
        long after = cursor(since);
        int max = GeoParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        CoordinateSystem system = GeoParams.crs(crs);
        List<Change> changes = jdbc.sql("""
                SELECT position, kind, code, changed_at, station::text FROM station_change
                 WHERE position > :after ORDER BY position LIMIT :limit""")
                .param("after", after)
                .param("limit", max + 1)
                .query((rs, n) -> new Change(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        station(rs.getString(5), system)))
                .list();
        boolean more = changes.size() > max;
        List<Change> page = more ? changes.subList(0, max) : changes;
        long last = page.isEmpty() ? after : page.get(page.size() - 1).position();
        ChangePage body = new ChangePage(page, Long.toString(last), more);
        String etag = "W/\"changes-" + after + "-" + last + "-" + max + "-" + system.id() + "\"";
        return caching.notModified(request, etag, null, more ? Duration.ofDays(1) : Duration.ofSeconds(5))
                ? null
                : body;
    }

    private static long cursor(String since) {
        try {
            long value = Long.parseLong(since.trim());
            if (value >= 0) return value;
        } catch (NumberFormatException e) {
            // fall through to the problem below
        }
        throw ApiException.invalid("since", "changes.since");
    }

    private @Nullable ChangedStation station(@Nullable String stored, CoordinateSystem crs) {
        if (stored == null) return null;
        JsonNode s = json.readTree(stored);
        LatLng shown =
                crs.fromWgs84(new LatLng(s.get("lat").asDouble(), s.get("lng").asDouble()));
        List<String> amenities = new java.util.ArrayList<>();
        for (JsonNode amenity : s.get("amenities")) amenities.add(amenity.asString());
        return new ChangedStation(
                s.get("code").asString(),
                s.get("name").asString(),
                text(s, "nameEn"),
                s.get("address").asString(),
                new Location(round7(shown.lat()), round7(shown.lng())),
                crs.id(),
                s.get("adcode").asString(),
                s.get("hostType").asString(),
                s.get("hostOrganisation").asString(),
                s.get("contactPhone").asString(),
                s.get("openingHours").asString(),
                amenities,
                s.get("status").asString(),
                text(s, "statusReason"),
                s.hasNonNull("floorArea") ? s.get("floorArea").asDouble() : null,
                java.time.OffsetDateTime.parse(s.get("updatedAt").asString()).toInstant(),
                s.get("version").asLong());
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    /** The same 7 decimals (~1 cm) as every other answer. */
    private static double round7(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
