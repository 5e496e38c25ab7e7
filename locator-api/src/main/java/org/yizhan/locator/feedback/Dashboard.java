package org.yizhan.locator.feedback;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yizhan.geo.division.Divisions;
import org.yizhan.locator.config.YizhanProperties;
import org.yizhan.locator.station.Freshness;
import org.yizhan.locator.station.StationRow;

/** Satisfaction numbers per station and per district over the last {@code weeks} weeks (local time). */
@Component
class Dashboard {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final Divisions divisions = Divisions.standard();

    Dashboard(JdbcClient jdbc, Clock clock, YizhanProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    record Week(LocalDate weekStart, long ratings, @Nullable Double averageStars) {}

    record Numbers(
            long ratingCount,
            @Nullable Double averageStars,
            List<Week> weekly,
            Map<String, Long> tagCounts,
            Map<String, Long> reportsByReason,
            Map<String, Long> unresolvedByReason,
            long checkins,
            long[] checkinsByHour,
            long[] checkinsByWeekday) {}

    record StationEntry(
            String code,
            String name,
            String adcode,
            String status,
            boolean stale,
            @Nullable Instant lastVerifiedAt,
            double score,
            int grade,
            Numbers numbers) {}

    record DistrictEntry(
            String adcode, String name, int stations, int staleStations, double score, int grade, Numbers numbers) {}

    record Result(
            String region,
            LocalDate from,
            LocalDate to,
            int weeks,
            String gradeRule,
            Numbers total,
            List<DistrictEntry> districts,
            List<StationEntry> stations) {}

    static final String GRADE_RULE =
            "Bayesian mean of the counted ratings in the period (the first per network, station and day; "
                    + "five 3.5-star prior ratings), -0.5 per network with an unresolved closed_when_open report (max -1.5), "
                    + "-0.25 per network with another unresolved report (max -1), reports counting only once two or more networks "
                    + "send them, -1 if stale; clamped to 1..5, rounded half up. District: mean of its stations' scores. See docs/FEEDBACK.md.";

    /** Counters for one station or a sum of stations. */
    private static final class Tally {
        long ratings, starSum, checkins;
        /** Networks with unresolved reports: closed_when_open, and any other reason. Per station only. */
        long closedNetworks, otherNetworks;

        final TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
        final Map<String, Long> tags = new TreeMap<>();
        final Map<String, Long> reports = new LinkedHashMap<>();
        final Map<String, Long> unresolved = new LinkedHashMap<>();
        final long[] hours = new long[24];
        final long[] weekdays = new long[7];

        Tally() {
            for (String r : Vocabulary.REASONS) {
                reports.put(r, 0L);
                unresolved.put(r, 0L);
            }
        }

        void add(Tally o) {
            ratings += o.ratings;
            starSum += o.starSum;
            checkins += o.checkins;
            o.weeks.forEach((w, v) -> {
                long[] mine = weeks.computeIfAbsent(w, k -> new long[2]);
                mine[0] += v[0];
                mine[1] += v[1];
            });
            o.tags.forEach((k, v) -> tags.merge(k, v, Long::sum));
            o.reports.forEach((k, v) -> reports.merge(k, v, Long::sum));
            o.unresolved.forEach((k, v) -> unresolved.merge(k, v, Long::sum));
            for (int i = 0; i < 24; i++) hours[i] += o.hours[i];
            for (int i = 0; i < 7; i++) weekdays[i] += o.weekdays[i];
        }

        Numbers numbers() {
            List<Week> weekly = weeks.entrySet().stream()
                    .map(e -> new Week(e.getKey(), e.getValue()[0], mean(e.getValue()[1], e.getValue()[0])))
                    .toList();
            return new Numbers(
                    ratings, mean(starSum, ratings), weekly, tags, reports, unresolved, checkins, hours, weekdays);
        }

        private static @Nullable Double mean(long sum, long n) {
            return n == 0 ? null : Math.round(10.0 * sum / n) / 10.0;
        }
    }

    Result build(Scope scope, String region, int weeks) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate from =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
        Instant since = from.atStartOfDay(zone).toInstant();
        String[] patterns = scope.array();

        List<StationRow> rows = jdbc.sql("SELECT " + StationRow.COLUMNS
                        + " FROM station s WHERE s.adcode LIKE ANY (:p) AND s.status <> 'closed' ORDER BY s.code")
                .param("p", patterns)
                .query(StationRow::map)
                .list();
        Map<Long, Tally> tallies = new HashMap<>();
        for (StationRow row : rows) tallies.put(row.id(), new Tally());

        String join =
                " JOIN station s ON s.id = x.station_id WHERE s.adcode LIKE ANY (:p) AND s.status <> 'closed' AND x.created_at >= :since ";
        jdbc.sql(
                        "SELECT x.station_id, (date_trunc('week', x.created_at AT TIME ZONE :zone))::date AS wk, count(*), sum(x.stars) "
                                + "FROM station_rating_counted x" + join + "GROUP BY 1, 2")
                .param("zone", zone.getId())
                .param("p", patterns)
                .param("since", java.sql.Timestamp.from(since))
                .query(rs -> {
                    Tally t = tallies.get(rs.getLong(1));
                    if (t == null) return;
                    t.ratings += rs.getLong(3);
                    t.starSum += rs.getLong(4);
                    t.weeks.put(rs.getDate(2).toLocalDate(), new long[] {rs.getLong(3), rs.getLong(4)});
                });
        jdbc.sql(
                        "SELECT x.station_id, tag, count(*) FROM station_rating_counted x CROSS JOIN LATERAL unnest(x.tags) AS tag"
                                + join + "GROUP BY 1, 2")
                .param("p", patterns)
                .param("since", java.sql.Timestamp.from(since))
                .query(rs -> {
                    Tally t = tallies.get(rs.getLong(1));
                    if (t != null) t.tags.put(rs.getString(2), rs.getLong(3));
                });
        jdbc.sql(
                        "SELECT x.station_id, x.reason, count(*), count(*) FILTER (WHERE x.status <> 'resolved') FROM station_report x"
                                + join + "GROUP BY 1, 2")
                .param("p", patterns)
                .param("since", java.sql.Timestamp.from(since))
                .query(rs -> {
                    Tally t = tallies.get(rs.getLong(1));
                    if (t != null) {
                        t.reports.put(rs.getString(2), rs.getLong(3));
                        t.unresolved.put(rs.getString(2), rs.getLong(4));
                    }
                });
        jdbc.sql(
                        "SELECT x.station_id, count(DISTINCT coalesce(x.network_hash, 'row' || x.id)) FILTER (WHERE x.reason = :closed), "
                                + "count(DISTINCT coalesce(x.network_hash, 'row' || x.id)) FILTER (WHERE x.reason <> :closed) "
                                + "FROM station_report x" + join + "AND x.status <> 'resolved' GROUP BY 1")
                .param("closed", Vocabulary.CLOSED_WHEN_OPEN)
                .param("p", patterns)
                .param("since", java.sql.Timestamp.from(since))
                .query(rs -> {
                    Tally t = tallies.get(rs.getLong(1));
                    if (t != null) {
                        t.closedNetworks = rs.getLong(2);
                        t.otherNetworks = rs.getLong(3);
                    }
                });
        jdbc.sql("SELECT x.station_id, extract(hour FROM x.created_at AT TIME ZONE :zone)::int, "
                        + "extract(isodow FROM x.created_at AT TIME ZONE :zone)::int, count(*) FROM station_checkin x"
                        + join + "GROUP BY 1, 2, 3")
                .param("zone", zone.getId())
                .param("p", patterns)
                .param("since", java.sql.Timestamp.from(since))
                .query(rs -> {
                    Tally t = tallies.get(rs.getLong(1));
                    if (t != null) {
                        long c = rs.getLong(4);
                        t.hours[rs.getInt(2)] += c;
                        t.weekdays[rs.getInt(3) - 1] += c;
                        t.checkins += c;
                    }
                });

        List<StationEntry> stations = new ArrayList<>();
        Map<String, List<StationEntry>> byDistrict = new TreeMap<>();
        Map<String, Tally> districtTallies = new TreeMap<>();
        Tally total = new Tally();
        for (StationRow row : rows) {
            Tally t = java.util.Objects.requireNonNull(tallies.get(row.id()), "every listed station has a tally");
            boolean stale = Freshness.stale(row, now);
            StarGrade grade = StarGrade.of(t.ratings, t.starSum, t.closedNetworks, t.otherNetworks, stale);
            StationEntry entry = new StationEntry(
                    row.code(),
                    row.name(),
                    row.adcode(),
                    row.status(),
                    stale,
                    row.lastVerifiedAt(),
                    grade.score(),
                    grade.stars(),
                    t.numbers());
            stations.add(entry);
            byDistrict.computeIfAbsent(row.adcode(), k -> new ArrayList<>()).add(entry);
            districtTallies.computeIfAbsent(row.adcode(), k -> new Tally()).add(t);
            total.add(t);
        }
        List<DistrictEntry> districts = new ArrayList<>();
        byDistrict.forEach((adcode, list) -> {
            double score =
                    list.stream().mapToDouble(StationEntry::score).average().orElse(StarGrade.PRIOR_MEAN);
            districts.add(new DistrictEntry(
                    adcode,
                    divisions.fullName(adcode),
                    list.size(),
                    (int) list.stream().filter(StationEntry::stale).count(),
                    Math.round(score * 100) / 100.0,
                    (int) Math.floor(score + 0.5),
                    java.util.Objects.requireNonNull(districtTallies.get(adcode), "tallied with its stations")
                            .numbers()));
        });
        // Stations needing attention first: stale, then lowest score.
        stations.sort(Comparator.comparing((StationEntry e) -> !e.stale())
                .thenComparingDouble(StationEntry::score)
                .thenComparing(StationEntry::code));
        return new Result(region, from, today, weeks, GRADE_RULE, total.numbers(), districts, stations);
    }
}
