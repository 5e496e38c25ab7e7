import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.ChinaCoordinates;

/**
 * Development-time step 2 of 2 for the division boundaries (step 1: boundaries-extract.js). Reads
 * the extracted polygons (code, name, WKT in GCJ-02) of cities and county-level areas, keeps only
 * divisions whose code and name are both current in divisions.tsv, converts every vertex GCJ-02 -> WGS-84, simplifies with
 * JTS TopologyPreservingSimplifier (0.001 degree, about 100 m; -Dtolerance=... to change) and writes divisions.txt in the
 * format DivisionBoundaries reads. Run from geo-data/ after compiling the module:
 *
 * <pre>
 *   JTS=~/.m2/repository/org/locationtech/jts/jts-core/1.20.0/jts-core-1.20.0.jar
 *   java -cp $JTS:target/classes tools/BoundariesGenerator.java /tmp/divisions-gcj.tsv \
 *     src/main/resources/org/yizhan/geo/division/divisions.tsv \
 *     src/main/resources/org/yizhan/geo/division/boundaries/divisions.txt
 * </pre>
 */
public class BoundariesGenerator {

  static final double TOLERANCE_DEGREES = Double.parseDouble(System.getProperty("tolerance", "0.001"));
  static final double PRECISION = 1e4; // must match DivisionBoundaries.PRECISION

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: BoundariesGenerator <divisions-gcj.tsv> <divisions.tsv> <out>");
      System.exit(2);
    }
    Map<String, String> current = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f.length == 4 && !f[2].equals("province")) {
        current.put(f[0], f[1]);
      }
    }
    WKTReader wkt = new WKTReader();
    TreeMap<String, String> out = new TreeMap<>();
    int dropped = 0;
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (!f[1].equals(current.get(f[0]))) {
        // Code gone (莱芜市 371200, merged into 济南市) or now naming another area: a stale shape
        // would produce false OUTSIDE verdicts, so such codes are left without a boundary.
        System.err.println("dropped stale " + f[0] + " " + f[1] + " (now " + current.get(f[0]) + ")");
        dropped++;
        continue;
      }
      Geometry g = GeometryFixer.fix(wkt.read(f[2]));
      g.apply((Coordinate c) -> {
        LatLng w = ChinaCoordinates.gcj02ToWgs84(new LatLng(c.y, c.x));
        c.x = w.lng();
        c.y = w.lat();
      });
      g.geometryChanged();
      g = TopologyPreservingSimplifier.simplify(GeometryFixer.fix(g), TOLERANCE_DEGREES);
      out.merge(f[0], f[1] + "\t" + encode(g), (a, b) -> a + " " + b.substring(b.indexOf('\t') + 1));
    }
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
      for (var e : out.entrySet()) {
        w.write(e.getKey() + "\t" + e.getValue() + "\n");
      }
    }
    System.err.println("wrote " + out.size() + " divisions, dropped " + dropped);
  }

  /** Polygons separated by ' ', rings (shell first) by ',', each ring an encoded polyline. */
  static String encode(Geometry g) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      if (p.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      ring(sb, p.getExteriorRing());
      for (int k = 0; k < p.getNumInteriorRing(); k++) {
        sb.append(',');
        ring(sb, p.getInteriorRingN(k));
      }
    }
    return sb.toString();
  }

  // Google's encoded polyline algorithm (lat before lng), closing vertex left out.
  private static void ring(StringBuilder sb, LinearRing r) {
    Coordinate[] cs = r.getCoordinates();
    long lat = 0;
    long lng = 0;
    for (int i = 0; i < cs.length - 1; i++) {
      long y = Math.round(cs[i].y * PRECISION);
      long x = Math.round(cs[i].x * PRECISION);
      value(sb, y - lat);
      value(sb, x - lng);
      lat = y;
      lng = x;
    }
  }

  private static void value(StringBuilder sb, long v) {
    long z = v < 0 ? ~(v << 1) : v << 1;
    while (z >= 0x20) {
      sb.append((char) ((0x20 | (z & 0x1f)) + 63));
      z >>= 5;
    }
    sb.append((char) (z + 63));
  }
}
