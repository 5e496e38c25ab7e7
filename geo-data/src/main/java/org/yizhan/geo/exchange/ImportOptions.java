package org.yizhan.geo.exchange;

import java.util.Objects;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.division.Divisions;

/**
 * Settings of one import.
 *
 * @param crs the coordinate system of rows that do not name one in a 坐标系/crs column; GeoJSON
 *     files default to WGS-84 as RFC 7946 requires, unless this says otherwise
 * @param divisions the list that {@code adcode} must name a county-level area of
 */
public record ImportOptions(CoordinateSystem crs, Divisions divisions) {

    public ImportOptions {
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(divisions, "divisions");
    }

    /** WGS-84 and the shipped national division list. */
    public static ImportOptions defaults() {
        return new ImportOptions(CoordinateSystem.WGS84, Divisions.standard());
    }

    public ImportOptions withCrs(CoordinateSystem crs) {
        return new ImportOptions(crs, divisions);
    }
}
