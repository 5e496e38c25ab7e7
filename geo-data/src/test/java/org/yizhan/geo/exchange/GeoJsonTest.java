package org.yizhan.geo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeoJsonTest {

    @Test
    void coordinatesAreWrittenAsTheGeneratorWritesThem() {
        long seed = 20261127L;
        System.out.println("GeoJsonTest seed " + seed);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<Double> values = new java.util.ArrayList<>(List.of(
                0.0,
                -0.0,
                1e-3,
                -1e-3,
                9.999e-4,
                0.0012345,
                1.0,
                -180.0,
                180.0,
                90.0,
                121.5,
                31.2304,
                9_999_999.9999999,
                1e7,
                -1e7,
                13_505_632.12,
                121.12345678,
                0.1 + 0.2,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY));
        for (int i = 0; i < 50_000; i++) {
            double degrees = random.nextDouble(-180, 180);
            values.add(Math.round(degrees * 1e7) / 1e7); // as stations are rounded
            values.add(Math.round(degrees * 1e3) / 1e3); // trailing zeros to trim
            values.add(degrees); // full precision: the generator's path
            values.add(Math.round(random.nextDouble(-2e7, 2e7) * 100) / 100.0); // Web Mercator metres
        }
        for (double value : values) {
            assertThat(written(g -> GeoJson.writeCoordinate(g, value)))
                    .as("%s (seed %d)", value, seed)
                    .isEqualTo(written(g -> g.writeNumber(value)));
        }
    }

    private static String written(java.util.function.Consumer<tools.jackson.core.JsonGenerator> write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(); // UTF-8, as the service writes
        try (tools.jackson.core.JsonGenerator g = new tools.jackson.core.json.JsonFactory()
                .createGenerator(
                        tools.jackson.core.ObjectWriteContext.empty(), out, tools.jackson.core.JsonEncoding.UTF8)) {
            g.writeStartArray();
            write.accept(g);
            g.writeEndArray();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void boxIsOneClosedCounterClockwiseRing() {
        @SuppressWarnings("unchecked")
        List<List<List<Double>>> rings =
                (List<List<List<Double>>>) GeoJson.box(106.0, 39.0, 107.0, 40.0).get("coordinates");
        List<List<Double>> ring = rings.get(0);
        assertThat(ring).hasSize(5);
        assertThat(ring.get(0)).isEqualTo(ring.get(4));
        double twiceArea = 0; // shoelace: positive for counter-clockwise, as RFC 7946 section 3.1.6 asks
        for (int i = 0; i < 4; i++) {
            twiceArea += ring.get(i).get(0) * ring.get(i + 1).get(1)
                    - ring.get(i + 1).get(0) * ring.get(i).get(1);
        }
        assertThat(twiceArea).isEqualTo(2.0);
    }

    @Test
    void featureLeavesOutAMissingIdAndPutsLongitudeFirst() {
        Map<String, Object> feature = GeoJson.feature(null, GeoJson.point(106.8, 39.6), Map.of("count", 3));
        assertThat(feature).containsOnlyKeys("type", "geometry", "properties");
        assertThat(((Map<?, ?>) feature.get("geometry")).get("coordinates")).isEqualTo(List.of(106.8, 39.6));
        assertThat(GeoJson.feature("a", GeoJson.point(0, 0), Map.of())).containsEntry("id", "a");
    }

    @Test
    void geometriesPutTheTypeBeforeTheCoordinatesEveryTime() {
        // Map.of's order differs between JVM starts, so two instances answered byte-differently.
        for (Map<String, Object> geometry : List.of(
                GeoJson.point(1, 2), GeoJson.box(0, 0, 1, 1), GeoJson.lines(List.of()), GeoJson.polygon(List.of()))) {
            assertThat(List.copyOf(geometry.keySet())).containsExactly("type", "coordinates");
        }
    }

    @Test
    void writerStreamsTheSameShapeAndLeavesTheStreamOpen() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", "站 \"1\"");
        properties.put("amenities", List.of("microwave", "toilet"));
        properties.put("floorArea", null);
        properties.put("open", true);
        properties.put("n", 7L);
        try (GeoJson.PointWriter writer = GeoJson.writer(out)) {
            writer.point("150302-00001-9", 106.8, 39.6, properties);
            writer.point(null, -0.5, 0.25, Map.of());
        }
        out.write(' '); // still open
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"type\":\"FeatureCollection\",\"features\":["
                                + "{\"type\":\"Feature\",\"id\":\"150302-00001-9\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[106.8,39.6]},"
                                + "\"properties\":{\"name\":\"站 \\\"1\\\"\",\"amenities\":[\"microwave\",\"toilet\"],\"floorArea\":null,\"open\":true,\"n\":7}},"
                                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-0.5,0.25]},\"properties\":{}}]} ");
    }
}
