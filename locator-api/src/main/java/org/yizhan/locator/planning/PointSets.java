package org.yizhan.locator.planning;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.account.Actor;
import org.yizhan.locator.account.Role;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.ProblemText;
import org.yizhan.locator.web.Regions;

/**
 * Stored demand and candidate point sets. Demand points without a district label get the
 * division of their nearest active station, so coverage can be reported per district.
 */
@Component
class PointSets {

    enum Kind {
        DEMAND,
        CANDIDATE
    }

    /** @param regions division-code prefixes of the union it belongs to; empty = national (admins only) */
    record PointSet(long id, String name, String kind, int points, String createdBy, List<String> regions) {}

    record StoredPoint(
            int seq, LatLng at, double weight, @Nullable String label) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final NearestDistricts districts;
    private final Clock clock;

    PointSets(JdbcClient jdbc, DataSource dataSource, NearestDistricts districts, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.districts = districts;
        this.clock = clock;
    }

    @Transactional
    PointSet save(String name, Kind kind, List<PointFile.Point> points, String user, List<String> regions) {
        long id = jdbc.sql("""
                INSERT INTO demand_set (name, kind, created_by, created_at, points, regions)
                VALUES (:name, :kind, :user, :at, :points, :regions) RETURNING id""")
                .param("name", name)
                .param("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .param("user", user)
                .param("regions", regions.toArray(String[]::new))
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("points", points.size())
                .query(Long.class)
                .single();
        List<@Nullable String> nearest = kind == Kind.DEMAND
                ? districts.label(points.stream()
                        .filter(p -> p.label() == null)
                        .map(PointFile.Point::wgs84)
                        .toList())
                : List.of();
        copyPoints(id, points, nearest);
        return get(id);
    }

    /**
     * Writes the points with COPY: 100,000 rows in well under a second, where row-by-row inserts
     * took several. {@code nearest} labels, in order, the points that came without one.
     */
    private void copyPoints(long id, List<PointFile.Point> points, List<@Nullable String> nearest) {
        StringBuilder rows = new StringBuilder(points.size() * 64);
        int next = 0;
        for (int i = 0; i < points.size(); i++) {
            PointFile.Point p = points.get(i);
            String label = p.label() != null ? p.label() : nearest.isEmpty() ? null : nearest.get(next++);
            rows.append(id)
                    .append('\t')
                    .append(i)
                    .append("\tSRID=4326;POINT(")
                    .append(p.wgs84().lng())
                    .append(' ')
                    .append(p.wgs84().lat())
                    .append(")\t")
                    .append(p.weight())
                    .append('\t')
                    .append(label == null ? "\\N" : copyText(label))
                    .append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY demand_point (set_id, seq, location, weight, label) FROM STDIN",
                            new StringReader(rows.toString()));
        } catch (SQLException | IOException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("Could not store the points", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static String copyText(String value) {
        return value.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    private static final String SET_COLUMNS = "id, name, kind, points, created_by, regions";

    PointSet get(long id) {
        return jdbc.sql("SELECT " + SET_COLUMNS + " FROM demand_set WHERE id = :id")
                .param("id", id)
                .query(PointSets::set)
                .optional()
                .orElseThrow(() -> ApiException.notFound("planning.set.unknown", id));
    }

    /** The newest sets this account may use: those of its regions (admins: all). */
    List<PointSet> all(Actor actor) {
        List<PointSet> out = new ArrayList<>();
        // Filtered in Java with the same rule as points(): a handful of sets per union, one rule.
        jdbc.sql("SELECT " + SET_COLUMNS + " FROM demand_set ORDER BY id DESC").query(PointSets::set).list().stream()
                .filter(s -> mayUse(s, actor))
                .limit(200)
                .forEach(out::add);
        return out;
    }

    /** Gives a set a new name; its union's editors and admins only. */
    @Transactional
    PointSet rename(long id, String name, Actor actor) {
        mayChange(id, actor);
        jdbc.sql("UPDATE demand_set SET name = :name WHERE id = :id")
                .param("name", name)
                .param("id", id)
                .update();
        return get(id);
    }

    /** Removes a set and its points (a test upload, a wrong file); its union's editors and admins only. */
    @Transactional
    void delete(long id, Actor actor) {
        mayChange(id, actor);
        jdbc.sql("DELETE FROM demand_set WHERE id = :id").param("id", id).update();
    }

    /** The set, when the account may change it: an editor of one of its regions, or an admin (national sets: admins only). */
    private PointSet mayChange(long id, Actor actor) {
        PointSet set = get(id);
        if (actor.role() == Role.VIEWER) {
            throw ApiException.of(org.springframework.http.HttpStatus.FORBIDDEN, "planning.viewer.change");
        }
        if (!mayUse(set, actor)) throw outside("planning.set.outsideChange", set, actor);
        return set;
    }

    /** 403: the set belongs to regions outside the account's (or is national); {@code key} says for what. */
    private static ApiException outside(String key, PointSet set, Actor actor) {
        return ApiException.of(
                        org.springframework.http.HttpStatus.FORBIDDEN,
                        key,
                        set.id(),
                        set.regions().isEmpty() ? new ProblemText("region.national") : String.join(", ", set.regions()),
                        Regions.named(actor.regions()))
                .with("regions", set.regions());
    }

    /** A set belongs to its union's regions: an account uses it when one of them lies inside the account's regions. */
    static boolean mayUse(PointSet set, Actor actor) {
        return actor.role() == Role.ADMIN || set.regions().stream().anyMatch(actor::mayRead);
    }

    private static PointSet set(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PointSet(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), List.of((String[])
                        rs.getArray(6).getArray()));
    }

    List<StoredPoint> points(long id, Kind expected, Actor actor) {
        PointSet set = get(id);
        if (!mayUse(set, actor)) throw outside("planning.set.outside", set, actor);
        if (!set.kind().equalsIgnoreCase(expected.name())) {
            throw ApiException.invalid(
                    expected == Kind.DEMAND ? "demand" : "candidates",
                    expected == Kind.DEMAND ? "planning.set.notDemand" : "planning.set.notCandidates",
                    id);
        }
        List<StoredPoint> out = new ArrayList<>(set.points());
        jdbc.sql(
                        "SELECT seq, ST_Y(location::geometry), ST_X(location::geometry), weight, label FROM demand_point WHERE set_id = :id ORDER BY seq")
                .param("id", id)
                .query((rs, n) -> out.add(new StoredPoint(
                        rs.getInt(1), new LatLng(rs.getDouble(2), rs.getDouble(3)), rs.getDouble(4), rs.getString(5))))
                .list();
        return out;
    }

    /** Query cells as rows for export: centre, queries, far queries; suppressed cells left out. */
    List<java.util.Map<String, Object>> queryCells(int days) {
        return jdbc.sql("""
                SELECT cell_lat, cell_lng, sum(queries), sum(far_queries) FROM query_demand
                 WHERE day > current_date - :days GROUP BY cell_lat, cell_lng HAVING sum(queries) >= :min""")
                .param("days", days)
                .param("min", QueryDemandRecorder.MIN_QUERIES)
                .query((rs, n) -> {
                    LatLng centre = new QueryDemandGrid.Cell(rs.getInt(1), rs.getInt(2)).centre();
                    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("lat", centre.lat());
                    row.put("lng", centre.lng());
                    row.put("queries", rs.getLong(3));
                    row.put("farQueries", rs.getLong(4));
                    return row;
                })
                .list();
    }

    /** Demand seen by the locator: cells queried at least {@link QueryDemandRecorder#MIN_QUERIES} times in the last days. */
    List<StoredPoint> fromQueries(int days) {
        List<StoredPoint> out = new ArrayList<>();
        jdbc.sql("""
                SELECT cell_lat, cell_lng, sum(queries) AS q FROM query_demand
                 WHERE day > current_date - :days GROUP BY cell_lat, cell_lng HAVING sum(queries) >= :min ORDER BY cell_lat, cell_lng""")
                .param("days", days)
                .param("min", QueryDemandRecorder.MIN_QUERIES)
                .query((rs, n) -> out.add(new StoredPoint(
                        n, new QueryDemandGrid.Cell(rs.getInt(1), rs.getInt(2)).centre(), rs.getLong(3), null)))
                .list();
        return out;
    }
}
