package org.yizhan.locator.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.planning.CoverageProblem;
import org.yizhan.geo.planning.DemandPoint;
import org.yizhan.geo.planning.Site;
import org.yizhan.locator.account.Actor;
import org.yizhan.locator.routing.NetworkDistances;
import org.yizhan.locator.web.ApiException;

/**
 * Builds coverage problems from the register and stored point sets: existing stations are the
 * active ones around the demand; candidates are an uploaded set, or a grid laid over the
 * uncovered demand when none is given. Reach is straight-line, or the way there on the road
 * network, where each station's catchment is a shortest-path tree cut off at the limit.
 */
@Service
class PlanningService {

    static final double GRID_SPACING_FRACTION = 0.5;
    private static final int MAX_GRID_CANDIDATES = 20_000;

    private final PointSets sets;
    private final JdbcClient jdbc;
    private final NetworkDistances network;

    PlanningService(PointSets sets, JdbcClient jdbc, NetworkDistances network) {
        this.sets = sets;
        this.jdbc = jdbc;
        this.network = network;
    }

    /** How the request measures reach; see {@link Measure#parse}. */
    Measure measure(@Nullable String distance, @Nullable Double radius, @Nullable Double minutes) {
        return Measure.parse(distance, radius, minutes, network.available());
    }

    /** Where the demand comes from: a stored set id, or "queries" for the locator's own aggregated queries. */
    List<PointSets.StoredPoint> demand(String source, int days, Actor actor) {
        if ("queries".equals(source)) return sets.fromQueries(days);
        return sets.points(setId("demand", source), PointSets.Kind.DEMAND, actor);
    }

    /** A coverage problem and, on the road network, the points that could not be placed on it. */
    record Planned(CoverageProblem problem, Measure measure, OffNetwork offNetwork) {}

    /**
     * {@code candidates}: null for none (coverage questions), "grid" or blank for a generated grid, or a set id.
     * On the road network, demand and sites are snapped to the roads; what cannot be snapped stays in
     * the problem (demand uncovered, sites covering nothing) and is listed in {@link OffNetwork}.
     */
    Planned problem(
            List<PointSets.StoredPoint> demandPoints, @Nullable String candidates, Measure measure, Actor actor) {
        if (demandPoints.isEmpty())
            throw ApiException.invalid("demand", "planning.demand.none", QueryDemandRecorder.MIN_QUERIES);
        List<DemandPoint> demand = demandPoints.stream()
                .map(p -> new DemandPoint(p.at(), p.weight(), p.label() == null ? "unassigned" : p.label()))
                .toList();
        List<Site> existing = stationsAround(demandPoints, measure.radius());
        if (candidates == null) return build(existing, List.of(), demand, measure);
        List<Site> candidateSites = candidates.isBlank() || "grid".equals(candidates)
                ? grid(build(existing, List.of(), demand, measure).problem(), measure.typicalReach())
                : sets.points(setId("candidates", candidates), PointSets.Kind.CANDIDATE, actor).stream()
                        .map(p -> new Site(p.label() == null ? "candidate-" + p.seq() : p.label(), p.at()))
                        .toList();
        return build(existing, candidateSites, demand, measure);
    }

    private Planned build(List<Site> existing, List<Site> candidates, List<DemandPoint> demand, Measure measure) {
        if (measure.travel() == null || measure.limit() == null) {
            return new Planned(
                    CoverageProblem.of(existing, candidates, demand, measure.radius()), measure, OffNetwork.NONE);
        }
        List<Site> sites = new ArrayList<>(existing);
        sites.addAll(candidates);
        Map<Site, Integer> siteIndex = new HashMap<>();
        for (int s = 0; s < sites.size(); s++) siteIndex.putIfAbsent(sites.get(s), s);
        NetworkDistances.Catchments catchments = network.catchments(
                measure.travel(),
                sites.stream().map(Site::at).toList(),
                demand.stream().map(DemandPoint::at).toList(),
                measure.limit());
        CoverageProblem problem = CoverageProblem.of(
                existing,
                candidates,
                demand,
                site -> catchments.demandReachedFrom(
                        java.util.Objects.requireNonNull(siteIndex.get(site), "every site is indexed")));
        return new Planned(problem, measure, OffNetwork.of(catchments, existing, candidates, demand));
    }

    private static long setId(String field, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            if ("demand".equals(field)) throw ApiException.invalid(field, "planning.set.demand", field);
            throw ApiException.invalid(field, "planning.set.candidates", field);
        }
    }

    /** Station names by code, for answers that list stations by code: staff know them by name. */
    Map<String, String> stationNames(List<String> codes) {
        Map<String, String> names = new HashMap<>();
        if (codes.isEmpty()) return names;
        jdbc.sql("SELECT code, name FROM station WHERE code = ANY (:codes)")
                .param("codes", codes.toArray(String[]::new))
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** An existing station near a suggested site: staff place a site by a station they know. */
    record NearbyStation(String code, String name, LatLng location, double distanceMeters) {}

    /**
     * The nearest active station to each point (null where there is none), by geodesic distance:
     * one index-ordered lookup per point, in a single query.
     */
    List<@Nullable NearbyStation> nearestStations(List<LatLng> points) {
        List<@Nullable NearbyStation> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) out.add(null);
        if (points.isEmpty()) return out;
        jdbc.sql("""
                SELECT p.i, s.code, s.name, ST_Y(s.location::geometry), ST_X(s.location::geometry),
                       ST_Distance(s.location, ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326)::geography)
                  FROM unnest(CAST(:lats AS float8[]), CAST(:lngs AS float8[])) WITH ORDINALITY AS p(lat, lng, i)
                 CROSS JOIN LATERAL (
                       SELECT code, name, location FROM station
                        WHERE status = 'active'
                        ORDER BY location <-> ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326)::geography
                        LIMIT 1) s""")
                .param("lats", points.stream().mapToDouble(LatLng::lat).boxed().toArray(Double[]::new))
                .param("lngs", points.stream().mapToDouble(LatLng::lng).boxed().toArray(Double[]::new))
                .query(rs -> {
                    out.set(
                            rs.getInt(1) - 1,
                            new NearbyStation(
                                    rs.getString(2),
                                    rs.getString(3),
                                    new LatLng(rs.getDouble(4), rs.getDouble(5)),
                                    rs.getDouble(6)));
                });
        return out;
    }

    /** Active stations within the demand's bounding box widened by the radius. */
    private List<Site> stationsAround(List<PointSets.StoredPoint> demand, double radius) {
        double minLat = 90, maxLat = -90, minLng = 180, maxLng = -180;
        for (PointSets.StoredPoint p : demand) {
            minLat = Math.min(minLat, p.at().lat());
            maxLat = Math.max(maxLat, p.at().lat());
            minLng = Math.min(minLng, p.at().lng());
            maxLng = Math.max(maxLng, p.at().lng());
        }
        double dLat = radius / 111_000 * 1.1;
        double dLng = dLat / Math.max(0.2, Math.cos(Math.toRadians(Math.max(Math.abs(minLat), Math.abs(maxLat)))));
        return jdbc.sql("""
                SELECT code, ST_Y(location::geometry), ST_X(location::geometry) FROM station
                 WHERE status = 'active' AND location::geometry && ST_MakeEnvelope(:x0, :y0, :x1, :y1, 4326)""")
                .param("x0", minLng - dLng)
                .param("y0", minLat - dLat)
                .param("x1", maxLng + dLng)
                .param("y1", maxLat + dLat)
                .query((rs, n) -> new Site(rs.getString(1), new LatLng(rs.getDouble(2), rs.getDouble(3))))
                .list();
    }

    /**
     * Candidate sites on a grid of half the radius, kept only near demand that no station covers:
     * every uncovered point then has grid nodes within reach, and the problem stays small.
     */
    private static List<Site> grid(CoverageProblem coverage, double radius) {
        double stepLat = radius * GRID_SPACING_FRACTION / 111_000;
        Set<Long> nodes = new HashSet<>();
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < coverage.demand().size() && sites.size() < MAX_GRID_CANDIDATES; i++) {
            if (coverage.isCoveredByExisting(i)) continue;
            LatLng at = coverage.demand().get(i).at();
            double stepLng = stepLat / Math.cos(Math.toRadians(at.lat()));
            long row = Math.round(at.lat() / stepLat), col = Math.round(at.lng() / stepLng);
            for (long r = row - 1; r <= row + 1; r++) {
                for (long c = col - 1; c <= col + 1; c++) {
                    if (nodes.add(r * 10_000_000L + c)) {
                        sites.add(new Site("grid-" + r + "-" + c, new LatLng(r * stepLat, c * stepLng)));
                    }
                }
            }
        }
        return sites;
    }
}
