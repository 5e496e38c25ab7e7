package org.yizhan.geo.planning;

import java.util.ArrayList;
import java.util.List;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

/** Test factories named after the instance they build. */
final class PlanningFixtures {

    private PlanningFixtures() {}

    /** About 60 demand points and 10 candidates on 4 × 4 km: small enough to enumerate every subset. */
    static InstanceGenerator.Instance tinyInstance(long seed) {
        return InstanceGenerator.generate(
                InstanceGenerator.Spec.wuhai(60, 10, 2, seed).withSize(4_000));
    }

    /** 400 demand × 60 candidates on 10 × 10 km, for comparisons against direct geodesic computation. */
    static InstanceGenerator.Instance smallInstance(long seed) {
        return InstanceGenerator.generate(
                InstanceGenerator.Spec.wuhai(400, 60, 6, seed).withSize(10_000));
    }

    /**
     * Demand on rings around one station and one candidate, 1 cm, 10 cm, 0.5 m and 5 m either side of
     * {@code radius}: where a flat-earth shortcut would get the answer wrong.
     */
    static InstanceGenerator.Instance rimInstance(double radius) {
        LatLng station = LatLng.of(39.65, 106.82);
        LatLng candidate = Geodesy.destination(station, 90, radius * 2.5);
        List<DemandPoint> demand = new ArrayList<>();
        double[] offsets = {-5, -0.5, -0.1, -0.01, 0.01, 0.1, 0.5, 5};
        for (LatLng centre : List.of(station, candidate)) {
            for (int azimuth = 0; azimuth < 360; azimuth += 15) {
                for (double offset : offsets) {
                    demand.add(new DemandPoint(
                            Geodesy.destination(centre, azimuth + 0.37, radius + offset),
                            1 + azimuth % 7,
                            azimuth < 180 ? "east" : "west"));
                }
            }
        }
        return new InstanceGenerator.Instance(
                List.of(new Site("station", station)), List.of(new Site("candidate", candidate)), demand);
    }
}
