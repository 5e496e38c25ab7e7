package org.yizhan.locator.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.geo.planning.CoverageProblem;
import org.yizhan.geo.planning.CoverageReport;

/** Uncovered demand summed into square-ish grid cells, as GeoJSON polygons for a choropleth. */
final class GapCells {

    private GapCells() {}

    static Map<String, Object> featureCollection(CoverageProblem problem, CoverageReport report, double cellMeters) {
        double stepLat = cellMeters / 111_000;
        Map<Long, double[]> cells = new HashMap<>();
        for (int i : report.uncoveredDemand()) {
            LatLng at = problem.demand().get(i).at();
            long row = (long) Math.floor(at.lat() / stepLat);
            // The cell width follows its row's latitude, so neighbouring cells of a row tile exactly.
            double stepLng = stepLat / Math.cos(Math.toRadians((row + 0.5) * stepLat));
            long col = (long) Math.floor(at.lng() / stepLng);
            double[] acc = cells.computeIfAbsent(row * 100_000_000L + col, k -> new double[] {row, col, stepLng, 0, 0});
            acc[3] += problem.demand().get(i).weight();
            acc[4]++;
        }
        List<Map<String, Object>> features = new ArrayList<>();
        for (double[] c : cells.values()) {
            double lat0 = c[0] * stepLat, lng0 = c[1] * c[2], lat1 = lat0 + stepLat, lng1 = lng0 + c[2];
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("uncoveredWeight", c[3]);
            properties.put("points", (int) c[4]);
            features.add(GeoJson.feature(null, GeoJson.box(lng0, lat0, lng1, lat1), properties));
        }
        Map<String, Object> collection = GeoJson.featureCollection(features);
        collection.put("totalUncoveredWeight", report.totalWeight() - report.coveredWeight());
        return collection;
    }
}
