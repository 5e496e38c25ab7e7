package org.yizhan.locator.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.locator.routing.NetworkDistances;
import org.yizhan.locator.station.StationCodes;
import org.yizhan.locator.web.ApiException;

/**
 * Each station's catchment for the planning map: on the road network, the streets from which a
 * worker gets there within the limit (what "a 15-minute walk" looks like on the ground, cut by
 * rivers and walls); in straight-line mode, the circle of the radius.
 */
@RestController
class CatchmentController {

    static final int MAX_STATIONS = 100;
    private static final int CIRCLE_VERTICES = 48;

    private final PlanningService planning;
    private final NetworkDistances network;
    private final JdbcClient jdbc;

    CatchmentController(PlanningService planning, NetworkDistances network, JdbcClient jdbc) {
        this.planning = planning;
        this.network = network;
        this.jdbc = jdbc;
    }

    private record Station(String code, String name, LatLng at) {}

    @Operation(
            summary = "Catchments: the streets from which each station is reached within the limit "
                    + "(straight-line: a circle), as GeoJSON")
    @GetMapping(value = "/api/v1/planning/catchments", produces = "application/geo+json")
    Map<String, Object> catchments(
            @RequestParam @Parameter(description = "Station codes, comma-separated, at most 100") String codes,
            @RequestParam(required = false) @Parameter(description = PlanningController.REACH_RADIUS) @Nullable
                    Double radius,
            @RequestParam(required = false) @Parameter(description = PlanningController.REACH_DISTANCE) @Nullable
                    String distance,
            @RequestParam(required = false) @Parameter(description = PlanningController.REACH_MINUTES) @Nullable
                    Double minutes) {
        Measure measure = planning.measure(distance, radius, minutes);
        Set<String> wanted = new LinkedHashSet<>();
        for (String code : codes.split(",")) {
            if (!code.isBlank()) wanted.add(StationCodes.parse(code.trim()).value());
        }
        if (wanted.isEmpty() || wanted.size() > MAX_STATIONS) {
            throw ApiException.invalid("codes", "planning.catchment.codes", MAX_STATIONS);
        }
        List<Station> stations = jdbc.sql("""
                SELECT code, name, ST_Y(location::geometry), ST_X(location::geometry) FROM station
                 WHERE code IN (:codes) ORDER BY code""")
                .param("codes", List.copyOf(wanted))
                .query((rs, n) ->
                        new Station(rs.getString(1), rs.getString(2), new LatLng(rs.getDouble(3), rs.getDouble(4))))
                .list();
        List<Map<String, Object>> features = new ArrayList<>();
        for (Station s : stations) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", s.code());
            properties.put("name", s.name());
            properties.put("distance", measure.distance());
            properties.put("limit", measure.describe());
            Map<String, Object> geometry;
            if (measure.travel() == null || measure.limit() == null) {
                geometry = GeoJson.polygon(circle(s.at(), measure.radius()));
            } else {
                List<List<LatLng>> streets = network.catchmentStreets(measure.travel(), s.at(), measure.limit());
                properties.put("onNetwork", !streets.isEmpty());
                geometry = GeoJson.lines(streets);
            }
            features.add(GeoJson.feature(s.code(), geometry, properties));
        }
        Map<String, Object> collection = GeoJson.featureCollection(features);
        List<String> missing = new ArrayList<>(wanted);
        stations.forEach(s -> missing.remove(s.code()));
        collection.put("missing", missing);
        return collection;
    }

    /** A ring of geodesic points at {@code meters} around {@code centre}, counter-clockwise; GeoJson closes it. */
    private static List<LatLng> circle(LatLng centre, double meters) {
        List<LatLng> ring = new ArrayList<>();
        for (int i = 0; i < CIRCLE_VERTICES; i++) {
            ring.add(Geodesy.destination(centre, 360.0 - i * 360.0 / CIRCLE_VERTICES, meters));
        }
        return ring;
    }
}
