package org.yizhan.geo.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * An RFC 7946 FeatureCollection of Point features, read as a token stream one feature at a time;
 * each feature's {@code properties} are its columns and its geometry gives {@code lat}/{@code lng}.
 * Each feature brings its own property names, so unknown names accumulate as rows are read.
 */
final class GeoJsonRowSource implements RowSource {

  static final String GEOMETRY = "geometry";
  private static final JsonFactory JSON = new JsonFactory();

  private final InputStream in;
  private final JsonParser p;
  private final Set<String> unknown = new LinkedHashSet<>();
  private int index;
  private boolean done;

  GeoJsonRowSource(Path file) throws IOException {
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
      throw new RegisterFormatException("A GeoJSON file must hold one FeatureCollection object");
    }
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("type") && !"FeatureCollection".equals(p.getString())) {
        throw new RegisterFormatException("The GeoJSON object is a " + p.getString() + ", not a FeatureCollection");
      }
      if (name.equals("features")) {
        if (value != JsonToken.START_ARRAY) {
          throw new RegisterFormatException("The GeoJSON 'features' member must be an array");
        }
        return;
      }
      p.skipChildren();
    }
    throw new RegisterFormatException("The GeoJSON FeatureCollection has no 'features'");
  }

  @Override
  public @Nullable RawRow next() {
    if (done) {
      return null;
    }
    try {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        done = true;
        if (t != JsonToken.END_ARRAY) {
          throw new RegisterFormatException("GeoJSON feature " + (index + 1) + " is not an object");
        }
        return null;
      }
      index++;
      EnumMap<RegisterColumn, RawRow.Cell> cells = new EnumMap<>(RegisterColumn.class);
      List<RowProblem> problems = new ArrayList<>();
      boolean geometry = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals(GEOMETRY)) {
          geometry = readPoint(cells, problems);
        } else if (name.equals("properties") && p.currentToken() == JsonToken.START_OBJECT) {
          readProperties(cells);
        } else {
          p.skipChildren();
        }
      }
      if (!geometry && problems.isEmpty()) {
        problems.add(new RowProblem(index, GEOMETRY, "The feature has no point geometry"));
      }
      return new RawRow(index, cells, problems);
    } catch (JacksonException e) {
      done = true;
      throw malformed(e);
    }
  }

  /** Reads a geometry value; {@code true} if it was a Point with two numeric coordinates. */
  private boolean readPoint(EnumMap<RegisterColumn, RawRow.Cell> cells, List<RowProblem> problems) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return false;
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
      problems.add(new RowProblem(index, GEOMETRY, "The geometry is a " + type + "; stations are Points"));
      return false;
    }
    if (coordinates.size() < 2 || coordinates.get(0).isEmpty() || coordinates.get(1).isEmpty()) {
      problems.add(new RowProblem(index, GEOMETRY, "A Point needs [longitude, latitude] coordinates"));
      return false;
    }
    // RFC 7946 order is longitude first.
    cells.put(RegisterColumn.LNG, new RawRow.Cell(GEOMETRY, coordinates.get(0)));
    cells.put(RegisterColumn.LAT, new RawRow.Cell(GEOMETRY, coordinates.get(1)));
    return true;
  }

  private void readProperties(EnumMap<RegisterColumn, RawRow.Cell> cells) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      RegisterColumn column = RegisterColumn.forHeader(name).orElse(null);
      if (column == null || column == RegisterColumn.LAT || column == RegisterColumn.LNG) {
        unknown.add(name); // coordinates come from the geometry, never from properties
        p.skipChildren();
      } else {
        cells.put(column, new RawRow.Cell(name, text(value)));
      }
    }
  }

  /** Scalars as text; an array (amenities) joined with commas; null and objects as empty. */
  private String text(JsonToken value) {
    if (value == JsonToken.START_ARRAY) {
      List<String> items = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
          items.add(p.getString());
        }
        p.skipChildren();
      }
      return String.join(",", items);
    }
    if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
      return p.getString();
    }
    p.skipChildren();
    return "";
  }

  @Override
  public List<String> unknownHeaders() {
    return List.copyOf(unknown);
  }

  private static RegisterFormatException malformed(JacksonException e) {
    return new RegisterFormatException("The GeoJSON is malformed at line " + e.getLocation().getLineNr()
        + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
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
