package org.yizhan.locator.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.yizhan.geo.exchange.SpreadsheetWriter;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.config.YizhanProperties;
import org.yizhan.locator.web.ApiException;

/** The satisfaction dashboard and the feedback export of an account's regions. */
@RestController
@SecurityRequirement(name = "basic")
class DashboardController {

    static final List<String> COLUMNS = List.of(
            "type",
            "station_code",
            "station_name",
            "adcode",
            "created_at",
            "stars",
            "tags",
            "comment",
            "reason",
            "amenity",
            "text",
            "status",
            "resolved_at",
            "resolution_note");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Dashboard dashboard;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    DashboardController(Dashboard dashboard, JdbcClient jdbc, Clock clock, YizhanProperties properties) {
        this.dashboard = dashboard;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    @Operation(
            summary = "Satisfaction dashboard per district and per station",
            description =
                    "region = division-code prefix inside the account's regions (default: all of them); weeks = 1..52 (default 12). "
                            + "Check-ins by weekday are Monday first; hours and weeks are Asia/Shanghai.")
    @GetMapping("/api/v1/feedback/dashboard")
    Dashboard.Result dashboard(
            @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "12") int weeks,
            @AuthenticationPrincipal SignedInUser user) {
        if (weeks < 1 || weeks > 52) throw ApiException.invalid("weeks", "number.fromTo", "weeks", 1, 52);
        return dashboard.build(Scope.of(user.actor(), region), region.trim(), weeks);
    }

    @Operation(
            summary = "Export ratings and reports (csv or xlsx)",
            description =
                    "days = 1..366 (default 90). Text cells starting with = + - @, tab or CR are neutralised against formula injection.")
    @GetMapping("/api/v1/feedback/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "90") int days,
            @AuthenticationPrincipal SignedInUser user) {
        String chosen = format.trim().toLowerCase(java.util.Locale.ROOT);
        if (!chosen.equals("csv") && !chosen.equals("xlsx"))
            throw ApiException.invalid("format", "export.format.table");
        if (days < 1 || days > 366) throw ApiException.invalid("days", "number.fromTo", "days", 1, 366);
        List<List<String>> rows =
                rows(Scope.of(user.actor(), region), clock.instant().minus(Duration.ofDays(days)));
        String name = "yizhan-feedback" + (region.isBlank() ? "" : "-" + region.trim()) + "." + chosen;
        StreamingResponseBody body = out -> write(
                chosen.equals("csv")
                        ? SpreadsheetWriter.csv(out, COLUMNS)
                        : SpreadsheetWriter.xlsx(out, "feedback", COLUMNS),
                rows);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(
                        chosen.equals("csv")
                                ? "text/csv;charset=UTF-8"
                                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    private List<List<String>> rows(Scope scope, Instant since) {
        List<List<String>> rows = new ArrayList<>();
        jdbc.sql("""
                SELECT 'rating' AS type, s.code, s.name, s.adcode, x.created_at, x.stars::text AS stars, array_to_string(x.tags, ',') AS tags,
                       x.comment, NULL AS reason, NULL AS amenity, NULL AS text, NULL AS status, NULL::timestamptz AS resolved_at, NULL AS note
                  FROM station_rating x JOIN station s ON s.id = x.station_id
                 WHERE s.adcode LIKE ANY (:p) AND x.created_at >= :since
                UNION ALL
                SELECT 'report', s.code, s.name, s.adcode, x.created_at, NULL, NULL, NULL, x.reason, x.amenity, x.text, x.status,
                       x.resolved_at, x.resolution_note
                  FROM station_report x JOIN station s ON s.id = x.station_id
                 WHERE s.adcode LIKE ANY (:p) AND x.created_at >= :since
                 ORDER BY 5 DESC LIMIT 200000""")
                .param("p", scope.array())
                .param("since", java.sql.Timestamp.from(since))
                .query((rs, n) -> {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= COLUMNS.size(); i++) {
                        Object value = rs.getObject(i);
                        row.add(
                                value instanceof java.sql.Timestamp ts
                                        ? LOCAL.format(ts.toInstant().atZone(zone))
                                        : value == null ? "" : value.toString());
                    }
                    return rows.add(row);
                })
                .list();
        return rows;
    }

    private static void write(SpreadsheetWriter writer, List<List<String>> rows) throws IOException {
        try (writer) {
            for (List<String> row : rows) writer.row(row);
        }
    }
}
