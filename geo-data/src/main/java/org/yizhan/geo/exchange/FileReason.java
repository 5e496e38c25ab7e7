package org.yizhan.geo.exchange;

import org.yizhan.geo.MessageReason;
import org.yizhan.geo.crs.UnsupportedCrsException;

/**
 * Why an uploaded file cannot be read at all: every reason a {@link RegisterFormatException}
 * carries, each with its message key and the number of values it names. As with
 * {@link RowProblem}, the key is one of the service's message bundle ({@code file.*.detail}), where
 * {@code {n}} is value {@code n}; the service says it in its caller's language, so no sentence is
 * written here. Values are what the file holds (a row, an entry's name, a layer) and, where a
 * parser's own diagnostic is all there is to say, that diagnostic as the parser gave it.
 */
public enum FileReason implements MessageReason {

    // CSV and .xlsx sheets

    /** The line near which a quote is not closed. */
    CSV_MALFORMED("file.csv.malformed", 1),
    /** The first line that is neither UTF-8 nor GBK. */
    CSV_ENCODING("file.csv.encoding", 1),
    /** POI's diagnostic: not a zip of Office Open XML (an .xls, a renamed file), or a part that does not inflate. */
    XLSX_UNREADABLE("file.xlsx.unreadable", 1),
    XLSX_NO_SHEET("file.xlsx.noSheet", 0),
    /** The last row read, and the XML parser's diagnostic. */
    XLSX_BROKEN_XML("file.xlsx.brokenXml", 2),
    /** The row, and the number of the shared text it refers to that the workbook lacks. */
    XLSX_SHARED_TEXT("file.xlsx.sharedText", 2),
    /** The row, and the cell reference (cut to 12 characters) that names no column. */
    XLSX_BAD_COLUMN("file.xlsx.badColumn", 2),
    /** A CSV or sheet with no row at all. */
    SHEET_EMPTY("file.sheet.empty", 0),
    /** The two headers as written, and the Chinese header and key of the column both mean. */
    SHEET_DUPLICATE_COLUMN("file.sheet.duplicateColumn", 4),
    /** The header row, and the missing columns (Chinese header and key), comma-separated. */
    SHEET_MISSING_COLUMNS("file.sheet.missingColumns", 2),

    // GeoJSON

    /** Line and column, and the JSON parser's diagnostic. */
    GEOJSON_MALFORMED("file.geojson.malformed", 3),
    GEOJSON_NOT_OBJECT("file.geojson.notObject", 0),
    /** The {@code type} the object declares instead of FeatureCollection. */
    GEOJSON_NOT_COLLECTION("file.geojson.notCollection", 1),
    GEOJSON_FEATURES_NOT_ARRAY("file.geojson.featuresNotArray", 0),
    GEOJSON_NO_FEATURES("file.geojson.noFeatures", 0),
    /** The 1-based position in {@code features} of an item that is no object. */
    GEOJSON_FEATURE_NOT_OBJECT("file.geojson.featureNotObject", 1),

    // GIS layers (GeoPackage and Shapefile)

    /** The two attribute names, and the Chinese header and key of the column both mean. */
    LAYER_DUPLICATE_ATTRIBUTE("file.layer.duplicateAttribute", 4),
    /** The layer. */
    CRS_NONE("file.crs.none", 1),
    /** The layer and its EPSG code. */
    CRS_EPSG("file.crs.epsg", 2),
    /** The layer and the coordinate system's name (with its EPSG code, if it has one). */
    CRS_UNSUPPORTED("file.crs.unsupported", 2),
    /** The layer and the datum's name. */
    CRS_DATUM("file.crs.datum", 2),
    /** The layer and the projected system's name. */
    CRS_NO_GEOGRAPHIC("file.crs.noGeographic", 2),
    /** The layer, and the projected system's name, datum, projection, central meridian and false easting. */
    CRS_PROJECTION("file.crs.projection", 6),
    /** The layer, and the character where its definition stops being WKT. */
    CRS_NOT_WKT("file.crs.notWkt", 2),
    /** The layer, and the longest definition read, in characters. */
    CRS_TOO_LONG("file.crs.tooLong", 2),
    /** The layer. */
    CRS_TOO_DEEP("file.crs.tooDeep", 1),

    // GeoPackage

    /** SQLite's or the GeoPackage library's diagnostic. */
    GPKG_NOT_GEOPACKAGE("file.gpkg.notGeoPackage", 1),
    /** What SQLite's {@code PRAGMA quick_check} reports. */
    GPKG_DAMAGED("file.gpkg.damaged", 1),
    /** SQLite's or the GeoPackage library's diagnostic. */
    GPKG_UNREADABLE("file.gpkg.unreadable", 1),
    /** The layer (feature table), and SQLite's or the library's diagnostic. */
    GPKG_LAYER_UNREADABLE("file.gpkg.layerUnreadable", 2),
    GPKG_NO_LAYER("file.gpkg.noLayer", 0),
    /** The layers there are, each with its geometry type, comma-separated. */
    GPKG_NO_POINT_LAYER("file.gpkg.noPointLayer", 1),
    /** The point layers, comma-separated. */
    GPKG_SEVERAL_POINT_LAYERS("file.gpkg.severalPointLayers", 1),

    // Shapefile zip

    /** The zip reader's diagnostic. */
    ZIP_UNREADABLE("file.zip.unreadable", 1),
    /** A zip whose data ends before its directory says it should. */
    ZIP_TRUNCATED("file.zip.truncated", 0),
    /** How many entries the zip holds. */
    ZIP_TOO_MANY_ENTRIES("file.zip.tooManyEntries", 1),
    /** The entry's name, which climbs out of the archive. */
    ZIP_OUTSIDE("file.zip.outside", 1),
    /** The entry's name. */
    ZIP_DUPLICATE("file.zip.duplicate", 1),
    ZIP_EMPTY("file.zip.empty", 0),
    /** The zip's first entries, comma-separated. */
    ZIP_NO_SHP("file.zip.noShp", 1),
    /** The .shp entries, comma-separated. */
    ZIP_SEVERAL_LAYERS("file.zip.severalLayers", 1),
    /** The .shp entry's name, and the layer (whose .dbf is missing). */
    ZIP_NO_DBF("file.zip.noDbf", 2),
    /** The entry's name, and the inflater's diagnostic. */
    ZIP_ENTRY_DAMAGED("file.zip.entryDamaged", 2),
    /** The entry's name: its data ends too soon. */
    ZIP_ENTRY_TRUNCATED("file.zip.entryTruncated", 1),
    /** The limit in MB, and the entry at which it was passed. */
    ZIP_TOO_LARGE("file.zip.tooLarge", 2),
    /** The entry's name (a .prj or .cpg), and the limit in KB. */
    ZIP_TEXT_TOO_LARGE("file.zip.textTooLarge", 2),
    /** The layer, and the encoding its .cpg names. */
    CPG_UNKNOWN("file.cpg.unknown", 2),
    /** The layer. */
    SHP_TOO_SHORT("file.shp.tooShort", 1),
    /** The layer. */
    SHP_NOT_SHAPEFILE("file.shp.notShapefile", 1),
    /** The layer, and its shape type as the Shapefile specification names it (PolyLine, Polygon, …). */
    SHP_NOT_POINTS("file.shp.notPoints", 2),
    /** The layer, the record, the length the record declares in bytes, and the bytes left in the file. */
    SHP_RECORD_LENGTH("file.shp.recordLength", 4),
    /** The layer, and the record the file ends in. */
    SHP_ENDS_IN_RECORD("file.shp.endsInRecord", 2),
    /** The layer, and the record too short for a point. */
    SHP_SHORT_POINT("file.shp.shortPoint", 2),
    /** The layer, and the first record of the .shp that has no record in the .dbf. */
    SHP_MORE_SHAPES("file.shp.moreShapes", 2),
    /** The layer, and how many shapes the .shp holds (the .dbf has more records). */
    SHP_MORE_RECORDS("file.shp.moreRecords", 2),
    /** The layer, and the dBASE reader's diagnostic. */
    DBF_UNREADABLE("file.dbf.unreadable", 2),
    /** The layer, the record, and the dBASE reader's diagnostic. */
    DBF_DAMAGED("file.dbf.damaged", 3);

    private final String key;
    private final int arity;

    FileReason(String key, int arity) {
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

    /** A coordinate system refused by {@link org.yizhan.geo.crs.DeclaredCrs}, said of a layer: one more value, the layer first. */
    static FileReason of(UnsupportedCrsException.Reason reason) {
        return switch (reason) {
            case EPSG -> CRS_EPSG;
            case UNSUPPORTED -> CRS_UNSUPPORTED;
            case DATUM -> CRS_DATUM;
            case NO_GEOGRAPHIC -> CRS_NO_GEOGRAPHIC;
            case PROJECTION -> CRS_PROJECTION;
            case NOT_WKT -> CRS_NOT_WKT;
            case TOO_LONG -> CRS_TOO_LONG;
            case TOO_DEEP -> CRS_TOO_DEEP;
        };
    }
}
