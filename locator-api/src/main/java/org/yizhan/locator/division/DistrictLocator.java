package org.yizhan.locator.division;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.division.Division;
import org.yizhan.geo.division.DivisionBoundaries;
import org.yizhan.geo.division.Divisions;

/**
 * Which county-level division a point lies in, from the shipped boundaries. They hold the
 * municipalities' districts (a point in Beijing gives 110105 朝阳区) but only whole cities in the
 * provinces (a point in Wuhai gives 乌海市 and its three districts to choose from); there the
 * nearest active station of the city within {@link #SUGGESTION_METRES} suggests one of them.
 */
@Component
public class DistrictLocator {

    static final double SUGGESTION_METRES = 3_000;

    private final DivisionBoundaries boundaries = DivisionBoundaries.standard();
    private final Divisions divisions = Divisions.standard();
    private final JdbcClient jdbc;

    DistrictLocator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param adcode the county-level division the boundaries put the point in; null when they tell only the city
     * @param area the finest shipped division holding the point (a county or a city); null at sea or abroad
     * @param candidates the county-level divisions the point may lie in (the city's), for a picker
     * @param suggested when {@code adcode} is null: the division of the nearest active station of the same
     *     city within 3 km, a likely answer for staff to confirm; otherwise equal to {@code adcode}
     */
    public record Located(
            @Nullable String adcode,
            @Nullable Division area,
            List<Division> candidates,
            @Nullable String suggested) {}

    public Located locate(LatLng wgs84) {
        List<String> containing = boundaries.containing(wgs84);
        if (containing.isEmpty()) return new Located(null, null, List.of(), null);
        Division area = divisions.find(containing.get(0)).orElseThrow();
        if (area.level() == Division.Level.COUNTY) return new Located(area.code(), area, List.of(area), area.code());
        List<Division> counties = divisions.children(area.code()).stream()
                .filter(d -> d.level() == Division.Level.COUNTY)
                .toList();
        if (counties.size() == 1)
            return new Located(
                    counties.get(0).code(), area, counties, counties.get(0).code());
        String suggested = jdbc.sql("""
                SELECT adcode FROM station WHERE status = 'active' AND adcode LIKE :city
                   AND ST_DWithin(location, ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)::geography, :metres)
                 ORDER BY location <-> ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)::geography LIMIT 1""")
                .param("city", area.code().substring(0, 4) + "%")
                .param("lng", wgs84.lng())
                .param("lat", wgs84.lat())
                .param("metres", SUGGESTION_METRES)
                .query(String.class)
                .optional()
                .orElse(null);
        return new Located(null, area, counties, suggested);
    }
}
