package org.yizhan.locator.division;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.division.Division;
import org.yizhan.geo.division.Divisions;
import org.yizhan.locator.web.ApiException;

/**
 * A region as accounts are scoped to it: a 2-, 4- or 6-digit division-code prefix. The workspace
 * shows the region's name, offers its county-level areas as the station's adcode, and opens the
 * map on the extent of the region's stations.
 */
@RestController
class DivisionController {

    private final Divisions divisions = Divisions.standard();
    private final JdbcClient jdbc;

    DivisionController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record County(
            @Schema(example = "150302") String code,
            @Schema(example = "海勃湾区") String name) {}

    record RegionResponse(
            @Schema(example = "1503") String prefix,
            @Schema(example = "乌海市") String name,
            @Schema(example = "内蒙古自治区 乌海市") String fullName,
            List<County> counties,

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
            throw ApiException.invalid("prefix", "A region is a 2-, 4- or 6-digit division code prefix, e.g. 1503.");
        }
        String code = (prefix + "000000").substring(0, 6);
        Division division = divisions
                .find(code)
                .orElseThrow(() -> ApiException.notFound(
                        "No such region", "There is no division with code " + code + " in GB/T 2260."));
        List<County> counties = divisions.countiesWithPrefix(prefix).stream()
                .map(d -> new County(d.code(), d.name()))
                .toList();
        return new RegionResponse(prefix, division.name(), divisions.fullName(code), counties, extent(prefix));
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
