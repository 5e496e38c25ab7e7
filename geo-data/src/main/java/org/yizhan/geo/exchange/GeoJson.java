package org.yizhan.geo.exchange;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.LatLng;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * The one place RFC 7946 GeoJSON is written. Small answers are built as ordered maps that the web
 * layer serialises ({@link #featureCollection}, {@link #feature}, {@link #point}); whole registers
 * are streamed one feature at a time ({@link #writer}). Both give the same shape: {@code type},
 * an optional {@code id}, {@code geometry} with {@code [lng, lat]} positions, {@code properties}.
 */
public final class GeoJson {

    private static final JsonFactory JSON = new JsonFactory();

    private GeoJson() {}

    /** A Point geometry; RFC 7946 puts longitude first. */
    public static Map<String, Object> point(double lng, double lat) {
        return geometry("Point", List.of(lng, lat));
    }

    /** A Polygon geometry for a lng/lat-aligned box: one closed ring, counter-clockwise as RFC 7946 asks. */
    public static Map<String, Object> box(double minLng, double minLat, double maxLng, double maxLat) {
        return geometry(
                "Polygon",
                List.of(List.of(
                        List.of(minLng, minLat),
                        List.of(maxLng, minLat),
                        List.of(maxLng, maxLat),
                        List.of(minLng, maxLat),
                        List.of(minLng, minLat))));
    }

    /** A MultiLineString geometry: one {@code [lng, lat]} line per list of points. */
    public static Map<String, Object> lines(List<List<LatLng>> lines) {
        return geometry(
                "MultiLineString", lines.stream().map(GeoJson::positions).toList());
    }

    /** A Polygon geometry with one ring; the ring is closed here if it is not already. */
    public static Map<String, Object> polygon(List<LatLng> ring) {
        List<List<Double>> positions = new java.util.ArrayList<>(positions(ring));
        if (!ring.isEmpty() && !ring.get(0).equals(ring.get(ring.size() - 1))) positions.add(positions.get(0));
        return geometry("Polygon", List.of(positions));
    }

    /**
     * A geometry with {@code type} before {@code coordinates}, in that order every time: a
     * {@code Map.of} iterates in an order that changes from one JVM start to the next, so the
     * same answer would differ byte for byte between two instances.
     */
    private static Map<String, Object> geometry(String type, Object coordinates) {
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("type", type);
        geometry.put("coordinates", coordinates);
        return java.util.Collections.unmodifiableMap(geometry);
    }

    private static List<List<Double>> positions(List<LatLng> points) {
        return points.stream().map(p -> List.of(p.lng(), p.lat())).toList();
    }

    /** A Feature; a {@code null} id is left out (RFC 7946 makes it optional). Mutable, for foreign members. */
    public static Map<String, Object> feature(@Nullable Object id, Map<String, Object> geometry, Object properties) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        if (id != null) {
            feature.put("id", id);
        }
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }

    /**
     * A FeatureCollection holding {@code features}; mutable, so callers can add foreign members
     * ({@code links}, {@code numberReturned}) after it.
     */
    public static Map<String, Object> featureCollection(List<?> features) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    /**
     * A FeatureCollection written to {@code out} as features are added, in UTF-8. Closing the writer
     * ends the collection and flushes, but leaves {@code out} open (a servlet response owns it).
     */
    public static PointWriter writer(OutputStream out) {
        return new PointWriter(out);
    }

    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString FEATURE = new SerializedString("Feature");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString GEOMETRY = new SerializedString("geometry");
    private static final SerializableString POINT = new SerializedString("Point");
    private static final SerializableString COORDINATES = new SerializedString("coordinates");
    private static final SerializableString PROPERTIES = new SerializedString("properties");

    /**
     * Writes a coordinate exactly as {@link JsonGenerator#writeNumber(double)} does (its shortest
     * decimal), faster when it has at most 7 decimals, as every station's rounded coordinate does:
     * that decimal is then the shortest one, so its digits are printed straight from the integer
     * of ten-millionths. Other values go to the generator; {@code GeoJsonTest} compares the two.
     * A viewport writes four per station, and the general algorithm was a tenth of its time.
     */
    public static void writeCoordinate(JsonGenerator g, double value) {
        char[] out = new char[20];
        int n = plainCoordinate(value, out);
        if (n < 0) g.writeNumber(value);
        else g.writeNumber(out, 0, n);
    }

    /**
     * The digits {@link #writeCoordinate} prints for a value of at most 7 decimals, into {@code out}
     * (20 chars) from 0; answers how many, or -1 when the value is not such a coordinate and the
     * generator's general algorithm decides ({@code NumberOutput.toString(value, true)}).
     */
    public static int plainCoordinate(double value, char[] out) {
        double magnitude = Math.abs(value);
        long units = Math.round(value * 1e7);
        // plain notation (not 1.0E-4) holds from 1e-3 up to 1e7; beyond, or with more decimals, the generator decides
        if (magnitude < 1e-3 || magnitude >= 1e7 || units / 1e7 != value) return -1;
        int n = 0;
        if (units < 0) out[n++] = '-';
        long whole = Math.abs(units) / 10_000_000;
        int fraction = (int) (Math.abs(units) % 10_000_000);
        String digits = Long.toString(whole);
        digits.getChars(0, digits.length(), out, n);
        n += digits.length();
        out[n++] = '.';
        int width = 7;
        while (width > 1 && fraction % 10 == 0) {
            fraction /= 10;
            width--;
        }
        for (int i = width - 1; i >= 0; i--) {
            out[n + i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return n + width;
    }

    /**
     * Writes a Point feature up to its properties: {@code type}, {@code id} if given, the geometry
     * and the name {@code properties}, in {@link #feature}'s order. The caller writes the
     * properties' value and ends the feature's object. For answers written straight into a
     * generator (thousands of features, no map per feature).
     */
    public static void startPointFeature(JsonGenerator g, @Nullable String id, double lng, double lat) {
        g.writeStartObject();
        g.writeName(TYPE);
        g.writeString(FEATURE);
        if (id != null) {
            g.writeName(ID);
            g.writeString(id);
        }
        g.writeName(GEOMETRY);
        g.writeStartObject();
        g.writeName(TYPE);
        g.writeString(POINT);
        g.writeName(COORDINATES);
        g.writeStartArray();
        writeCoordinate(g, lng);
        writeCoordinate(g, lat);
        g.writeEndArray();
        g.writeEndObject();
        g.writeName(PROPERTIES);
    }

    /** Streams Point features; see {@link GeoJson#writer}. */
    public static final class PointWriter implements AutoCloseable {

        private final JsonGenerator g;

        private PointWriter(OutputStream out) {
            g = JSON.createGenerator(ObjectWriteContext.empty(), new NonClosing(out), JsonEncoding.UTF8);
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeName("features");
            g.writeStartArray();
        }

        /**
         * One Point feature. Property values may be text, numbers, booleans, {@code null} or
         * collections of those (written as arrays); properties keep the map's order.
         */
        public void point(
                @Nullable String id, double lng, double lat, Map<String, ? extends @Nullable Object> properties) {
            startPointFeature(g, id, lng, lat);
            g.writeStartObject();
            for (Map.Entry<String, ? extends @Nullable Object> p : properties.entrySet()) {
                g.writeName(p.getKey());
                value(p.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }

        private void value(@Nullable Object value) {
            if (value == null) {
                g.writeNull();
            } else if (value instanceof String s) {
                g.writeString(s);
            } else if (value instanceof Double d) {
                g.writeNumber(d);
            } else if (value instanceof Integer i) {
                g.writeNumber(i);
            } else if (value instanceof Long l) {
                g.writeNumber(l);
            } else if (value instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (value instanceof Collection<?> items) {
                g.writeStartArray();
                for (Object item : items) {
                    value(item);
                }
                g.writeEndArray();
            } else {
                throw new IllegalArgumentException("Not a GeoJSON property value: " + value.getClass());
            }
        }

        @Override
        public void close() {
            g.writeEndArray();
            g.writeEndObject();
            g.close();
        }
    }

    /** Lets a generator that closes its target write to a stream the caller owns. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
