package org.yizhan.locator.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.account.Actor;
import org.yizhan.locator.config.YizhanProperties;
import org.yizhan.locator.station.Freshness;
import org.yizhan.locator.station.StationReader;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.ProblemText;

/**
 * The rules of feedback: one rating per device, station and local day; one report per reason,
 * device, station and day; report life cycle (open → acknowledged → resolved); and freshness,
 * which every change here keeps current on the station row.
 */
@Service
class FeedbackService {

    private final JdbcClient jdbc;
    private final StationReader stations;
    private final DeviceIds devices;
    private final Clock clock;
    private final ZoneId zone;

    private final int perNetworkStationDay;

    FeedbackService(
            JdbcClient jdbc,
            StationReader stations,
            DeviceIds devices,
            Clock clock,
            YizhanProperties properties,
            FeedbackProperties feedback) {
        this.jdbc = jdbc;
        this.stations = stations;
        this.devices = devices;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.perNetworkStationDay = feedback.perNetworkStationDay();
    }

    /** Now, at the database's precision, so what an answer says equals what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    record Rating(int stars, List<String> tags, @Nullable String comment) {}

    record Report(
            String reason,
            @Nullable String amenity,
            @Nullable LatLng suggestedWgs84,
            @Nullable String text) {}

    StationRow station(StationCode code) {
        return stations.find(code).orElseThrow(() -> ApiException.notFound("station.unknown", code.value()));
    }

    @Transactional
    long rate(StationRow station, FeedbackGate.Sender sender, Rating rating) {
        Instant now = now();
        LocalDate day = LocalDate.ofInstant(now, zone);
        requireUnderNetworkCap("station_rating", station, sender, day);
        JdbcClient.StatementSpec insert = jdbc.sql("""
                INSERT INTO station_rating (station_id, stars, tags, comment, day, device_hash, network_hash, created_at)
                VALUES (:station, :stars, CAST(:tags AS varchar(30)[]), :comment, :day, :hash, :network, :now)
                ON CONFLICT ON CONSTRAINT station_rating_once_a_day DO NOTHING RETURNING id""")
                .param("station", station.id())
                .param("stars", rating.stars())
                .param("tags", List.copyOf(new LinkedHashSet<>(rating.tags())).toArray(String[]::new))
                .param("comment", rating.comment());
        Long id = onceADay(insert, sender, day, now);
        if (id == null) {
            // The station's code is "station": "code" is the problem's own code.
            throw ApiException.of(HttpStatus.CONFLICT, "feedback.rated", station.code())
                    .with("station", station.code())
                    .with("retryAfterDay", day.plusDays(1).toString());
        }
        return id;
    }

    @Transactional
    long report(StationRow station, FeedbackGate.Sender sender, Report report) {
        Instant now = now();
        LocalDate day = LocalDate.ofInstant(now, zone);
        requireUnderNetworkCap("station_report", station, sender, day);
        LatLng suggested = report.suggestedWgs84();
        JdbcClient.StatementSpec insert = jdbc.sql("""
                INSERT INTO station_report (station_id, reason, amenity, suggested_location, text, day, device_hash, network_hash, created_at)
                VALUES (:station, :reason, :amenity,
                        CASE WHEN CAST(:lng AS double precision) IS NULL THEN NULL
                             ELSE ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)::geography END,
                        :text, :day, :hash, :network, :now)
                ON CONFLICT ON CONSTRAINT station_report_once_a_day DO NOTHING RETURNING id""")
                .param("station", station.id())
                .param("reason", report.reason())
                .param("amenity", report.amenity())
                .param("lng", suggested == null ? null : suggested.lng(), java.sql.Types.DOUBLE)
                .param("lat", suggested == null ? null : suggested.lat(), java.sql.Types.DOUBLE)
                .param("text", report.text());
        Long id = onceADay(insert, sender, day, now);
        if (id == null) {
            throw ApiException.of(HttpStatus.CONFLICT, "feedback.reported", station.code())
                    .with("station", station.code())
                    .with("reason", report.reason());
        }
        if (Vocabulary.CLOSED_WHEN_OPEN.equals(report.reason())) refreshAlarm(station.id());
        return id;
    }

    /**
     * Runs an {@code ON CONFLICT ... DO NOTHING RETURNING id} insert of a once-a-day row with the
     * sender's day, hashed device, network and the time bound; the new row's id, or null when the
     * device already sent one today.
     */
    private @Nullable Long onceADay(
            JdbcClient.StatementSpec insert, FeedbackGate.Sender sender, LocalDate day, Instant now) {
        return insert.param("day", day)
                .param("hash", devices.hash(sender.device(), day))
                .param("network", sender.networkHash())
                .param("now", java.sql.Timestamp.from(now))
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /**
     * At most {@code perNetworkStationDay} rows of {@code table} per network, station and local day.
     * Counted from the rows themselves, so every instance sees the same count; the station row
     * lock makes concurrent writes about one station take turns, so the cap cannot be raced past.
     */
    private void requireUnderNetworkCap(String table, StationRow station, FeedbackGate.Sender sender, LocalDate day) {
        jdbc.sql("SELECT id FROM station WHERE id = :id FOR NO KEY UPDATE")
                .param("id", station.id())
                .query(Long.class)
                .list();
        long sent = jdbc.sql("SELECT count(*) FROM " + table
                        + " WHERE station_id = :station AND day = :day AND network_hash = :network")
                .param("station", station.id())
                .param("day", day)
                .param("network", sender.networkHash())
                .query(Long.class)
                .single();
        if (sent >= perNetworkStationDay) {
            String key = table.equals("station_rating") ? "feedback.cap.ratings" : "feedback.cap.reports";
            throw ApiException.of(HttpStatus.TOO_MANY_REQUESTS, key, station.code(), sent)
                    .with("limit", "network")
                    .with("station", station.code());
        }
    }

    @Transactional
    void checkin(StationRow station) {
        jdbc.sql("INSERT INTO station_checkin (station_id, created_at) VALUES (:station, :now)")
                .param("station", station.id())
                .param("now", java.sql.Timestamp.from(now()))
                .update();
    }

    /** The union confirms the station is as listed. */
    @Transactional
    Instant verify(StationRow station, Actor actor) {
        actor.requireMayEdit(station.adcode());
        Instant now = now();
        jdbc.sql("UPDATE station SET last_verified_at = :now WHERE id = :id")
                .param("now", java.sql.Timestamp.from(now))
                .param("id", station.id())
                .update();
        refreshAlarm(station.id());
        return now;
    }

    record ReportRef(long id, long stationId, String adcode, String status) {}

    @Transactional
    void acknowledge(long reportId, Actor actor) {
        ReportRef report = loadForUpdate(reportId, actor);
        if ("resolved".equals(report.status())) {
            throw ApiException.of(HttpStatus.CONFLICT, "report.resolved.acknowledge", reportId);
        }
        jdbc.sql("""
                UPDATE station_report SET status = 'acknowledged', acknowledged_at = :now, acknowledged_by = :who
                 WHERE id = :id AND status = 'open'""")
                .param("now", java.sql.Timestamp.from(now()))
                .param("who", actor.username())
                .param("id", reportId)
                .update();
    }

    /**
     * Resolving a report confirms the station (verified now, older closed reports stop counting)
     * unless other unresolved reports of the same reason remain: one of three identical "closed"
     * reports answered is not the station checked, so its "needs checking" stays until the group is.
     */
    @Transactional
    Instant resolve(long reportId, String note, Actor actor) {
        ReportRef report = loadForUpdate(reportId, actor);
        if ("resolved".equals(report.status())) {
            throw ApiException.of(HttpStatus.CONFLICT, "report.resolved", reportId);
        }
        Instant now = now();
        jdbc.sql("""
                UPDATE station_report SET status = 'resolved', resolved_at = :now, resolved_by = :who, resolution_note = :note,
                       acknowledged_at = coalesce(acknowledged_at, :now), acknowledged_by = coalesce(acknowledged_by, :who)
                 WHERE id = :id""")
                .param("now", java.sql.Timestamp.from(now))
                .param("who", actor.username())
                .param("note", note)
                .param("id", reportId)
                .update();
        jdbc.sql("""
                UPDATE station s SET last_verified_at = :now WHERE id = :id
                   AND NOT EXISTS (SELECT 1 FROM station_report r WHERE r.station_id = s.id AND r.status <> 'resolved'
                                      AND r.reason = (SELECT reason FROM station_report WHERE id = :report))""")
                .param("now", java.sql.Timestamp.from(now))
                .param("id", report.stationId())
                .param("report", reportId)
                .update();
        refreshAlarm(report.stationId());
        return now;
    }

    /** A resolved report back in the inbox (resolved by mistake, or the problem came back): acknowledged, no longer resolved. */
    @Transactional
    void reopen(long reportId, Actor actor) {
        ReportRef report = loadForUpdate(reportId, actor);
        if (!"resolved".equals(report.status())) {
            throw ApiException.of(
                    HttpStatus.CONFLICT,
                    "report.notResolved",
                    reportId,
                    "open".equals(report.status())
                            ? new ProblemText("report.status.open")
                            : new ProblemText("report.status.acknowledged"));
        }
        jdbc.sql("""
                UPDATE station_report SET status = 'acknowledged', resolved_at = NULL, resolved_by = NULL, resolution_note = NULL
                 WHERE id = :id""").param("id", reportId).update();
        refreshAlarm(report.stationId());
    }

    /** The outcome of one report in a bulk action: its new status, or "unchanged" when it already had it. */
    record BulkOutcome(long id, String status, boolean changed) {}

    /**
     * One action on many reports (a group of identical reports), all or nothing: any id that does
     * not exist or lies outside the account's regions refuses the whole request. Reports that
     * already are where the action would put them are left as they are.
     */
    @Transactional
    List<BulkOutcome> bulk(List<Long> ids, String action, @Nullable String note, Actor actor) {
        List<BulkOutcome> out = new java.util.ArrayList<>();
        for (long id : new java.util.LinkedHashSet<>(ids)) {
            String status = loadForUpdate(id, actor).status();
            switch (action) {
                case "acknowledge" -> {
                    if (!"open".equals(status)) out.add(new BulkOutcome(id, status, false));
                    else {
                        acknowledge(id, actor);
                        out.add(new BulkOutcome(id, "acknowledged", true));
                    }
                }
                case "resolve" -> {
                    if ("resolved".equals(status)) out.add(new BulkOutcome(id, status, false));
                    else {
                        resolve(id, java.util.Objects.requireNonNull(note), actor);
                        out.add(new BulkOutcome(id, "resolved", true));
                    }
                }
                case "reopen" -> {
                    if (!"resolved".equals(status)) out.add(new BulkOutcome(id, status, false));
                    else {
                        reopen(id, actor);
                        out.add(new BulkOutcome(id, "acknowledged", true));
                    }
                }
                default -> throw ApiException.invalid("action", "report.action");
            }
        }
        return out;
    }

    private ReportRef loadForUpdate(long reportId, Actor actor) {
        ReportRef report = jdbc.sql("""
                SELECT r.id, r.station_id, s.adcode, r.status FROM station_report r JOIN station s ON s.id = r.station_id
                 WHERE r.id = :id FOR UPDATE OF r""")
                .param("id", reportId)
                .query((rs, n) -> new ReportRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> ApiException.notFound("report.unknown", reportId));
        if (!actor.mayEdit(report.adcode())) {
            // Same answer as for a missing report: ids outside the scope reveal nothing.
            throw ApiException.notFound("report.unknownInRegions", reportId);
        }
        return report;
    }

    /**
     * Recomputes {@code station.closed_alarm_at}: among unresolved closed_when_open reports since
     * the last verification, take each network's newest; the alarm is the third-newest of those,
     * so it takes reports from three different networks. The UPDATE also notifies the in-memory
     * index, so nearest results show the new {@code stale} within milliseconds.
     */
    private void refreshAlarm(long stationId) {
        // Once raised, the alarm stays while any of its reports is unresolved: answering one of three
        // does not make the station checked; verifying it, or resolving the last, does.
        jdbc.sql("""
                UPDATE station s SET closed_alarm_at = coalesce((
                    SELECT newest FROM (
                        SELECT max(r.created_at) AS newest FROM station_report r
                         WHERE r.station_id = s.id AND r.reason = 'closed_when_open' AND r.status <> 'resolved'
                           AND r.created_at > coalesce(s.last_verified_at, '-infinity')
                         GROUP BY coalesce(r.network_hash, 'row' || r.id)) per_network
                     ORDER BY newest DESC OFFSET :skip LIMIT 1),
                    CASE WHEN EXISTS (SELECT 1 FROM station_report r
                                       WHERE r.station_id = s.id AND r.reason = 'closed_when_open' AND r.status <> 'resolved'
                                         AND r.created_at > coalesce(s.last_verified_at, '-infinity'))
                         THEN s.closed_alarm_at END)
                 WHERE s.id = :id""")
                .param("skip", Freshness.CLOSED_REPORTS_FOR_STALE - 1)
                .param("id", stationId)
                .update();
    }
}
