package org.yizhan.locator.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.station.StationCodes;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;

/** The union side of reports: the inbox of an account's regions, acknowledge, resolve, verify. */
@RestController
@SecurityRequirement(name = "basic")
class InboxController {

    private final JdbcClient jdbc;
    private final FeedbackService service;
    private final java.time.Clock clock;
    private final int cap;

    InboxController(JdbcClient jdbc, FeedbackService service, java.time.Clock clock, FeedbackProperties properties) {
        this.jdbc = jdbc;
        this.service = service;
        this.clock = clock;
        this.cap = properties.perNetworkStationDay();
    }

    @Schema(name = "InboxReport")
    record Item(
            long id,
            String code,
            String stationName,
            String adcode,
            String reason,
            @Nullable String amenity,
            @Nullable Location suggestedLocation,
            @Nullable String text,
            String status,
            Instant createdAt,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedBy,
            @Nullable Instant resolvedAt,
            @Nullable String resolvedBy,
            @Nullable String resolutionNote,

            @Schema(description = "Unresolved reports of this station")
            long stationUnresolved,

            @Schema(
                    description = "This report's network sent the most reports allowed about this station that day: "
                            + "look twice, it may be one person")
            boolean burst,

            @Schema(
                    description = "In the last 7 days some network sent the most ratings or reports allowed about this "
                            + "station in one day")
            boolean stationBurst) {}

    record Location(double lat, double lng) {}

    record Inbox(List<Item> reports, String sort, List<String> status) {}

    @Operation(
            summary = "Reports for stations in the account's regions",
            description = "status = comma-separated open, acknowledged, resolved (default open,acknowledged). "
                    + "sort=newest (default): newest first, ties by the station's unresolved reports; "
                    + "sort=most_reported: stations with most unresolved reports first, then newest.")
    @GetMapping("/api/v1/feedback/inbox")
    Inbox inbox(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(required = false) @Nullable Integer limit,
            @AuthenticationPrincipal SignedInUser user) {
        List<String> statuses = statuses(status);
        String order = switch (sort.trim()) {
            case "newest" -> "r.created_at DESC, station_unresolved DESC, r.id DESC";
            case "most_reported" -> "station_unresolved DESC, r.created_at DESC, r.id DESC";
            default -> throw ApiException.invalid("sort", "inbox.sort");
        };
        Scope scope = Scope.of(user.actor(), region);
        List<Item> items = jdbc.sql("""
                SELECT r.*, s.code, s.name, s.adcode,
                       ST_Y(r.suggested_location::geometry) AS s_lat, ST_X(r.suggested_location::geometry) AS s_lng,
                       (SELECT count(*) FROM station_report u WHERE u.station_id = r.station_id AND u.status <> 'resolved') AS station_unresolved,
                       (SELECT count(*) FROM station_report b WHERE b.station_id = r.station_id AND b.day = r.day
                           AND b.network_hash = r.network_hash) >= :cap AS burst,
                       EXISTS (SELECT 1 FROM (SELECT 'report' AS kind, station_id, day, network_hash, created_at FROM station_report
                                              UNION ALL SELECT 'rating', station_id, day, network_hash, created_at FROM station_rating) b
                                WHERE b.station_id = r.station_id AND b.network_hash IS NOT NULL AND b.created_at > :week
                                GROUP BY b.kind, b.day, b.network_hash HAVING count(*) >= :cap) AS station_burst
                  FROM station_report r JOIN station s ON s.id = r.station_id
                 WHERE s.adcode LIKE ANY (:patterns) AND r.status = ANY (:statuses)""" + " ORDER BY " + order + " LIMIT :limit")
                .param("patterns", scope.array())
                .param("statuses", statuses.toArray(String[]::new))
                .param("cap", cap)
                .param("week", java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(7))))
                .param("limit", GeoParams.limit(limit, 100, 500))
                .query((rs, n) -> {
                    double lat = rs.getDouble("s_lat");
                    Location suggested = rs.wasNull() ? null : new Location(lat, rs.getDouble("s_lng"));
                    return new Item(
                            rs.getLong("id"),
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.getString("adcode"),
                            rs.getString("reason"),
                            rs.getString("amenity"),
                            suggested,
                            rs.getString("text"),
                            rs.getString("status"),
                            rs.getTimestamp("created_at").toInstant(),
                            instant(rs.getTimestamp("acknowledged_at")),
                            rs.getString("acknowledged_by"),
                            instant(rs.getTimestamp("resolved_at")),
                            rs.getString("resolved_by"),
                            rs.getString("resolution_note"),
                            rs.getLong("station_unresolved"),
                            rs.getBoolean("burst"),
                            rs.getBoolean("station_burst"));
                })
                .list();
        // The SQL scope and the read rule must agree; never show what the account may not read.
        List<Item> visible =
                items.stream().filter(i -> user.actor().mayRead(i.adcode())).toList();
        return new Inbox(visible, sort.trim(), statuses);
    }

    @Operation(summary = "Acknowledge a report: the union has seen it")
    @PostMapping("/api/v1/feedback/reports/{id}/acknowledge")
    Map<String, Object> acknowledge(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        service.acknowledge(id, user.actor());
        return Map.of("id", id, "status", "acknowledged");
    }

    record ResolveForm(
            @Schema(description = "What was done, e.g. 'door opened; hours fixed'; at most 200 characters") @Nullable
            String note) {}

    @Operation(
            summary = "Resolve a report with a note",
            description = "Also marks the station verified now (public: \"verified on DATE\").")
    @PostMapping("/api/v1/feedback/reports/{id}/resolve")
    Map<String, Object> resolve(
            @PathVariable long id, @RequestBody ResolveForm form, @AuthenticationPrincipal SignedInUser user) {
        String note = form.note() == null ? "" : form.note().strip();
        if (note.isEmpty()) throw ApiException.invalid("note", "inbox.note.missing");
        if (note.length() > 200) throw ApiException.invalid("note", "text.tooLong", "note", 200);
        Instant at = service.resolve(id, note, user.actor());
        return Map.of("id", id, "status", "resolved", "resolvedAt", at.toString());
    }

    @Operation(
            summary = "Reopen a resolved report (editor in its region)",
            description = "The report goes back to acknowledged and loses its resolution; 409 when it is not resolved.")
    @PostMapping("/api/v1/feedback/reports/{id}/reopen")
    Map<String, Object> reopen(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        service.reopen(id, user.actor());
        return Map.of("id", id, "status", "acknowledged");
    }

    record BulkForm(
            @Schema(description = "Report ids, at most 500") @Nullable
            List<Long> ids,

            @Schema(description = "acknowledge, resolve or reopen") @Nullable
            String action,

            @Schema(description = "For resolve: what was done") @Nullable
            String note) {}

    record BulkResult(List<FeedbackService.BulkOutcome> reports, int changed) {}

    @Operation(
            summary = "Acknowledge, resolve or reopen many reports at once (a group of identical reports)",
            description =
                    "All or nothing: an id that does not exist or lies outside your regions refuses the whole request (404). "
                            + "Reports already in the target state are reported as unchanged.")
    @PostMapping("/api/v1/feedback/reports/bulk")
    BulkResult bulk(@RequestBody BulkForm form, @AuthenticationPrincipal SignedInUser user) {
        List<Long> ids = form.ids() == null ? List.of() : form.ids();
        if (ids.isEmpty() || ids.size() > 500) throw ApiException.invalid("ids", "inbox.ids.count");
        if (ids.stream().anyMatch(java.util.Objects::isNull)) throw ApiException.invalid("ids", "inbox.ids.numbers");
        String action = form.action() == null ? "" : form.action().strip();
        if (!List.of("acknowledge", "resolve", "reopen").contains(action)) {
            throw ApiException.invalid("action", "report.action");
        }
        String note = form.note() == null ? "" : form.note().strip();
        if (action.equals("resolve") && note.isEmpty()) throw ApiException.invalid("note", "inbox.note.missing");
        if (note.length() > 200) throw ApiException.invalid("note", "text.tooLong", "note", 200);
        List<FeedbackService.BulkOutcome> outcomes = service.bulk(ids, action, note, user.actor());
        return new BulkResult(outcomes, (int)
                outcomes.stream().filter(FeedbackService.BulkOutcome::changed).count());
    }

    @Operation(
            summary = "Confirm a station is as listed (editor in its region)",
            description = "Sets lastVerifiedAt to now and clears staleness.")
    @PostMapping("/api/v1/stations/{code}/verify")
    Map<String, Object> verify(@PathVariable String code, @AuthenticationPrincipal SignedInUser user) {
        StationRow station = service.station(StationCodes.parse(code));
        Instant at = service.verify(station, user.actor());
        return Map.of("code", station.code(), "lastVerifiedAt", at.toString());
    }

    static List<String> statuses(@Nullable String value) {
        if (value == null || value.isBlank()) return List.of("open", "acknowledged");
        List<String> out = new ArrayList<>();
        // -1 keeps empty pieces: "status=," names no status, and is refused rather than listed as none.
        for (String s : value.split(",", -1)) {
            String t = s.trim();
            if (t.isEmpty()) throw ApiException.invalid("status", "inbox.status.empty");
            if (!Vocabulary.STATUSES.contains(t)) {
                throw ApiException.invalid("status", "inbox.status", t);
            }
            out.add(t);
        }
        return out;
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
