package org.yizhan.locator.search;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.station.StationStatus;
import org.yizhan.locator.web.ApiException;

/**
 * Stations in a box, ordered by id and paged by "id greater than the last one seen": a page
 * never skips or repeats a station of an unchanged register, unlike OFFSET paging.
 *
 * <p>Active stations come from the in-memory {@link StationIndex} once it has loaded (the same
 * rows, order and pages as the query below would give, milliseconds behind the register like
 * nearest); other statuses, and everything while the index loads, come from PostGIS. A query for
 * active and other statuses (the OGC API's default: active and suspended) takes the active ones
 * from the index and the suspended ones from {@link SuspendedStations}, and merges the two by id;
 * closed stations (never published) come from PostGIS.
 */
@Component
public class ViewportSearch {

    private static final String ACTIVE = StationStatus.ACTIVE.value();

    private static final List<String> SUSPENDED = List.of(StationStatus.SUSPENDED.value());

    private final JdbcClient jdbc;
    private final StationIndex index;
    private final SuspendedStations suspended;

    ViewportSearch(JdbcClient jdbc, StationIndex index, SuspendedStations suspended) {
        this.jdbc = jdbc;
        this.index = index;
        this.suspended = suspended;
    }

    /** Whether the statuses besides active can be answered from memory as well. */
    private boolean inMemory(Query others) {
        return others.statuses().equals(SUSPENDED) && suspended.ready();
    }

    /** The query's active stations as an in-memory window, or null when only PostGIS can answer it. */
    private StationIndex.@Nullable Window window(Query query) {
        if (!index.ready() || !query.statuses().contains(ACTIVE)) return null;
        if (!index.bits().knowsAll(query.amenities())) return null;
        return new StationIndex.Window(query.boxes(), index.amenityBits(query.amenities()), query.adcodePrefix());
    }

    record Page(List<StationRow> rows, @Nullable String nextCursor) {}

    /**
     * What to match: stations in any of {@code boxes} (WGS-84; none = anywhere, two for a box
     * across the antimeridian), with one of {@code statuses}, all {@code amenities}, and an
     * adcode starting with {@code adcodePrefix} (province, city or county) if given.
     */
    public record Query(
            List<Bbox> boxes,
            List<String> statuses,
            List<String> amenities,
            @Nullable String adcodePrefix) {}

    Page page(Bbox box, List<String> statuses, List<String> amenities, long afterId, int limit) {
        List<StationRow> rows = after(new Query(List.of(box), statuses, amenities, null), afterId, limit + 1);
        if (rows.size() <= limit) return new Page(rows, null);
        List<StationRow> page = rows.subList(0, limit);
        return new Page(page, encodeCursor(page.get(limit - 1).id()));
    }

    /** Up to {@code limit} matching stations with ids above {@code afterId}, in id order. */
    public List<StationRow> after(Query query, long afterId, int limit) {
        StationIndex.Window window = window(query);
        if (window == null) return select(query, "s.id > :id", "ORDER BY s.id", afterId, limit);
        List<StationRow> active = index.page(window, afterId, limit, false);
        Query others = withoutActive(query);
        if (others.statuses().isEmpty()) return active;
        List<StationRow> rest = inMemory(others)
                ? suspended.page(window, afterId, limit, false)
                : select(others, "s.id > :id", "ORDER BY s.id", afterId, limit);
        List<StationRow> merged = merged(active, rest);
        return merged.subList(0, Math.min(limit, merged.size()));
    }

    /** Up to {@code limit} matching stations with ids just below {@code beforeId}, in id order: the page before. */
    public List<StationRow> before(Query query, long beforeId, int limit) {
        StationIndex.Window window = window(query);
        Query others = window == null ? query : withoutActive(query);
        List<StationRow> rest = new ArrayList<>();
        if (window != null && inMemory(others)) {
            rest.addAll(suspended.page(window, beforeId, limit, true));
        } else if (!others.statuses().isEmpty()) {
            rest.addAll(select(others, "s.id < :id", "ORDER BY s.id DESC", beforeId, limit));
            Collections.reverse(rest);
        }
        if (window == null) return rest;
        List<StationRow> merged = merged(index.page(window, beforeId, limit, true), rest);
        return merged.subList(Math.max(0, merged.size() - limit), merged.size());
    }

    /** How many stations match, for OGC API numberMatched. */
    public long count(Query query) {
        StationIndex.Window window = window(query);
        Query others = window == null ? query : withoutActive(query);
        long rest = others.statuses().isEmpty()
                ? 0
                : window != null && inMemory(others)
                        ? suspended.count(window)
                        : statement(others, "SELECT count(*) FROM station s WHERE " + where(others), 0)
                                .query(Long.class)
                                .single();
        return window == null ? rest : index.count(window) + rest;
    }

    private static Query withoutActive(Query query) {
        List<String> others =
                query.statuses().stream().filter(s -> !s.equals(ACTIVE)).toList();
        return new Query(query.boxes(), others, query.amenities(), query.adcodePrefix());
    }

    /**
     * Two id-ordered lists as one. A station whose status changed in the milliseconds the index is
     * behind can be in both: the database's row is the record, so it wins.
     */
    private static List<StationRow> merged(List<StationRow> fromIndex, List<StationRow> fromDatabase) {
        Map<Long, StationRow> byId = new TreeMap<>();
        for (StationRow row : fromIndex) byId.put(row.id(), row);
        for (StationRow row : fromDatabase) byId.put(row.id(), row);
        return new ArrayList<>(byId.values());
    }

    private List<StationRow> select(Query query, String keyset, String order, long id, int limit) {
        String sql = "SELECT " + StationRow.COLUMNS + " FROM station s WHERE " + where(query) + " AND " + keyset + " "
                + order + " LIMIT " + limit;
        return statement(query, sql, id).query(StationRow::map).list();
    }

    private static String where(Query query) {
        // The box is in plain longitude/latitude, so compare as geometry (a geography box would
        // follow great circles); station_location_geom_idx serves this. The corners are inlined
        // (parsed doubles, so safe): as bind parameters PostgreSQL switched to a generic plan after
        // five runs that walked the spatial index over all rows for a country-wide box (1.4 s vs 12 ms).
        StringBuilder sql = new StringBuilder("s.status IN (:statuses)");
        if (!query.boxes().isEmpty()) {
            sql.append(" AND (");
            for (int i = 0; i < query.boxes().size(); i++) {
                Bbox box = query.boxes().get(i);
                sql.append(i == 0 ? "" : " OR ")
                        .append(String.format(
                                java.util.Locale.ROOT,
                                "s.location::geometry && ST_MakeEnvelope(%.9f, %.9f, %.9f, %.9f, 4326)",
                                box.minLng(),
                                box.minLat(),
                                box.maxLng(),
                                box.maxLat()));
            }
            sql.append(")");
        }
        if (!query.amenities().isEmpty()) sql.append(" AND s.amenities @> CAST(:amenities AS varchar(40)[])");
        if (query.adcodePrefix() != null) sql.append(" AND s.adcode LIKE :adcode");
        return sql.toString();
    }

    private JdbcClient.StatementSpec statement(Query query, String sql, long id) {
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql).param("statuses", query.statuses()).param("id", id);
        if (!query.amenities().isEmpty())
            statement = statement.param("amenities", query.amenities().toArray(String[]::new));
        if (query.adcodePrefix() != null) statement = statement.param("adcode", query.adcodePrefix() + "%");
        return statement;
    }

    static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes());
    }

    static long decodeCursor(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) return 0;
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.trim()));
            if (decoded.startsWith("id:")) return Long.parseLong(decoded.substring(3));
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw ApiException.invalid("cursor", "cursor.unknown");
    }
}
