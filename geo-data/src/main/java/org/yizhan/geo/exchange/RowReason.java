package org.yizhan.geo.exchange;

import org.yizhan.geo.MessageReason;

/**
 * Why one row of a register cannot be taken as it is: every reason a {@link RowProblem} carries,
 * each with its message key and the number of values it names. As with {@link FileReason}, the key
 * is one of the service's message bundle, where {@code {n}} is value {@code n}: {@code import.row.*}
 * for the register's own checks, and the {@code hours.*.detail} and {@code station.code.*.detail}
 * texts the service's station form answers with. No sentence is written here: the values are what
 * the row holds (the value as written, a coordinate, a layer) and limits.
 */
public enum RowReason implements MessageReason {

    // The row as a whole

    /** The template's example row (its name starts with 示例). */
    EXAMPLE_ROW("import.row.exampleRow", 0),
    /** A required column left empty: its Chinese header and its key. */
    REQUIRED("import.row.required", 2),
    /** Latitude and longitude as given, outside China. */
    OUTSIDE_CHINA("import.row.outsideChina", 2),
    /** Latitude and longitude as given, outside China but inside it when swapped. */
    OUTSIDE_CHINA_SWAPPED("import.row.outsideChina.swapped", 2),
    /**
     * A row whose every value passed its check, yet which makes no station: a safety net for a
     * check that has fallen behind the station's own. It names no value, and the station's reason is
     * English for developers.
     */
    ROW_UNREADABLE("import.row.rowUnreadable", 0),

    // One cell: the value as written

    LAT_NOT_NUMBER("import.row.lat.notNumber", 1),
    LNG_NOT_NUMBER("import.row.lng.notNumber", 1),
    LAT_RANGE("import.row.lat.range", 1),
    /** A latitude beyond ±90 that is a longitude of China. */
    LAT_RANGE_SWAPPED("import.row.lat.range.swapped", 1),
    LNG_RANGE("import.row.lng.range", 1),
    CRS("import.row.crs", 1),
    ADCODE_SHAPE("import.row.adcode.shape", 1),
    ADCODE_UNKNOWN("import.row.adcode.unknown", 1),
    /** The code, and the name of the province or city it is. */
    ADCODE_NOT_COUNTY("import.row.adcode.notCounty", 2),
    HOST_TYPE("import.row.hostType", 1),
    STATUS("import.row.status", 1),
    /** The part of the cell that is no phone number. */
    PHONE("import.row.phone", 1),
    /** The unknown words, and the known labels, each list joined with 、. */
    AMENITIES("import.row.amenities", 2),
    FLOOR_AREA("import.row.floorArea", 1),
    CODE_MALFORMED("station.code.malformed.detail", 1),
    CODE_CHECK_CHARACTER("station.code.checkCharacter.detail", 1),
    HOURS_BLANK("hours.blank.detail", 0),
    /** The length in characters. */
    HOURS_TOO_LONG("hours.tooLong.detail", 1),
    HOURS_UNSUPPORTED("hours.unsupported.detail", 1),
    HOURS_SYNTAX("hours.syntax.detail", 1),
    /** The value, and the 1-based character where it stops being readable. */
    HOURS_SYNTAX_AT("hours.syntaxAt.detail", 2),
    /**
     * A value that a column's check refused without a reason of its own: a safety net, naming the
     * column's header and the value as written (cut to 50 characters), not the parser's English.
     */
    CELL_UNREADABLE("import.row.cellUnreadable", 2),

    // The geometry of a GeoJSON feature or a GIS layer's record

    GEOMETRY_NONE("import.row.geometry.none", 0),
    /** The geometry's type as the file names it. */
    GEOMETRY_TYPE("import.row.geometry.type", 1),
    GEOMETRY_COORDINATES("import.row.geometry.coordinates", 0),
    GEOMETRY_NOT_FINITE("import.row.geometry.notFinite", 0),
    /** x and y, the layer, and its coordinate system. */
    GEOMETRY_DEGREES("import.row.geometry.degrees", 4),
    /** Easting and northing, the layer, and its coordinate system. */
    GEOMETRY_SWAPPED("import.row.geometry.swapped", 4),
    /** The easting, the layer, its coordinate system, and the zone number its eastings start with. */
    GEOMETRY_NO_PREFIX("import.row.geometry.noPrefix", 4),
    /** The easting, its zone prefix, the layer, its coordinate system, and the zone it should carry. */
    GEOMETRY_WRONG_PREFIX("import.row.geometry.wrongPrefix", 5),
    /** The easting, the layer, and its coordinate system. */
    GEOMETRY_UNEXPECTED_PREFIX("import.row.geometry.unexpectedPrefix", 3),
    /**
     * Easting and northing that the layer's Gauss–Krüger zone maps to no point on Earth (northings
     * of about ±9,770 to ±10,020 km, at the pole), the layer, and its coordinate system.
     */
    GEOMETRY_NO_POINT("import.row.geometry.noPoint", 4);

    private final String key;
    private final int arity;

    RowReason(String key, int arity) {
        this.key = key;
        this.arity = arity;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public int arity() {
        return arity;
    }
}
