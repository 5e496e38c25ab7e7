package org.yizhan.locator.ogcapi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import org.yizhan.locator.search.StationIndex;
import org.yizhan.locator.station.StationResponses;
import org.yizhan.locator.station.StationRow;

/**
 * Vector tiles of the active stations from the in-memory station index: at street zooms
 * ({@value #POINT_ZOOM} and closer) one point per station with code, name, amenities and open
 * state (layer {@value #STATIONS}); further out, stations counted per 64-pixel cell and drawn at
 * the cell's centre of mass (layer {@value #CLUSTERS}, property count), so a country view of a
 * million stations is a few hundred points. Tiles are kept a minute and rebuilt at once when a
 * station changes; the ETag is a hash of the bytes, so it changes exactly when the tile does.
 */
@Component
class StationTiles {

    static final int MAX_ZOOM = 22;
    static final int POINT_ZOOM = 12;
    static final int EXTENT = 4096;
    static final int CELL = 64;
    static final String STATIONS = "stations";
    static final String CLUSTERS = "clusters";

    /** A rendered tile: the bytes and their ETag. */
    record Tile(byte[] bytes, String etag) {}

    private record Key(int z, long x, long y, long version) {}

    private final StationIndex index;
    private final StationResponses responses;
    private final Clock clock;
    private final GeometryFactory geometries = new GeometryFactory();
    private final MvtLayerParams params = new MvtLayerParams(EXTENT);
    /** Open state moves with the clock, so a tile is rebuilt after a minute even if no station changed. */
    private final Cache<Key, Tile> cache = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    StationTiles(StationIndex index, StationResponses responses, Clock clock) {
        this.index = index;
        this.responses = responses;
        this.clock = clock;
    }

    boolean ready() {
        return index.ready();
    }

    Tile tile(int z, long x, long y) {
        return cache.get(new Key(z, x, y, index.version()), key -> render(z, x, y));
    }

    private Tile render(int z, long x, long y) {
        List<Geometry> features = new ArrayList<>();
        double west = TileGrid.lng(x, z), east = TileGrid.lng(x + 1, z);
        double north = TileGrid.lat(y, z), south = TileGrid.lat(y + 1, z);
        Instant now = clock.instant();
        if (z >= POINT_ZOOM) {
            index.visit(west, south, east, north, row -> {
                double fx = TileGrid.column(row.lng(), z), fy = TileGrid.row(row.lat(), z);
                if ((long) Math.floor(fx) != x || (long) Math.floor(fy) != y) return; // tiles are half-open
                Point point = point((fx - x) * EXTENT, (fy - y) * EXTENT);
                point.setUserData(stationProperties(row, now));
                features.add(point);
            });
        } else {
            int cells = EXTENT / CELL;
            Map<Integer, double[]> sums = new HashMap<>(); // cell -> {sum px, sum py, count}
            index.visitPoints(west, south, east, north, (lat, lng) -> {
                double px = (TileGrid.column(lng, z) - x) * EXTENT, py = (TileGrid.row(lat, z) - y) * EXTENT;
                if (px < 0 || px >= EXTENT || py < 0 || py >= EXTENT) return;
                double[] sum = sums.computeIfAbsent((int) (py / CELL) * cells + (int) (px / CELL), k -> new double[3]);
                sum[0] += px;
                sum[1] += py;
                sum[2]++;
            });
            for (double[] sum : sums.values()) {
                Point point = point(sum[0] / sum[2], sum[1] / sum[2]);
                point.setUserData(Map.of("count", (long) sum[2]));
                features.add(point);
            }
        }
        JtsLayer layer = new JtsLayer(z >= POINT_ZOOM ? STATIONS : CLUSTERS, features, EXTENT);
        byte[] bytes = MvtEncoder.encode(new JtsMvt(layer), params, new UserDataKeyValueMapConverter());
        return new Tile(bytes, etag(bytes));
    }

    private Map<String, Object> stationProperties(StationRow row, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", row.code());
        p.put("name", row.name());
        p.put("amenities", String.join(",", row.amenities()));
        p.put("openNow", responses.isOpen(row, now));
        p.put("alwaysOpen", row.alwaysOpen());
        return p;
    }

    private Point point(double px, double py) {
        return geometries.createPoint(new Coordinate(px, py));
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
