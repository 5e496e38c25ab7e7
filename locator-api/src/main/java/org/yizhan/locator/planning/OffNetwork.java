package org.yizhan.locator.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.planning.DemandPoint;
import org.yizhan.geo.planning.Site;
import org.yizhan.locator.routing.NetworkDistances;

/**
 * Points the road network could not take (farther than {@code max-snap-meters} from a usable
 * road): reported, never silently dropped. Such demand counts as uncovered, such stations and
 * candidates cover nothing.
 *
 * @param demandPoints how many demand points are off the network
 * @param demandWeight their weight
 * @param demand the first of them (up to {@value #LISTED}), as lat/lng/weight
 * @param stations codes of existing stations off the network
 * @param candidateCount how many candidate sites are off the network
 * @param candidates ids of the first of them (up to {@value #LISTED})
 */
record OffNetwork(
        int demandPoints,
        double demandWeight,
        List<Map<String, Object>> demand,
        List<String> stations,
        int candidateCount,
        List<String> candidates) {

    static final int LISTED = 1_000;
    static final OffNetwork NONE = new OffNetwork(0, 0, List.of(), List.of(), 0, List.of());

    static OffNetwork of(
            NetworkDistances.Catchments catchments,
            List<Site> existing,
            List<Site> candidates,
            List<DemandPoint> demand) {
        int points = 0;
        double weight = 0;
        List<Map<String, Object>> listed = new ArrayList<>();
        for (int i = 0; i < demand.size(); i++) {
            if (catchments.demandOnNetwork(i)) continue;
            points++;
            weight += demand.get(i).weight();
            LatLng at = demand.get(i).at();
            if (listed.size() < LISTED) {
                Map<String, Object> point = new java.util.LinkedHashMap<>(); // one key order on every instance
                point.put("lat", at.lat());
                point.put("lng", at.lng());
                point.put("weight", demand.get(i).weight());
                listed.add(point);
            }
        }
        List<String> stations = new ArrayList<>();
        for (int s = 0; s < existing.size(); s++) {
            if (!catchments.siteOnNetwork(s)) stations.add(existing.get(s).id());
        }
        int candidateCount = 0;
        List<String> offCandidates = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            if (catchments.siteOnNetwork(existing.size() + c)) continue;
            candidateCount++;
            if (offCandidates.size() < LISTED)
                offCandidates.add(candidates.get(c).id());
        }
        return new OffNetwork(points, weight, listed, stations, candidateCount, offCandidates);
    }
}
