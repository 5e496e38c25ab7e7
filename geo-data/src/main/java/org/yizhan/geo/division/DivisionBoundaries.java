package org.yizhan.geo.division;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

/**
 * Checks that a WGS-84 point lies in its declared county-level division, against simplified
 * boundaries shipped as data ({@code boundaries/divisions.txt}; source, licence, accuracy and how to
 * regenerate in {@code boundaries/README.md}): every prefecture-level city of mainland China, and
 * the districts and counties of the four municipalities. A county of a province is therefore
 * checked against its city. Immutable and thread-safe.
 *
 * <p>The boundaries are approximate (drawn for small-scale maps, simplified by about 100 m, vintage
 * about 2016-2017), so a caller should reject {@link Verdict.Status#OUTSIDE} only beyond a
 * tolerance, {@link #DEFAULT_TOLERANCE_METRES} unless it knows better.
 */
public final class DivisionBoundaries {

    /** Distance beyond a boundary that data accuracy cannot rule out: reject only past this. */
    public static final double DEFAULT_TOLERANCE_METRES = 1000;

    private static final String RESOURCE = "boundaries/divisions.txt";
    private static final double PRECISION = 1e4; // tools/BoundariesGenerator.java writes 1e-4 degree
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final Map<String, Shape> byCode;
    private final STRtree index = new STRtree();
    private final Divisions divisions;

    private record Shape(String code, PreparedGeometry prepared, IndexedFacetDistance facets) {

        Shape(String code, Geometry g) {
            this(code, PreparedGeometryFactory.prepare(g), new IndexedFacetDistance(g));
        }

        boolean contains(Point p) {
            return prepared.covers(p);
        }

        Geometry geometry() {
            return prepared.getGeometry();
        }

        // Nearest boundary point in degree space, then its geodesic distance: within about
        // 1/cos(lat) of the true shortest distance, plenty for a tolerance check.
        double distanceMetres(Point p, LatLng wgs84) {
            Coordinate nearest = facets.nearestPoints(p)[0];
            return Geodesy.distanceMeters(wgs84, new LatLng(nearest.y, nearest.x));
        }
    }

    /**
     * The outcome of a check.
     *
     * @param status where the point lies
     * @param checkedCode the division whose boundary was used: the declared code itself, or its city
     *     when no boundary is shipped for the code; {@code null} for {@link Status#UNKNOWN}
     * @param distanceMetres for {@link Status#OUTSIDE}, approximate geodesic distance from the point to
     *     that boundary; otherwise 0
     */
    public record Verdict(Status status, @Nullable String checkedCode, double distanceMetres) {

        /** Where the point lies relative to the declared division. */
        public enum Status {
            INSIDE,
            OUTSIDE,
            /** No boundary shipped for the division or its city, or the data cannot decide. */
            UNKNOWN
        }

        static final Verdict UNKNOWN = new Verdict(Status.UNKNOWN, null, 0);

        /** Whether the point is inside, unknown, or outside by at most {@code toleranceMetres}. */
        public boolean acceptable(double toleranceMetres) {
            return status != Status.OUTSIDE || distanceMetres <= toleranceMetres;
        }
    }

    private DivisionBoundaries(Map<String, Shape> byCode, Divisions divisions) {
        this.byCode = byCode;
        this.divisions = divisions;
        for (Shape c : byCode.values()) {
            index.insert(c.geometry().getEnvelopeInternal(), c);
        }
        index.build();
    }

    /** The shipped boundaries, loaded on first use and shared afterwards. */
    public static DivisionBoundaries standard() {
        return Holder.STANDARD;
    }

    // Class-holder idiom: loaded once, lazily, without locking on later calls.
    private static final class Holder {
        static final DivisionBoundaries STANDARD = load();
    }

    private static DivisionBoundaries load() {
        try (InputStream in = DivisionBoundaries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), Divisions.standard());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads lines of {@code code TAB name TAB polygons}: polygons separated by a space, a polygon's
     * rings (shell first) by a comma, each ring a Google encoded polyline at 1e-4 degree without its
     * closing vertex.
     */
    static DivisionBoundaries parse(BufferedReader reader, Divisions divisions) throws IOException {
        Map<String, Shape> map = new TreeMap<>();
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String[] parts = f[2].split(" ");
            Polygon[] polygons = new Polygon[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String[] rings = parts[i].split(",");
                LinearRing[] holes = new LinearRing[rings.length - 1];
                for (int k = 1; k < rings.length; k++) {
                    holes[k - 1] = decodeRing(rings[k]);
                }
                polygons[i] = GEOMETRY.createPolygon(decodeRing(rings[0]), holes);
            }
            Geometry g = GEOMETRY.createMultiPolygon(polygons);
            map.put(f[0], new Shape(f[0], g));
        }
        return new DivisionBoundaries(map, divisions);
    }

    private static LinearRing decodeRing(String s) {
        List<Coordinate> cs = new ArrayList<>();
        int i = 0;
        long lat = 0;
        long lng = 0;
        while (i < s.length()) {
            long[] v = new long[2];
            for (int k = 0; k < 2; k++) {
                long result = 0;
                int shift = 0;
                int b;
                do {
                    b = s.charAt(i++) - 63;
                    result |= (long) (b & 0x1f) << shift;
                    shift += 5;
                } while (b >= 0x20);
                v[k] = (result & 1) != 0 ? ~(result >> 1) : result >> 1;
            }
            lat += v[0];
            lng += v[1];
            cs.add(new Coordinate(lng / PRECISION, lat / PRECISION));
        }
        cs.add(cs.get(0).copy());
        return GEOMETRY.createLinearRing(cs.toArray(Coordinate[]::new));
    }

    /**
     * Where {@code wgs84} lies relative to the county-level division {@code adcode}.
     *
     * <p>If a boundary is shipped for the code itself (a municipality's district, or any code passed
     * in directly): INSIDE or OUTSIDE it. Otherwise against its city (the city's own boundary, or the
     * union of its shipped districts): INSIDE; OUTSIDE only when the point lies in a shipped division
     * of another city, so that data older than a redistricting, the sea or a border cannot produce a
     * false OUTSIDE; else UNKNOWN. UNKNOWN as well when nothing is shipped for the code or its city.
     */
    public Verdict check(String adcode, LatLng wgs84) {
        Objects.requireNonNull(adcode, "adcode");
        Point p = GEOMETRY.createPoint(new Coordinate(wgs84.lng(), wgs84.lat()));
        Shape own = byCode.get(adcode);
        if (own != null) {
            return own.contains(p)
                    ? new Verdict(Verdict.Status.INSIDE, adcode, 0)
                    : new Verdict(Verdict.Status.OUTSIDE, adcode, own.distanceMetres(p, wgs84));
        }
        String city = divisions
                .find(adcode)
                .filter(d -> d.level() == Division.Level.COUNTY)
                .map(Division::parentCode)
                .flatMap(divisions::find)
                .filter(d -> d.level() == Division.Level.CITY)
                .map(Division::code)
                .orElse(null);
        List<Shape> cityShapes = city == null ? List.of() : shapesOfCity(city);
        if (city == null || cityShapes.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        if (cityShapes.stream().anyMatch(c -> c.contains(p))) {
            return new Verdict(Verdict.Status.INSIDE, city, 0);
        }
        if (!inAnotherCity(p, city)) {
            return Verdict.UNKNOWN;
        }
        double d = cityShapes.stream()
                .mapToDouble(c -> c.distanceMetres(p, wgs84))
                .min()
                .orElseThrow();
        return new Verdict(Verdict.Status.OUTSIDE, city, d);
    }

    private List<Shape> shapesOfCity(String city) {
        Shape whole = byCode.get(city);
        if (whole != null) {
            return List.of(whole);
        }
        return divisions.countiesWithPrefix(city.substring(0, 4)).stream()
                .filter(d -> city.equals(d.parentCode()))
                .map(d -> byCode.get(d.code()))
                .filter(Objects::nonNull)
                .toList();
    }

    private boolean inAnotherCity(Point p, String city) {
        for (Object o : index.query(p.getEnvelopeInternal())) {
            Shape s = (Shape) o;
            if (!city.equals(cityOf(s.code())) && s.contains(p)) {
                return true;
            }
        }
        return false;
    }

    // A shipped code is a city, or a county whose parent is its city (or province, for counties
    // directly under a province, which then count as a city of their own).
    private @Nullable String cityOf(String code) {
        return divisions
                .find(code)
                .map(d -> d.level() == Division.Level.COUNTY
                                && d.parentCode() != null
                                && divisions
                                        .find(d.parentCode())
                                        .filter(c -> c.level() == Division.Level.CITY)
                                        .isPresent()
                        ? d.parentCode()
                        : d.code())
                .orElse(code);
    }

    /** Whether a boundary is shipped for exactly this code (a city, or a municipality's district). */
    public boolean hasBoundary(String adcode) {
        return byCode.containsKey(adcode);
    }

    /** Number of divisions with a shipped boundary. */
    public int size() {
        return byCode.size();
    }
}
