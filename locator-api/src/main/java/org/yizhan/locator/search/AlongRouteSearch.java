package org.yizhan.locator.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.route.RouteLine;
import org.yizhan.locator.station.StationRow;
import org.yizhan.locator.web.ApiException;

/**
 * Active stations within a buffer of a route, in order along it. PostGIS picks the stations
 * ({@code ST_DWithin} on geography, so within the buffer on the ellipsoid, the route's vertices
 * joined by geodesics); the route is sent in pieces of about 2 km so each piece's index lookup
 * covers a thin strip rather than the whole route's bounding box. {@link RouteLine} then places
 * each station along the route.
 */
@Component
class AlongRouteSearch {

    /** More stations than this within the buffer: the caller is asked to narrow the search. */
    static final int MAX_CANDIDATES = 20_000;

    private static final double CHUNK_METERS = 2_000;

    private final JdbcClient jdbc;

    AlongRouteSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Hit(StationRow station, RouteLine.Position position) {}

    List<Hit> search(
            List<LatLng> vertices,
            RouteLine route,
            double buffer,
            List<String> amenities,
            boolean alwaysOpen,
            Predicate<StationRow> accept) {
        String sql = """
                WITH hits AS (
                  SELECT DISTINCT s.id
                    FROM unnest(CAST(:pieces AS text[])) AS p(wkt)
                    JOIN station s ON s.status = 'active' AND ST_DWithin(s.location, ST_GeogFromText(p.wkt), :buffer)
                   WHERE TRUE %s %s
                   LIMIT %d)
                SELECT %s FROM station s JOIN hits ON hits.id = s.id""".formatted(
                        amenities.isEmpty() ? "" : "AND s.amenities @> CAST(:amenities AS varchar(40)[])",
                        alwaysOpen ? "AND s.always_open" : "",
                        MAX_CANDIDATES + 1,
                        StationRow.COLUMNS);
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("pieces", pieces(vertices).toArray(String[]::new))
                .param("buffer", buffer);
        if (!amenities.isEmpty()) statement = statement.param("amenities", amenities.toArray(String[]::new));
        List<StationRow> rows = statement.query(StationRow::map).list();
        if (rows.size() > MAX_CANDIDATES) {
            throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "route.tooManyStations", MAX_CANDIDATES)
                    .with("field", "buffer");
        }
        List<Hit> hits = new ArrayList<>(rows.size());
        for (StationRow row : rows) {
            if (!accept.test(row)) continue;
            // PostGIS decided the station is within the buffer; the slack only absorbs rounding.
            RouteLine.Position position = route.locate(new LatLng(row.lat(), row.lng()), buffer + 1);
            if (position != null) hits.add(new Hit(row, position));
        }
        hits.sort(Comparator.comparingDouble((Hit h) -> h.position().alongMeters())
                .thenComparing(h -> h.station().code()));
        return hits;
    }

    /** The route as WKT lines of at most about 2 km each, consecutive ones sharing an end. */
    static List<String> pieces(List<LatLng> vertices) {
        List<String> pieces = new ArrayList<>();
        @Nullable StringBuilder wkt = null;
        double length = 0;
        @Nullable LatLng previous = null;
        for (LatLng v : densified(vertices)) {
            if (wkt == null) {
                wkt = new StringBuilder("LINESTRING(");
                if (previous != null) append(wkt, previous).append(',');
                length = 0;
            } else if (previous != null) {
                length += org.yizhan.geo.Geodesy.distanceMeters(previous, v);
            }
            append(wkt, v);
            previous = v;
            if (length >= CHUNK_METERS) {
                pieces.add(wkt.append(')').toString());
                wkt = null;
            } else {
                wkt.append(',');
            }
        }
        if (wkt != null && wkt.charAt(wkt.length() - 1) == ',') {
            wkt.setLength(wkt.length() - 1);
            if (wkt.indexOf(",") > 0) pieces.add(wkt.append(')').toString());
        }
        return pieces;
    }

    /** Long segments cut at most every 2 km along their geodesic, so no piece spans a long stretch. */
    private static List<LatLng> densified(List<LatLng> vertices) {
        List<LatLng> out = new ArrayList<>();
        for (int i = 0; i < vertices.size(); i++) {
            LatLng v = vertices.get(i);
            if (i > 0) {
                LatLng a = vertices.get(i - 1);
                net.sf.geographiclib.GeodesicLine line =
                        net.sf.geographiclib.Geodesic.WGS84.InverseLine(a.lat(), a.lng(), v.lat(), v.lng());
                int parts = (int) Math.ceil(line.Distance() / CHUNK_METERS);
                for (int k = 1; k < parts; k++) {
                    net.sf.geographiclib.GeodesicData d = line.Position(line.Distance() * k / parts);
                    out.add(new LatLng(d.lat2, d.lon2));
                }
            }
            out.add(v);
        }
        return out;
    }

    private static StringBuilder append(StringBuilder wkt, LatLng v) {
        return wkt.append(String.format(Locale.ROOT, "%.9f %.9f", v.lng(), v.lat()));
    }
}
