package org.yizhan.locator.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.planning.Coverage;
import org.yizhan.geo.planning.CoverageProblem;
import org.yizhan.geo.planning.CoverageReport;
import org.yizhan.geo.planning.CoveringPlan;
import org.yizhan.geo.planning.MaximalCovering;
import org.yizhan.geo.planning.PlannedSite;
import org.yizhan.geo.planning.Redundancy;
import org.yizhan.geo.planning.SetCover;
import org.yizhan.geo.planning.SetCoverPlan;
import org.yizhan.geo.planning.StationRedundancy;
import org.yizhan.locator.account.Actor;
import org.yizhan.locator.account.Role;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;

/**
 * Planning endpoints for union accounts. Analyses are GETs over stored sets so a result has a
 * URL: the planning view links them, and {@code format=geojson|csv} exports the same result.
 */
@RestController
@SecurityRequirement(name = "basic")
class PlanningController {

    static final String REACH_DISTANCE = "straight, walk or ride (walk and ride need a road graph); "
            + "default walk when the server has a road graph, else straight";
    static final String REACH_RADIUS =
            "Straight-line radius, or with walk/ride the route length limit, in metres (50-20,000; "
                    + "default 1,000 for straight)";
    static final String REACH_MINUTES = "With walk/ride: travel time limit in minutes (1-120; default 15)";

    private final PlanningService planning;
    private final PointSets sets;
    private final QueryDemandRecorder recorder;
    private final org.yizhan.geo.division.Divisions divisions = org.yizhan.geo.division.Divisions.standard();

    PlanningController(PlanningService planning, PointSets sets, QueryDemandRecorder recorder) {
        this.recorder = recorder;
        this.planning = planning;
        this.sets = sets;
    }

    @Operation(
            summary = "Upload demand points or candidate sites (.csv, .xlsx, .geojson); editors and admins",
            description = "Columns lat/纬度, lng/经度, optional weight/权重 and label/名称/区县; coordinates in crs. "
                    + "region = the division-code prefix the set belongs to, inside the account's regions "
                    + "(default: all of them; an admin's set without region is national, seen by admins only).")
    @PostMapping(value = "/api/v1/planning/sets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PointSets.PointSet upload(
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "demand") String kind,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(defaultValue = "") String region,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        List<String> owners = owners(user.actor(), region);
        if (file == null || file.isEmpty()) throw ApiException.invalid("file", "planning.file.missing");
        PointSets.Kind setKind = switch (kind) {
            case "demand" -> PointSets.Kind.DEMAND;
            case "candidate", "candidates" -> PointSets.Kind.CANDIDATE;
            default -> throw ApiException.invalid("kind", "planning.kind");
        };
        String fileName = file.getOriginalFilename() == null ? "points.csv" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            List<PointFile.Point> points = PointFile.read(in, fileName, GeoParams.crs(crs));
            return sets.save(
                    name == null || name.isBlank() ? fileName : name.trim(), setKind, points, user.username(), owners);
        }
    }

    /** The regions a new set belongs to; viewers read sets but do not add them. */
    private static List<String> owners(Actor actor, String region) {
        if (actor.role() == Role.VIEWER) {
            throw ApiException.of(org.springframework.http.HttpStatus.FORBIDDEN, "planning.viewer");
        }
        String prefix = region.trim();
        if (!prefix.isEmpty() && !prefix.matches("[0-9]{2}|[0-9]{4}|[0-9]{6}")) {
            throw ApiException.invalid("region", "planning.region");
        }
        if (prefix.isEmpty()) return actor.role() == Role.ADMIN ? List.of() : actor.regions();
        if (!actor.mayRead(prefix)) {
            throw ApiException.of(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "planning.region.outside",
                    String.join(", ", actor.regions()),
                    prefix);
        }
        return List.of(prefix);
    }

    @Operation(
            summary =
                    "Demand seen by the locator: query origins per ~300 m cell, cells with fewer than 5 queries suppressed",
            description = "farQueries counts queries whose nearest station was more than 1 km away: unmet demand.")
    @GetMapping(value = "/api/v1/planning/query-demand", produces = "application/geo+json")
    Map<String, Object> queryDemand(@RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 366) throw ApiException.invalid("days", "number.between", "days", 1, 366);
        recorder.flush();
        return PlanningExports.geoJson(sets.queryCells(days));
    }

    @Operation(summary = "Demand and candidate sets of the account's regions (admins: all)")
    @GetMapping("/api/v1/planning/sets")
    List<PointSets.PointSet> list(@AuthenticationPrincipal SignedInUser user) {
        return sets.all(user.actor());
    }

    record RenameForm(@Nullable String name) {}

    @Operation(summary = "Rename a demand or candidate set (editors of its region, admins)")
    @PatchMapping("/api/v1/planning/sets/{id}")
    PointSets.PointSet rename(
            @PathVariable long id, @RequestBody RenameForm form, @AuthenticationPrincipal SignedInUser user) {
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) throw ApiException.invalid("name", "planning.name.missing");
        if (name.length() > 200) throw ApiException.invalid("name", "text.tooLong", "name", 200);
        return sets.rename(id, name, user.actor());
    }

    @Operation(
            summary = "Delete a demand or candidate set with its points (editors of its region, admins)",
            description = "For a wrong upload or a test file; analyses that named the set answer 404 afterwards.")
    @DeleteMapping("/api/v1/planning/sets/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        sets.delete(id, user.actor());
        return ResponseEntity.noContent().build();
    }

    /** Coverage of one district; {@code name} is the division's name when the group is a division code. */
    record Group(
            String group, @Nullable String name, double totalWeight, double coveredWeight, double share, int points) {}

    record CoverageResponse(
            @Nullable Double radiusMeters,
            String distance,
            String limit,
            int stations,
            int demandPoints,
            double totalWeight,
            double coveredWeight,
            double share,
            List<Group> byGroup,
            int uncoveredPoints,
            List<Map<String, Object>> uncovered,
            OffNetwork offNetwork) {}

    @Operation(
            summary = "Coverage: share of demand weight within radius of an active station, overall and per district")
    @GetMapping("/api/v1/planning/coverage")
    ResponseEntity<?> coverage(
            @RequestParam String demand,
            @RequestParam(required = false) @Parameter(description = REACH_RADIUS) @Nullable Double radius,
            @RequestParam(required = false) @Parameter(description = REACH_DISTANCE) @Nullable String distance,
            @RequestParam(required = false) @Parameter(description = REACH_MINUTES) @Nullable Double minutes,
            @RequestParam(defaultValue = "30") int days,
            @RequestParam(defaultValue = "json") String format,
            @AuthenticationPrincipal SignedInUser user) {
        PlanningService.Planned planned = planning.problem(
                planning.demand(demand, days, user.actor()),
                null,
                planning.measure(distance, radius, minutes),
                user.actor());
        CoverageProblem problem = planned.problem();
        CoverageReport report = Coverage.of(problem);
        List<Map<String, Object>> uncovered = new ArrayList<>();
        for (int i : report.uncoveredDemand()) {
            if (uncovered.size() == 5_000) break;
            var d = problem.demand().get(i);
            uncovered.add(point(d.at(), Map.of("weight", d.weight(), "group", String.valueOf(d.group()))));
        }
        if (!"json".equals(format)) return export("uncovered-demand", format, uncovered);
        List<Group> groups = report.byGroup().values().stream()
                .map(g -> new Group(
                        g.group(),
                        divisions.find(g.group()).map(d -> d.name()).orElse(null),
                        g.totalWeight(),
                        g.coveredWeight(),
                        g.share(),
                        g.points()))
                .toList();
        Measure measure = planned.measure();
        return ResponseEntity.ok(new CoverageResponse(
                measure.radiusMeters(),
                measure.distance(),
                measure.describe(),
                problem.existing().size(),
                problem.demand().size(),
                report.totalWeight(),
                report.coveredWeight(),
                report.share(),
                groups,
                report.uncoveredDemand().size(),
                uncovered,
                planned.offNetwork()));
    }

    @Operation(summary = "Gaps: uncovered demand weight summed per grid cell, as GeoJSON polygons for a choropleth")
    @GetMapping(value = "/api/v1/planning/gaps", produces = "application/geo+json")
    Map<String, Object> gaps(
            @RequestParam String demand,
            @RequestParam(required = false) @Parameter(description = REACH_RADIUS) @Nullable Double radius,
            @RequestParam(required = false) @Parameter(description = REACH_DISTANCE) @Nullable String distance,
            @RequestParam(required = false) @Parameter(description = REACH_MINUTES) @Nullable Double minutes,
            @RequestParam(defaultValue = "500") double cell,
            @RequestParam(defaultValue = "30") int days,
            @AuthenticationPrincipal SignedInUser user) {
        if (!(cell >= 100 && cell <= 5_000)) throw ApiException.invalid("cell", "planning.cell");
        PlanningService.Planned planned = planning.problem(
                planning.demand(demand, days, user.actor()),
                null,
                planning.measure(distance, radius, minutes),
                user.actor());
        Map<String, Object> cells = new LinkedHashMap<>(
                GapCells.featureCollection(planned.problem(), Coverage.of(planned.problem()), cell));
        cells.put("distance", planned.measure().distance());
        cells.put("limit", planned.measure().describe());
        cells.put("offNetwork", planned.offNetwork());
        return cells;
    }

    /** {@code nearestStation}: the existing station nearest to the site, to say where it is in staff words. */
    record SuggestedSite(
            int rank,
            String id,
            LatLng location,
            double marginalGain,
            int marginalPoints,
            PlanningService.@Nullable NearbyStation nearestStation) {}

    record SuggestionResponse(
            @Nullable Double radiusMeters,
            String distance,
            String limit,
            int k,
            int candidates,
            List<SuggestedSite> sites,
            double weightBefore,
            double weightAfter,
            double shareBefore,
            double shareAfter,
            long millis,
            OffNetwork offNetwork) {}

    @Operation(
            summary = "Suggest k new sites (maximal covering) keeping existing stations",
            description = "Greedy with lazy gains, then swap local search. candidates = an uploaded set id, or grid.")
    @GetMapping("/api/v1/planning/suggestions")
    ResponseEntity<?> suggest(
            @RequestParam String demand,
            @RequestParam(defaultValue = "grid") String candidates,
            @RequestParam(defaultValue = "5") int k,
            @RequestParam(required = false) @Parameter(description = REACH_RADIUS) @Nullable Double radius,
            @RequestParam(required = false) @Parameter(description = REACH_DISTANCE) @Nullable String distance,
            @RequestParam(required = false) @Parameter(description = REACH_MINUTES) @Nullable Double minutes,
            @RequestParam(defaultValue = "30") int days,
            @RequestParam(defaultValue = "json") String format,
            @AuthenticationPrincipal SignedInUser user) {
        if (k < 1 || k > 500) throw ApiException.invalid("k", "number.between", "k", 1, 500);
        long started = System.nanoTime();
        PlanningService.Planned planned = planning.problem(
                planning.demand(demand, days, user.actor()),
                candidates,
                planning.measure(distance, radius, minutes),
                user.actor());
        CoverageProblem problem = planned.problem();
        CoveringPlan plan = MaximalCovering.solve(problem, k);
        List<SuggestedSite> sites = ranked(plan.sites());
        if (!"json".equals(format))
            return export(
                    "suggested-sites",
                    format,
                    sites.stream().map(PlanningController::siteProperties).toList());
        Measure measure = planned.measure();
        return ResponseEntity.ok(new SuggestionResponse(
                measure.radiusMeters(),
                measure.distance(),
                measure.describe(),
                k,
                problem.candidates().size(),
                sites,
                plan.weightBefore(),
                plan.weightAfter(),
                plan.shareBefore(),
                plan.shareAfter(),
                (System.nanoTime() - started) / 1_000_000,
                planned.offNetwork()));
    }

    record FullCoverResponse(
            @Nullable Double radiusMeters,
            String distance,
            String limit,
            int sitesNeeded,
            List<SuggestedSite> sites,
            double shareBefore,
            double shareAfter,
            int uncoverablePoints,
            double uncoverableWeight,
            OffNetwork offNetwork) {}

    @Operation(summary = "Fewest new sites that cover all coverable demand (greedy set cover)")
    @GetMapping("/api/v1/planning/full-cover")
    FullCoverResponse fullCover(
            @RequestParam String demand,
            @RequestParam(defaultValue = "grid") String candidates,
            @RequestParam(required = false) @Parameter(description = REACH_RADIUS) @Nullable Double radius,
            @RequestParam(required = false) @Parameter(description = REACH_DISTANCE) @Nullable String distance,
            @RequestParam(required = false) @Parameter(description = REACH_MINUTES) @Nullable Double minutes,
            @RequestParam(defaultValue = "30") int days,
            @AuthenticationPrincipal SignedInUser user) {
        PlanningService.Planned planned = planning.problem(
                planning.demand(demand, days, user.actor()),
                candidates,
                planning.measure(distance, radius, minutes),
                user.actor());
        SetCoverPlan plan = SetCover.solve(planned.problem());
        Measure measure = planned.measure();
        return new FullCoverResponse(
                measure.radiusMeters(),
                measure.distance(),
                measure.describe(),
                plan.sites().size(),
                ranked(plan.sites()),
                plan.shareBefore(),
                plan.shareAfter(),
                plan.uncoverableDemand().size(),
                plan.uncoverableWeight(),
                planned.offNetwork());
    }

    /** {@code name}: the station's name as the register has it. */
    record RedundancyRow(String code, String name, LatLng location, double coveredWeight, double uniqueWeight) {}

    @Operation(summary = "Redundancy: demand only each station covers, least first (relocation candidates)")
    @GetMapping("/api/v1/planning/redundancy")
    List<RedundancyRow> redundancy(
            @RequestParam String demand,
            @RequestParam(required = false) @Parameter(description = REACH_RADIUS) @Nullable Double radius,
            @RequestParam(required = false) @Parameter(description = REACH_DISTANCE) @Nullable String distance,
            @RequestParam(required = false) @Parameter(description = REACH_MINUTES) @Nullable Double minutes,
            @RequestParam(defaultValue = "30") int days,
            @AuthenticationPrincipal SignedInUser user) {
        List<StationRedundancy> ranked = Redundancy.rank(planning.problem(
                        planning.demand(demand, days, user.actor()),
                        null,
                        planning.measure(distance, radius, minutes),
                        user.actor())
                .problem());
        Map<String, String> names =
                planning.stationNames(ranked.stream().map(r -> r.station().id()).toList());
        return ranked.stream()
                .map(r -> new RedundancyRow(
                        r.station().id(),
                        names.getOrDefault(r.station().id(), r.station().id()),
                        r.station().at(),
                        r.coveredWeight(),
                        r.uniqueWeight()))
                .toList();
    }

    private List<SuggestedSite> ranked(List<PlannedSite> planned) {
        List<PlanningService.@Nullable NearbyStation> nearest = planning.nearestStations(
                planned.stream().map(p -> p.site().at()).toList());
        List<SuggestedSite> out = new ArrayList<>();
        for (PlannedSite p : planned)
            out.add(new SuggestedSite(
                    out.size() + 1,
                    p.site().id(),
                    p.site().at(),
                    p.marginalGain(),
                    p.marginalPoints(),
                    nearest.get(out.size())));
        return out;
    }

    private static Map<String, Object> siteProperties(SuggestedSite s) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("rank", s.rank());
        properties.put("id", s.id());
        properties.put("marginalGain", s.marginalGain());
        properties.put("marginalPoints", s.marginalPoints());
        PlanningService.NearbyStation near = s.nearestStation();
        properties.put("nearestStationCode", near == null ? "" : near.code());
        properties.put("nearestStationName", near == null ? "" : near.name());
        properties.put("nearestStationMeters", near == null ? "" : Math.round(near.distanceMeters()));
        return point(s.location(), properties);
    }

    private static Map<String, Object> point(LatLng at, Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lat", at.lat());
        out.put("lng", at.lng());
        out.putAll(properties);
        return out;
    }

    private static ResponseEntity<?> export(String name, String format, List<Map<String, Object>> rows) {
        return switch (format) {
            case "geojson" ->
                ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".geojson\"")
                        .contentType(MediaType.parseMediaType("application/geo+json"))
                        .body(PlanningExports.geoJson(rows));
            case "csv" ->
                ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                        .body(PlanningExports.csv(rows));
            default -> throw ApiException.invalid("format", "planning.format");
        };
    }
}
