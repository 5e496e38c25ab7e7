package org.yizhan.locator.division;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.division.Division;
import org.yizhan.geo.division.Divisions;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;

/**
 * A region as accounts are scoped to it: a 2-, 4- or 6-digit division-code prefix. The workspace
 * shows the region's name, offers its county-level areas as the station's adcode, and opens the
 * map on the extent of the region's stations.
 */
@RestController
class DivisionController {

    private final Divisions divisions = Divisions.standard();
    private final JdbcClient jdbc;
    private final DistrictLocator locator;

    DivisionController(JdbcClient jdbc, DistrictLocator locator) {
        this.jdbc = jdbc;
        this.locator = locator;
    }

    record Named(
            @Schema(example = "150300") String code,
            @Schema(example = "乌海市") String name,
            @Schema(example = "city") String level) {

        static Named of(Division d) {
            return new Named(d.code(), d.name(), d.level().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Operation(
            summary = "The provinces, for a division picker",
            description = "Each province's cities and counties: GET /api/v1/regions/{prefix} (children).")
    @GetMapping("/api/v1/regions")
    List<Named> provinces() {
        return divisions.children(null).stream().map(Named::of).toList();
    }

    record PointDivision(
            @Schema(
                    description = "County-level code the point lies in; absent where the boundaries tell only the city",
                    example = "110105")
            @Nullable
            String adcode,

            @Schema(
                    description =
                            "The finest division whose boundary holds the point (a municipality's district or a city)")
            @Nullable
            Named area,

            @Schema(description = "County-level divisions the point may lie in, for a picker")
            List<Named> candidates,

            @Schema(
                    description =
                            "Without adcode: the division of the nearest active station of the city within 3 km, for staff to confirm")
            @Nullable
            String suggested) {}

    @Operation(
            summary = "The division a point lies in (staff filling in a station's adcode)",
            description =
                    "From the shipped boundaries: county-level for the municipalities' districts, city-level elsewhere "
                            + "(then candidates lists the city's counties and suggested the nearest station's). crs: wgs84 (default), gcj02, bd09.")
    @GetMapping("/api/v1/divisions/at")
    PointDivision at(
            @RequestParam(required = false) @Nullable Double lat,
            @RequestParam(required = false) @Nullable Double lng,
            @RequestParam(required = false) @Nullable String crs) {
        LatLng wgs84 = GeoParams.crs(crs).toWgs84(GeoParams.point(lat, lng));
        DistrictLocator.Located found = locator.locate(wgs84);
        if (found.area() == null) {
            throw ApiException.of(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "division.noneAtPoint",
                            String.valueOf(lat),
                            String.valueOf(lng))
                    .with("field", "lat");
        }
        return new PointDivision(
                found.adcode(),
                Named.of(found.area()),
                found.candidates().stream().map(Named::of).toList(),
                found.suggested());
    }

    record County(
            @Schema(example = "150302") String code,
            @Schema(example = "海勃湾区") String name) {}

    record RegionResponse(
            @Schema(example = "1503") String prefix,
            @Schema(example = "乌海市") String name,
            @Schema(example = "内蒙古自治区 乌海市") String fullName,
            List<County> counties,

            @Schema(description = "The divisions directly under this one (a province's cities, a city's counties)")
            List<Named> children,

            @Schema(
                    description =
                            "minLng,minLat,maxLng,maxLat (WGS-84) of the region's stations of any status; absent if it has none")
            @Nullable
            List<Double> extent) {}

    @Operation(
            summary = "A region by its division-code prefix",
            description = "1503 = 乌海市, 150302 = 海勃湾区, 15 = 内蒙古自治区.")
    @GetMapping("/api/v1/regions/{prefix}")
    RegionResponse region(@PathVariable String prefix) {
        if (!prefix.matches("[0-9]{2}|[0-9]{4}|[0-9]{6}")) {
            throw ApiException.invalid("prefix", "region.prefix");
        }
        String code = (prefix + "000000").substring(0, 6);
        Division division = divisions.find(code).orElseThrow(() -> ApiException.notFound("region.unknown", code));
        List<County> counties = divisions.countiesWithPrefix(prefix).stream()
                .map(d -> new County(d.code(), d.name()))
                .toList();
        List<Named> children = prefix.length() == 6
                ? List.of()
                : divisions.children(code).stream().map(Named::of).toList();
        return new RegionResponse(
                prefix, division.name(), divisions.fullName(code), counties, children, extent(prefix));
    }

    private @Nullable List<Double> extent(String prefix) {
        return jdbc.sql("""
                SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
                  FROM (SELECT ST_Extent(location::geometry) AS e FROM station WHERE adcode LIKE :prefix) x
                 WHERE e IS NOT NULL""")
                .param("prefix", prefix + "%")
                .query((rs, n) -> List.of(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
                .optional()
                .orElse(null);
    }
}
