package org.yizhan.geo.osm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.yizhan.geo.LatLng;

/**
 * A seeded, generated city as OSM data: an {@code n × n} street grid split by an east-west river
 * that only bridges cross, an expressway on the south bank that streets cross only by
 * underpasses, gated compounds whose inner streets are private, and diagonal footpaths. Real
 * extracts cannot be downloaded where the tests run; this gives the routing code the same
 * kinds of obstacle with distances that can be checked by hand.
 *
 * <p>Street corners are numbered by column {@code c} (west to east) and row {@code r} (south to
 * north); {@link #corner} gives their positions. Rows below {@link Layout#riverRow()} are the
 * south bank.
 */
public final class GeneratedCity {

    /**
     * The shape of the city.
     *
     * @param origin position of corner (0, 0), the south-west corner
     * @param n corners per side (at least 8)
     * @param spacing metres between neighbouring streets
     * @param riverGap metres between the last south-bank row and the first north-bank row
     * @param jitter largest random shift of a corner, metres (streets are never perfectly straight)
     */
    public record Layout(LatLng origin, int n, double spacing, double riverGap, double jitter) {

        public Layout {
            if (n < 8) {
                throw new IllegalArgumentException("a city needs at least 8 streets a side, got " + n);
            }
        }

        /** The 10 × 10 test city: streets 200 m apart, a 300 m wide river, corners shifted by up to 3 m. */
        public static Layout small(LatLng origin) {
            return new Layout(origin, 10, 200, 300, 3);
        }

        public int riverRow() {
            return n / 2;
        }

        /** The expressway runs between this column and the one before it. */
        public int expresswayColumn() {
            return 2 * n / 3;
        }

        public boolean isBridge(int column) {
            return column % 8 == 1;
        }

        /** South-bank rows whose street passes under the expressway. */
        public boolean isUnderpass(int row) {
            return row < riverRow() && row % 8 == 2;
        }

        /** South-west corners (column, row) of the gated compounds, each 3 blocks by 2. */
        public List<int[]> compounds() {
            List<int[]> out = new ArrayList<>();
            for (int r = riverRow() + 1; r + 2 < n; r += 12) {
                for (int c = 2; c + 3 < n; c += 12) {
                    out.add(new int[] {c, r});
                }
            }
            return out;
        }

        /** Metres east of the origin of column {@code c}, before jitter. */
        public double x(int c) {
            return c * spacing;
        }

        /** Metres north of the origin of row {@code r}, before jitter. */
        public double y(int r) {
            return r * spacing + (r >= riverRow() ? riverGap - spacing : 0);
        }
    }

    private static final String[] STEMS = {
        "建设", "人民", "解放", "和平", "新华", "友谊", "滨河", "迎宾", "育才", "光明", "幸福", "胜利", "团结", "朝阳", "文化", "青年"
    };

    private final Layout layout;
    private final long seed;
    private final List<OsmNode> nodes = new ArrayList<>();
    private final List<OsmWay> ways = new ArrayList<>();
    private final LatLng[] corners;
    private final double metersPerDegLat;
    private final double metersPerDegLng;
    private long nextId;

    private GeneratedCity(Layout layout, long seed) {
        this.layout = layout;
        this.seed = seed;
        int n = layout.n();
        double lat0 = Math.toRadians(layout.origin().lat());
        // WGS-84 radii of curvature at the origin: metres per degree are right to 1e-5 over a city.
        double e2 = 0.00669437999014;
        double w = 1 - e2 * Math.sin(lat0) * Math.sin(lat0);
        metersPerDegLat = 6_378_137.0 * (1 - e2) / (w * Math.sqrt(w)) * Math.PI / 180;
        metersPerDegLng = 6_378_137.0 / Math.sqrt(w) * Math.cos(lat0) * Math.PI / 180;
        SplittableRandom random = new SplittableRandom(seed);
        corners = new LatLng[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double dx = (random.nextDouble() * 2 - 1) * layout.jitter();
                double dy = (random.nextDouble() * 2 - 1) * layout.jitter();
                corners[r * n + c] = at(layout.x(c) + dx, layout.y(r) + dy);
                nodes.add(new OsmNode(cornerId(c, r), corners[r * n + c], Map.of()));
            }
        }
        nextId = (long) n * n + 1;
        String[] rowNames = names(random, n, "路");
        String[] columnNames = names(random, n, "街");
        streets(rowNames, columnNames);
        footpaths();
        river();
        expressway();
    }

    /** The city for {@code layout}; the same seed gives the same city. */
    public static GeneratedCity generate(Layout layout, long seed) {
        return new GeneratedCity(layout, seed);
    }

    public Layout layout() {
        return layout;
    }

    public long seed() {
        return seed;
    }

    public List<OsmNode> nodes() {
        return List.copyOf(nodes);
    }

    public List<OsmWay> ways() {
        return List.copyOf(ways);
    }

    /** The position of street corner ({@code c}, {@code r}). */
    public LatLng corner(int c, int r) {
        return corners[r * layout.n() + c];
    }

    /** The OSM node id of street corner ({@code c}, {@code r}). */
    public long cornerId(int c, int r) {
        return (long) r * layout.n() + c + 1;
    }

    /** A position {@code x} metres east and {@code y} metres north of the origin. */
    public LatLng at(double x, double y) {
        return new LatLng(
                layout.origin().lat() + y / metersPerDegLat, layout.origin().lng() + x / metersPerDegLng);
    }

    private static String[] names(SplittableRandom random, int n, String suffix) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = STEMS[random.nextInt(STEMS.length)]
                    + (i / STEMS.length > 0 ? (i / STEMS.length + 1) + "" : "")
                    + (i % 2 == 0 ? "东" : "西")
                    + suffix;
        }
        return out;
    }

    private boolean inCompound(int c, int r, boolean horizontal) {
        for (int[] box : layout.compounds()) {
            int c0 = box[0], r0 = box[1];
            if (horizontal && r == r0 + 1 && c >= c0 && c < c0 + 3) {
                return true;
            }
            if (!horizontal && (c == c0 + 1 || c == c0 + 2) && r >= r0 && r < r0 + 2) {
                return true;
            }
        }
        return false;
    }

    private void streets(String[] rowNames, String[] columnNames) {
        int n = layout.n();
        int river = layout.riverRow();
        int e = layout.expresswayColumn();
        for (int r = 0; r < n; r++) {
            Map<String, String> tags = Map.of("highway", r % 5 == 0 ? "secondary" : "residential", "name", rowNames[r]);
            List<Long> run = new ArrayList<>();
            for (int c = 0; c + 1 < n; c++) {
                boolean cut = r < river && c == e - 1 && !layout.isUnderpass(r);
                if (cut || inCompound(c, r, true)) {
                    flush(run, tags);
                    if (!cut) {
                        privateStreet(cornerId(c, r), cornerId(c + 1, r), corner(c, r), corner(c + 1, r));
                    }
                    continue;
                }
                if (run.isEmpty()) {
                    run.add(cornerId(c, r));
                }
                run.add(cornerId(c + 1, r));
            }
            flush(run, tags);
        }
        for (int c = 0; c < n; c++) {
            Map<String, String> tags =
                    Map.of("highway", c % 5 == 0 ? "secondary" : "residential", "name", columnNames[c]);
            List<Long> run = new ArrayList<>();
            for (int r = 0; r + 1 < n; r++) {
                if (r + 1 == river || inCompound(c, r, false)) {
                    flush(run, tags);
                    if (r + 1 == river && layout.isBridge(c)) {
                        Map<String, String> bridge = new HashMap<>(tags);
                        bridge.put("bridge", "yes");
                        bridge.put("layer", "1");
                        ways.add(new OsmWay(nextId++, List.of(cornerId(c, r), cornerId(c, r + 1)), bridge));
                    } else if (r + 1 != river) {
                        privateStreet(cornerId(c, r), cornerId(c, r + 1), corner(c, r), corner(c, r + 1));
                    }
                    continue;
                }
                if (run.isEmpty()) {
                    run.add(cornerId(c, r));
                }
                run.add(cornerId(c, r + 1));
            }
            flush(run, tags);
        }
    }

    private void flush(List<Long> run, Map<String, String> tags) {
        if (run.size() >= 2) {
            ways.add(new OsmWay(nextId++, run, tags));
        }
        run.clear();
    }

    /**
     * A street inside a compound: private, with a gate a few metres in from each end that is a
     * public street corner. Gates sit on the private street itself so the public street
     * through the corner stays open.
     */
    private void privateStreet(long from, long to, LatLng a, LatLng b) {
        long gateA = gate(a, b);
        long gateB = gate(b, a);
        ways.add(new OsmWay(
                nextId++,
                List.of(from, gateA, gateB, to),
                Map.of("highway", "service", "service", "driveway", "access", "private")));
    }

    private long gate(LatLng at, LatLng towards) {
        double f = 12 / layout.spacing();
        LatLng p = new LatLng(at.lat() + (towards.lat() - at.lat()) * f, at.lng() + (towards.lng() - at.lng()) * f);
        long id = nextId++;
        nodes.add(new OsmNode(id, p, Map.of("barrier", "gate", "access", "private")));
        return id;
    }

    /** Diagonal footpaths across park blocks on the south bank, west of the expressway. */
    private void footpaths() {
        for (int r = 0; r + 1 < layout.riverRow(); r += 12) {
            for (int c = 0; c + 1 < layout.expresswayColumn(); c += 12) {
                ways.add(new OsmWay(
                        nextId++, List.of(cornerId(c, r), cornerId(c + 1, r + 1)), Map.of("highway", "footway")));
            }
        }
    }

    private void river() {
        double y = (layout.y(layout.riverRow() - 1) + layout.y(layout.riverRow())) / 2;
        long west = node(at(-layout.spacing(), y));
        long east = node(at(layout.x(layout.n() - 1) + layout.spacing(), y));
        ways.add(new OsmWay(nextId++, List.of(west, east), Map.of("waterway", "river", "name", "清水河")));
    }

    /** Carried over the underpass streets on bridges; it shares no node with any street. */
    private void expressway() {
        double x = (layout.x(layout.expresswayColumn() - 1) + layout.x(layout.expresswayColumn())) / 2;
        Map<String, String> road = Map.of("highway", "motorway", "name", "环城快速路", "ref", "G6");
        List<Long> run = new ArrayList<>();
        run.add(node(at(x, -layout.spacing() / 2)));
        for (int r = 0; r < layout.riverRow(); r++) {
            if (!layout.isUnderpass(r)) {
                continue;
            }
            long a = node(at(x, layout.y(r) - 30));
            run.add(a);
            flush(run, road);
            long b = node(at(x, layout.y(r) + 30));
            Map<String, String> bridge = new HashMap<>(road);
            bridge.put("bridge", "yes");
            bridge.put("layer", "1");
            ways.add(new OsmWay(nextId++, List.of(a, b), bridge));
            run.add(b);
        }
        run.add(node(at(x, layout.y(layout.riverRow() - 1) + layout.spacing() / 4)));
        flush(run, road);
    }

    private long node(LatLng at) {
        long id = nextId++;
        nodes.add(new OsmNode(id, at, Map.of()));
        return id;
    }
}
