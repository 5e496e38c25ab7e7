package org.yizhan.locator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.geo.Geodesy;
import org.yizhan.geo.LatLng;

/**
 * Detours there and back on a street grid (200 m blocks) whose street from corner (0,0) to (1,0)
 * is one-way eastbound: hand-checkable. On foot both ways take that street, so the detour is
 * twice the way there; by bike the way back from a point east of the start goes round the block,
 * and doubling either way would be wrong. The grid is 15 × 15 so GraphHopper does not set it
 * aside as a small subnetwork.
 */
class ThereAndBackTest {

    static final LatLng ORIGIN = new LatLng(27.70, 98.70);
    static final int N = 15;

    @TempDir
    static Path dir;

    static RoadNetwork network;
    static NetworkDistances distances;

    static LatLng corner(int c, int r) {
        return Geodesy.destination(Geodesy.destination(ORIGIN, 90, 200.0 * c), 0, 200.0 * r);
    }

    @BeforeAll
    static void buildTheGrid() throws IOException {
        Path osm = dir.resolve("grid.osm");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n");
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                LatLng at = corner(c, r);
                xml.append(String.format(
                        Locale.ROOT,
                        "<node id=\"%d\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"/>%n",
                        id(c, r),
                        at.lat(),
                        at.lng()));
            }
        }
        long way = 100_000;
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                if (c + 1 < N) xml.append(street(way++, id(c, r), id(c + 1, r), c == 0 && r == 0));
                if (r + 1 < N) xml.append(street(way++, id(c, r), id(c, r + 1), false));
            }
        }
        xml.append("</osm>\n");
        Files.writeString(osm, xml, StandardCharsets.UTF_8);
        network = new RoadNetwork(
                new RoutingProperties(osm.toString(), dir.resolve("graph").toString(), 200));
        distances = new NetworkDistances(network);
    }

    private static long id(int c, int r) {
        return 1L + r * N + c;
    }

    private static String street(long id, long from, long to, boolean oneway) {
        return "<way id=\"" + id + "\" version=\"1\"><nd ref=\"" + from + "\"/><nd ref=\"" + to + "\"/>"
                + "<tag k=\"highway\" v=\"residential\"/>"
                + (oneway ? "<tag k=\"oneway\" v=\"yes\"/>" : "")
                + "</way>\n";
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void walkingRoadsAreTheSameBothWaysRidingOnesAreNot() {
        assertThat(network.roads(Travel.WALK).symmetric).isTrue();
        assertThat(network.roads(Travel.RIDE).symmetric).isFalse();
    }

    @Test
    void onFootTheWayBackIsTheWayThereReversed() {
        LatLng leave = Geodesy.destination(corner(0, 0), 90, 50);
        LatLng station = Geodesy.destination(corner(0, 0), 90, 150);
        NetworkDistances.Route detour =
                distances.thereAndBack(Travel.WALK, List.of(leave), List.of(station), 10_000)[0];
        assertThat(detour).isNotNull();
        assertThat(detour.meters()).isCloseTo(200, within(0.5));
    }

    @Test
    void byBikeTheWayBackGoesRoundTheBlock() {
        LatLng leave = Geodesy.destination(corner(0, 0), 90, 50);
        LatLng station = Geodesy.destination(corner(0, 0), 90, 150);
        // There: 100 m east on the one-way street. Back: 50 m on to the corner, 600 m round the block, 50 m in.
        NetworkDistances.Route east = distances.thereAndBack(Travel.RIDE, List.of(leave), List.of(station), 10_000)[0];
        assertThat(east).isNotNull();
        assertThat(east.meters()).isCloseTo(800, within(2.0));
        // Leaving east of the station: there round the block, back along the one-way street.
        NetworkDistances.Route west = distances.thereAndBack(Travel.RIDE, List.of(station), List.of(leave), 10_000)[0];
        assertThat(west).isNotNull();
        assertThat(west.meters()).isCloseTo(800, within(2.0));
        // A limit below the whole loop leaves the station out, though the way there alone fits.
        assertThat(distances.thereAndBack(Travel.RIDE, List.of(leave), List.of(station), 700)[0])
                .isNull();
    }
}
