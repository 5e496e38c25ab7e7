package org.yizhan.locator.search;

import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.web.ApiException;

/**
 * Stations in a box, ordered by id and paged by "id greater than the last one seen": a page
 * never skips or repeats a station of an unchanged register, unlike OFFSET paging.
 */
@Component
class ViewportSearch {

    private final JdbcClient jdbc;

    ViewportSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Page(List<StationRow> rows, @Nullable String nextCursor) {}

    Page page(Bbox box, List<String> statuses, List<String> amenities, long afterId, int limit) {
        // The box is in plain longitude/latitude, so compare as geometry (a geography box would
        // follow great circles); station_location_geom_idx serves this. The corners are inlined
        // (parsed doubles, so safe): as bind parameters PostgreSQL switched to a generic plan after
        // five runs that walked the spatial index over all rows for a country-wide box (1.4 s vs 12 ms).
        String envelope = String.format(java.util.Locale.ROOT, "ST_MakeEnvelope(%.9f, %.9f, %.9f, %.9f, 4326)",
                box.minLng(), box.minLat(), box.maxLng(), box.maxLat());
        String sql = "SELECT " + StationRow.COLUMNS + " FROM station s "
                + "WHERE s.location::geometry && " + envelope + " "
                + "AND s.status IN (:statuses) AND s.id > :after "
                + (amenities.isEmpty() ? "" : "AND s.amenities @> CAST(:amenities AS varchar(40)[]) ")
                + "ORDER BY s.id LIMIT " + (limit + 1);
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("statuses", statuses)
                .param("after", afterId);
        if (!amenities.isEmpty()) statement = statement.param("amenities", amenities.toArray(String[]::new));
        List<StationRow> rows = statement.query(StationRow::map).list();
        if (rows.size() <= limit) return new Page(rows, null);
        List<StationRow> page = rows.subList(0, limit);
        return new Page(page, encodeCursor(page.get(limit - 1).id()));
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
        throw ApiException.invalid("cursor", "'cursor' is not one this API issued; follow the next link as given.");
    }
}
