package org.yizhan.geo.planning;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

/**
 * The label of the nearest site on the WGS-84 ellipsoid, for many query points: a JTS STRtree over
 * the sites in degree space finds a first candidate, its geodesic distance bounds a lng/lat box
 * that must hold the true nearest, and the sites in that box are measured on the ellipsoid. Each
 * query costs a few index probes, so labelling 100,000 demand points takes well under a second,
 * whatever a database planner would have chosen.
 *
 * <p>The sites may be only those of a window around the queries (the caller read them from the
 * register by bounding box); {@link #nearest} then answers only when the box that must hold the
 * nearest site lies inside that window, and the caller widens the window for the rest.
 * Immutable and thread-safe after construction.
 */
public final class NearestLabels {

    /** A site and its label, e.g. a station and its division code. */
    public record LabelledSite(LatLng at, String label) {}

    /** Metres per degree of latitude are at least this anywhere on the WGS-84 ellipsoid (at the equator). */
    private static final double MIN_METRES_PER_DEGREE = 110_574;
    /** Room for the geodesic being shorter than the parallel arc and for rounding. */
    private static final double BOX_SLACK = 1.05;

    private final STRtree tree = new STRtree();
    private final Envelope window;
    private final int size;

    /**
     * @param sites the sites known inside {@code window} (every site of the register there)
     * @param window lng/lat box ({@code x} = lng) inside which {@code sites} is complete;
     *     {@code null} when {@code sites} is every site there is
     */
    public NearestLabels(List<LabelledSite> sites, @Nullable Envelope window) {
        for (LabelledSite s : sites)
            tree.insert(new Envelope(s.at().lng(), s.at().lng(), s.at().lat(), s.at().lat()), s);
        tree.build();
        this.window = window == null ? new Envelope(-180, 180, -90, 90) : window;
        this.size = sites.size();
    }

    /** Number of sites indexed. */
    public int size() {
        return size;
    }

    /**
     * The label of the site nearest {@code p} on the ellipsoid (ties: any of them), or {@code null}
     * when there is no site or a nearer one could lie outside the window.
     */
    public @Nullable String nearest(LatLng p) {
        if (size == 0) return null;
        Envelope at = new Envelope(p.lng(), p.lng(), p.lat(), p.lat());
        LabelledSite first = (LabelledSite) tree.nearestNeighbour(at, p, NearestLabels::degreeDistance);
        double best = Geodesy.distanceMeters(p, first.at());
        Envelope box = boxAround(p, best);
        if (!window.covers(box)) return null;
        String label = first.label();
        for (Object o : tree.query(box)) {
            LabelledSite s = (LabelledSite) o;
            double d = Geodesy.distanceMeters(p, s.at());
            if (d < best) {
                best = d;
                label = s.label();
            }
        }
        return label;
    }

    /** A lng/lat box holding every point within {@code metres} of {@code p}. */
    static Envelope boxAround(LatLng p, double metres) {
        double dLat = metres / MIN_METRES_PER_DEGREE * BOX_SLACK + 1e-9;
        double poleward = Math.min(90, Math.abs(p.lat()) + dLat);
        double cos = Math.cos(Math.toRadians(poleward));
        double dLng = cos < 1e-6 ? 360 : Math.min(360, dLat / cos);
        return new Envelope(p.lng() - dLng, p.lng() + dLng, p.lat() - dLat, p.lat() + dLat);
    }

    // Plain degree distance: consistent with the tree's envelope bound, which is all the first candidate needs.
    private static double degreeDistance(ItemBoundable a, ItemBoundable b) {
        LatLng x = itemPoint(a.getItem());
        LatLng y = itemPoint(b.getItem());
        return Math.hypot(x.lng() - y.lng(), x.lat() - y.lat());
    }

    private static LatLng itemPoint(Object item) {
        return item instanceof LabelledSite s ? s.at() : (LatLng) item;
    }
}
