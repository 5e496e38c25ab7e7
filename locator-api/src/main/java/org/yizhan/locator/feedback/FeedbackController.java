package org.yizhan.locator.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.station.Freshness;
import org.yizhan.locator.station.StationCodes;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;

/** What workers send without an account, and the public summary of it. */
@RestController
class FeedbackController {

    /** A suggested pin further than this from the listed position is a different place, not a correction. */
    static final double MAX_SUGGESTION_METRES = 5_000;

    private final FeedbackService service;
    private final FeedbackGate gate;
    private final AmenityVocabulary amenities;
    private final JdbcClient jdbc;
    private final Clock clock;

    FeedbackController(
            FeedbackService service, FeedbackGate gate, AmenityVocabulary amenities, JdbcClient jdbc, Clock clock) {
        this.service = service;
        this.gate = gate;
        this.amenities = amenities;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Schema(name = "RatingForm")
    record RatingForm(
            @Schema(minimum = "1", maximum = "5") @Nullable Integer stars,

            @Schema(
                    description =
                            "Keys: clean, warm_enough, cool_enough, friendly_staff, water_available, could_charge, "
                                    + "could_heat_food, quiet, open_as_listed, easy_to_find")
            @Nullable
            List<String> tags,

            @Schema(description = "At most 200 characters; no links") @Nullable
            String comment) {}

    @Schema(name = "ReportForm")
    record ReportForm(
            @Schema(allowableValues = {"closed_when_open", "cannot_find", "wrong_location", "amenity_missing", "other"})
            @Nullable
            String reason,

            @Schema(description = "For amenity_missing: the amenity key") @Nullable
            String amenity,

            @Schema(description = "For wrong_location: where the station really is") @Nullable
            Location location,

            @Schema(description = "Coordinate system of location: wgs84 (default), gcj02 or bd09") @Nullable
            String crs,

            @Schema(description = "Required for other; at most 200 characters") @Nullable
            String text) {}

    record Location(@Nullable Double lat, @Nullable Double lng) {}

    record Created(long id, String message) {}

    @Operation(
            summary = "Rate a station (no login)",
            description =
                    "One rating per device, station and day (Asia/Shanghai); "
                            + "a second gets 409. Send a random UUID kept on the device as X-Device-Id and a token from GET /api/v1/feedback-token "
                            + "as X-Feedback-Token. At most 3 ratings per network (IPv4 /24, IPv6 /64), station and day; the first counts.")
    @PostMapping("/api/v1/stations/{code}/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    Created rate(
            @PathVariable String code,
            @RequestBody RatingForm form,
            @RequestHeader(value = DeviceIds.HEADER, required = false) @Parameter(description = "random UUID") @Nullable
                    String deviceId,
            @RequestHeader(value = FeedbackTokens.HEADER, required = false)
                    @Parameter(description = "from GET /api/v1/feedback-token")
                    @Nullable
                    String token,
            HttpServletRequest request) {
        FeedbackGate.Sender sender = gate.admit(deviceId, token, request);
        StationRow station = service.station(StationCodes.parse(code));
        if (form.stars() == null || form.stars() < 1 || form.stars() > 5) {
            throw ApiException.invalid("stars", "feedback.stars");
        }
        List<String> tags = form.tags() == null ? List.of() : form.tags();
        if (tags.size() > Vocabulary.TAGS.size()) throw ApiException.invalid("tags", "feedback.tags.tooMany");
        for (String tag : tags) {
            if (!Vocabulary.TAGS.contains(tag)) {
                throw ApiException.invalid("tags", "feedback.tag.unknown", tag, String.join(", ", Vocabulary.TAGS))
                        .with("allowed", Vocabulary.TAGS);
            }
        }
        long id = service.rate(
                station,
                sender,
                new FeedbackService.Rating(form.stars(), tags, TextFilter.clean("comment", form.comment())));
        return new Created(id, "Thank you for rating this station.");
    }

    @Operation(
            summary = "Report a problem with a station (no login)",
            description = "One report per reason, device, station and day; "
                    + "at most 3 reports per network, station and day. Headers as for ratings.")
    @PostMapping("/api/v1/stations/{code}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    Created report(
            @PathVariable String code,
            @RequestBody ReportForm form,
            @RequestHeader(value = DeviceIds.HEADER, required = false) @Nullable String deviceId,
            @RequestHeader(value = FeedbackTokens.HEADER, required = false) @Nullable String token,
            HttpServletRequest request) {
        FeedbackGate.Sender sender = gate.admit(deviceId, token, request);
        StationRow station = service.station(StationCodes.parse(code));
        String reason = form.reason() == null ? "" : form.reason().trim();
        if (!Vocabulary.REASONS.contains(reason)) {
            throw ApiException.invalid("reason", "feedback.reason", String.join(", ", Vocabulary.REASONS))
                    .with("allowed", Vocabulary.REASONS);
        }
        String amenity = null;
        LatLng suggested = null;
        if (Vocabulary.AMENITY_MISSING.equals(reason)) {
            if (form.amenity() == null || form.amenity().isBlank()) {
                throw ApiException.invalid("amenity", "feedback.amenity");
            }
            amenity = amenities
                    .validate("amenity", List.of(form.amenity().trim()))
                    .get(0);
        }
        if (Vocabulary.WRONG_LOCATION.equals(reason)) {
            if (form.location() == null) {
                throw ApiException.invalid("location", "feedback.location.missing");
            }
            suggested = GeoParams.crs(form.crs())
                    .toWgs84(GeoParams.point(
                            form.location().lat(), form.location().lng()));
            double metres = Geodesy.distanceMeters(new LatLng(station.lat(), station.lng()), suggested);
            if (metres > MAX_SUGGESTION_METRES) {
                throw ApiException.invalid("location", "feedback.location.far", Math.round(metres / 100) / 10.0);
            }
        }
        String text = TextFilter.clean("text", form.text());
        if (Vocabulary.OTHER.equals(reason) && text == null) {
            throw ApiException.invalid("text", "feedback.text.missing");
        }
        long id = service.report(station, sender, new FeedbackService.Report(reason, amenity, suggested, text));
        return new Created(id, "Thank you. The union responsible for this station will look into it.");
    }

    @Operation(
            summary = "\"I used it\": count a visit (no login)",
            description = "Stores only the station and the time. Headers as for ratings.")
    @PostMapping("/api/v1/stations/{code}/checkins")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> checkin(
            @PathVariable String code,
            @RequestHeader(value = DeviceIds.HEADER, required = false) @Nullable String deviceId,
            @RequestHeader(value = FeedbackTokens.HEADER, required = false) @Nullable String token,
            HttpServletRequest request) {
        gate.admit(deviceId, token, request);
        service.checkin(service.station(StationCodes.parse(code)));
        return Map.of("message", "Thank you: visit counted.");
    }

    @Schema(name = "StationFeedback")
    record Summary(
            String code,

            @Schema(
                    description = "Mean of the counted ratings (the first per network, station and day), 1 decimal; "
                            + "absent without ratings")
            @Nullable
            Double averageStars,

            @Schema(description = "Counted ratings") long ratingCount,

            @Schema(description = "Tags chosen in ratings of the last 90 days")
            Map<String, Long> tagCounts,

            @Schema(description = "Reports of the last 7 days by reason")
            Map<String, Long> recentReports,

            long unresolvedReports,

            @Schema(description = "Check-ins in the last 30 days")
            long recentCheckins,

            @Nullable Instant lastVerifiedAt,
            boolean stale) {}

    @Operation(summary = "Public feedback summary of a station")
    @GetMapping("/api/v1/stations/{code}/feedback")
    Summary summary(@PathVariable String code) {
        StationRow station = service.station(StationCodes.parse(code));
        Instant now = clock.instant();
        Map<String, Object> ratings = jdbc.sql(
                        "SELECT count(*) AS n, round(avg(stars), 1) AS avg FROM station_rating_counted WHERE station_id = :id")
                .param("id", station.id())
                .query()
                .singleRow();
        Map<String, Long> tags = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT t, count(*) FROM station_rating_counted, unnest(tags) AS t
                 WHERE station_id = :id AND created_at > :since GROUP BY t ORDER BY count(*) DESC, t""")
                .param("id", station.id())
                .param("since", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(90))))
                .query((rs, n) -> tags.put(rs.getString(1), rs.getLong(2)))
                .list();
        Map<String, Long> reports = new LinkedHashMap<>();
        for (String reason : Vocabulary.REASONS) reports.put(reason, 0L);
        jdbc.sql(
                        "SELECT reason, count(*) FROM station_report WHERE station_id = :id AND created_at > :since GROUP BY reason")
                .param("id", station.id())
                .param("since", java.sql.Timestamp.from(now.minus(Freshness.CLOSED_REPORT_WINDOW)))
                .query((rs, n) -> reports.put(rs.getString(1), rs.getLong(2)))
                .list();
        long unresolved = jdbc.sql(
                        "SELECT count(*) FROM station_report WHERE station_id = :id AND status <> 'resolved'")
                .param("id", station.id())
                .query(Long.class)
                .single();
        long checkins = jdbc.sql("SELECT count(*) FROM station_checkin WHERE station_id = :id AND created_at > :since")
                .param("id", station.id())
                .param("since", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(30))))
                .query(Long.class)
                .single();
        Number avg = (Number) ratings.get("avg");
        return new Summary(
                station.code(),
                avg == null ? null : avg.doubleValue(),
                ((Number) java.util.Objects.requireNonNull(ratings.get("n"), "count(*) is never null")).longValue(),
                tags,
                reports,
                unresolved,
                checkins,
                station.lastVerifiedAt(),
                Freshness.stale(station, now));
    }
}
