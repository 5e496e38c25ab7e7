package org.yizhan.locator.routing;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.PMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The road graph, when an extract is configured: one GraphHopper graph with a walking and a
 * riding profile, imported once into {@code graph-dir} and loaded from there on later starts.
 * A marker file records which extract (path, size, modification time) the graph came from; a
 * different extract is imported afresh rather than silently ignored.
 *
 * <p>Both profiles weigh an edge by travel time only (no priority preferences, distance
 * influence 0), so a search's order is travel time and its time limit is exact. Private ground
 * ({@code access=private}, gated compounds) is closed to both: an outdoor worker cannot count on
 * walking through it.
 */
@Component
public class RoadNetwork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoadNetwork.class);
    private static final String MARKER = "yizhan-source.txt";

    private final @Nullable GraphHopper hopper;
    private final double maxSnapMeters;
    private final Map<Travel, Weighting> weightings = new EnumMap<>(Travel.class);
    private final Map<Travel, EdgeFilter> snapFilters = new EnumMap<>(Travel.class);
    private final Map<Travel, CompactRoads> roads = new EnumMap<>(Travel.class);
    private final Duration loadTime;

    public RoadNetwork(RoutingProperties properties) {
        maxSnapMeters = properties.maxSnapMeters();
        long t0 = System.nanoTime();
        if (properties.osmFile().isBlank()) {
            hopper = null;
            loadTime = Duration.ZERO;
            return;
        }
        Path osm = Path.of(properties.osmFile());
        if (!Files.isReadable(osm)) {
            throw new IllegalStateException("yizhan.routing.osm-file " + osm.toAbsolutePath() + " cannot be read");
        }
        Path dir = Path.of(properties.graphDir());
        hopper = open(osm, dir);
        for (Travel travel : Travel.values()) {
            Weighting weighting = hopper.createWeighting(hopper.getProfile(travel.profile()), new PMap());
            weightings.put(travel, weighting);
            snapFilters.put(
                    travel,
                    new DefaultSnapFilter(
                            weighting,
                            hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(travel.profile()))));
            roads.put(travel, CompactRoads.of(hopper.getBaseGraph(), weighting));
        }
        loadTime = Duration.ofNanos(System.nanoTime() - t0);
        log.info(
                "Road graph from {} ready in {} ms: {} nodes, {} edges",
                osm,
                loadTime.toMillis(),
                hopper.getBaseGraph().getNodes(),
                hopper.getBaseGraph().getEdges());
    }

    private static GraphHopper open(Path osm, Path dir) {
        try {
            String source = osm.toAbsolutePath() + "\n" + Files.size(osm) + "\n"
                    + Files.getLastModifiedTime(osm).toMillis() + "\n";
            Path marker = dir.resolve(MARKER);
            if (Files.isDirectory(dir)
                    && !(Files.exists(marker) && Files.readString(marker).equals(source))) {
                log.info("Road graph in {} is not from {}: importing it again", dir, osm);
                deleteTree(dir);
            }
            GraphHopper hopper = new GraphHopper();
            hopper.setOSMFile(osm.toString());
            hopper.setGraphHopperLocation(dir.toString());
            hopper.setEncodedValuesString("foot_access, foot_average_speed, foot_road_access, "
                    + "bike_access, bike_average_speed, bike_road_access");
            hopper.setProfiles(
                    new Profile(Travel.WALK.profile()).setCustomModel(walking()),
                    new Profile(Travel.RIDE.profile()).setCustomModel(riding()));
            hopper.importOrLoad();
            Files.writeString(marker, source, StandardCharsets.UTF_8);
            return hopper;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the road graph in " + dir, e);
        }
    }

    private static CustomModel walking() {
        CustomModel model = new CustomModel();
        model.addToPriority(Statement.If("!foot_access || foot_road_access == PRIVATE", Statement.Op.MULTIPLY, "0"));
        model.addToSpeed(Statement.If("true", Statement.Op.LIMIT, "foot_average_speed"));
        model.setDistanceInfluence(0d);
        return model;
    }

    private static CustomModel riding() {
        CustomModel model = new CustomModel();
        model.addToPriority(Statement.If("!bike_access || bike_road_access == PRIVATE", Statement.Op.MULTIPLY, "0"));
        model.addToSpeed(Statement.If("true", Statement.Op.LIMIT, "bike_average_speed"));
        model.setDistanceInfluence(0d);
        return model;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Whether a road graph is loaded; without one only straight-line distance exists. */
    public boolean loaded() {
        return hopper != null;
    }

    /** How long the import (first start) or the load (later starts) took. */
    public Duration loadTime() {
        return loadTime;
    }

    /** Nodes of the loaded graph (0 without one). */
    public int nodes() {
        return hopper == null ? 0 : hopper.getBaseGraph().getNodes();
    }

    double maxSnapMeters() {
        return maxSnapMeters;
    }

    GraphHopper hopper() {
        if (hopper == null) {
            throw new IllegalStateException("no road graph is loaded");
        }
        return hopper;
    }

    Weighting weighting(Travel travel) {
        return java.util.Objects.requireNonNull(weightings.get(travel), "built for every travel mode");
    }

    /** The mode's graph as arrays, for the many small searches of planning. */
    CompactRoads roads(Travel travel) {
        return java.util.Objects.requireNonNull(roads.get(travel), "built for every travel mode");
    }

    EdgeFilter snapFilter(Travel travel) {
        return java.util.Objects.requireNonNull(snapFilters.get(travel), "built for every travel mode");
    }

    @Override
    public void close() {
        if (hopper != null) {
            hopper.close();
        }
    }
}
