package org.yizhan.locator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.exchange.GeoJson;
import org.yizhan.locator.station.StationResponses;
import org.yizhan.locator.support.TestRandom;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ClusterJson} writes the bytes Jackson's generator writes for the same answer (the
 * service's generator: fast double writer on), for random clusters over China and beyond in every
 * coordinate system, and for the edge cases of the number writers: centres near 0 (scientific
 * notation), whole degrees, negative ones, counts of one and of millions.
 */
class ClusterJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private final Random random = TestRandom.current();

    /** The answer as the generator wrote it before {@link ClusterJson}: the reference. */
    private static String throughTheGenerator(List<StationIndex.Cluster> clusters, CoordinateSystem system) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator gen = MAPPER.createGenerator(bytes)) {
            gen.writeStartObject();
            gen.writeStringProperty("type", "FeatureCollection");
            gen.writeName("features");
            gen.writeStartArray();
            for (StationIndex.Cluster c : clusters) {
                LatLng shown = system.fromWgs84(new LatLng(c.lat(), c.lng()));
                GeoJson.startPointFeature(
                        gen, null, StationResponses.round7(shown.lng()), StationResponses.round7(shown.lat()));
                gen.writeStartObject();
                gen.writeName("count");
                gen.writeNumber(c.count());
                gen.writeEndObject();
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeStringProperty("crs", system.id());
            gen.writeEndObject();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void randomAnswersAreTheGeneratorsBytes() {
        for (int round = 0; round < 200; round++) {
            List<StationIndex.Cluster> clusters = new ArrayList<>();
            int n = random.nextInt(round == 0 ? 1 : 600);
            for (int i = 0; i < n; i++) {
                boolean china = random.nextInt(4) > 0;
                double lat = china ? 18 + random.nextDouble() * 35 : -90 + random.nextDouble() * 180;
                double lng = china ? 73 + random.nextDouble() * 62 : -180 + random.nextDouble() * 360;
                clusters.add(
                        new StationIndex.Cluster(lat, lng, 1 + random.nextInt(random.nextBoolean() ? 9 : 2_000_000)));
            }
            for (CoordinateSystem system : CoordinateSystem.values()) {
                assertThat(new String(ClusterJson.write(clusters, system), StandardCharsets.UTF_8))
                        .as("seed %d, round %d, %s", TestRandom.SEED, round, system)
                        .isEqualTo(throughTheGenerator(clusters, system));
            }
        }
    }

    @Test
    void edgeCasesOfTheNumberWritersAreTheGeneratorsBytes() {
        List<StationIndex.Cluster> clusters = List.of(
                new StationIndex.Cluster(0, 0, 1),
                new StationIndex.Cluster(0.00001, -0.0004, 7),
                new StationIndex.Cluster(-0.00099999, 0.001, 10),
                new StationIndex.Cluster(40, 116, Integer.MAX_VALUE),
                new StationIndex.Cluster(-33.86881, 151.20929, 1_000_000),
                new StationIndex.Cluster(39.90419989999, 116.40739630001, 12),
                new StationIndex.Cluster(89.99999999, -179.99999999, 3));
        assertThat(new String(ClusterJson.write(clusters, CoordinateSystem.WGS84), StandardCharsets.UTF_8))
                .isEqualTo(throughTheGenerator(clusters, CoordinateSystem.WGS84))
                .contains("\"coordinates\":[116.4073963,39.9041999]");
        assertThat(new String(ClusterJson.write(List.of(), CoordinateSystem.GCJ02), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[],\"crs\":\"gcj02\"}");
    }
}
