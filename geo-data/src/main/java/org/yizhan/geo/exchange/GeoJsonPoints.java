package org.yizhan.geo.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The one GeoJSON reader: an RFC 7946 FeatureCollection of Point features, read as a token stream
 * one feature at a time, so a file's size costs no memory. The register import and planning
 * uploads both read through it. A file that is not a FeatureCollection, or breaks off, is a
 * {@link RegisterFormatException} that says where; a feature that is not a usable Point is
 * returned without a position and with its {@link Feature#problem()}.
 */
public final class GeoJsonPoints implements Closeable {

    private static final JsonFactory JSON = new JsonFactory();

    /** What a property value was in the file. */
    public enum Kind {
        STRING,
        NUMBER,
        OTHER
    }

    /**
     * A property value as text: scalars as written, an array's scalars joined with commas, null
     * and objects as empty text.
     */
    public record Value(String text, Kind kind) {}

    /** A Point's coordinates as written, longitude first as in RFC 7946. */
    public record Position(String lng, String lat) {}

    /**
     * One feature, numbered from 1: its {@code position}, or {@code null} and a {@code problem}
     * saying why there is no usable Point, with its values ({@code problem} is {@code null} when
     * there is one).
     */
    public record Feature(
            int index,
            @Nullable Position position,
            @Nullable RowReason problem,
            List<Object> problemValues,
            Map<String, Value> properties) {}

    private final InputStream in;
    private final JsonParser p;
    private int index;
    private boolean done;

    /** Opens {@code file} and reads up to its first feature. */
    public GeoJsonPoints(Path file) throws IOException {
        in = Files.newInputStream(file);
        try {
            p = JSON.createParser(ObjectReadContext.empty(), in);
            seekFeatures();
        } catch (JacksonException e) {
            in.close();
            throw malformed(e);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private void seekFeatures() {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new RegisterFormatException(FileReason.GEOJSON_NOT_OBJECT);
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("type") && !"FeatureCollection".equals(p.getString())) {
                throw new RegisterFormatException(FileReason.GEOJSON_NOT_COLLECTION, String.valueOf(p.getString()));
            }
            if (name.equals("features")) {
                if (value != JsonToken.START_ARRAY) {
                    throw new RegisterFormatException(FileReason.GEOJSON_FEATURES_NOT_ARRAY);
                }
                return;
            }
            p.skipChildren();
        }
        throw new RegisterFormatException(FileReason.GEOJSON_NO_FEATURES);
    }

    /** The next feature, or {@code null} after the last. */
    public @Nullable Feature next() {
        if (done) {
            return null;
        }
        try {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                done = true;
                if (t != JsonToken.END_ARRAY) {
                    throw new RegisterFormatException(FileReason.GEOJSON_FEATURE_NOT_OBJECT, index + 1);
                }
                return null;
            }
            index++;
            Map<String, Value> properties = new LinkedHashMap<>();
            List<String> point = new ArrayList<>();
            @Nullable RowReason problem = RowReason.GEOMETRY_NONE;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("geometry")) {
                    point.clear();
                    problem = readPoint(point);
                } else if (name.equals("properties") && p.currentToken() == JsonToken.START_OBJECT) {
                    readProperties(properties);
                } else {
                    p.skipChildren();
                }
            }
            return problem == null
                    ? new Feature(index, new Position(point.get(0), point.get(1)), null, List.of(), properties)
                    : new Feature(
                            index,
                            null,
                            problem,
                            problem == RowReason.GEOMETRY_TYPE ? List.of(String.valueOf(lastType)) : List.of(),
                            properties);
        } catch (JacksonException e) {
            done = true;
            throw malformed(e);
        }
    }

    private @Nullable String lastType;

    /** Reads a geometry value into {@code point} ([lng, lat] as text); the problem, or {@code null} if it is a Point. */
    private @Nullable RowReason readPoint(List<String> point) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return RowReason.GEOMETRY_NONE;
        }
        String type = null;
        List<String> coordinates = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("type") && value == JsonToken.VALUE_STRING) {
                type = p.getString();
            } else if (name.equals("coordinates") && value == JsonToken.START_ARRAY) {
                for (JsonToken c = p.nextToken(); c != JsonToken.END_ARRAY; c = p.nextToken()) {
                    coordinates.add(c.isNumeric() ? p.getString() : "");
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
        if (!"Point".equals(type)) {
            lastType = type;
            return RowReason.GEOMETRY_TYPE;
        }
        if (coordinates.size() < 2
                || coordinates.get(0).isEmpty()
                || coordinates.get(1).isEmpty()) {
            return RowReason.GEOMETRY_COORDINATES;
        }
        point.add(coordinates.get(0));
        point.add(coordinates.get(1));
        return null;
    }

    private void readProperties(Map<String, Value> properties) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            properties.put(name, value(value));
        }
    }

    private Value value(JsonToken value) {
        if (value == JsonToken.START_ARRAY) {
            List<String> items = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                    items.add(p.getString());
                }
                p.skipChildren();
            }
            return new Value(String.join(",", items), Kind.OTHER);
        }
        if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
            return new Value(
                    p.getString(),
                    value == JsonToken.VALUE_STRING ? Kind.STRING : value.isNumeric() ? Kind.NUMBER : Kind.OTHER);
        }
        p.skipChildren();
        return new Value("", Kind.OTHER);
    }

    private static RegisterFormatException malformed(JacksonException e) {
        return new RegisterFormatException(
                FileReason.GEOJSON_MALFORMED,
                e,
                e.getLocation().getLineNr(),
                e.getLocation().getColumnNr(),
                RegisterFormatException.diagnostic(e.getOriginalMessage(), e));
    }

    @Override
    public void close() throws IOException {
        try {
            p.close();
        } finally {
            in.close();
        }
    }
}
