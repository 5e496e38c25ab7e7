package org.yizhan.geo.exchange;

import java.util.Locale;
import java.util.Optional;

/**
 * The file formats of the register. KML is written only, a zipped Shapefile is read only; the
 * others are read and written.
 */
public enum RegisterFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=UTF-8"),
    GEOJSON("geojson", "application/geo+json"),
    KML("kml", "application/vnd.google-earth.kml+xml"),
    /** OGC GeoPackage: one point layer (read: the file's one point layer). */
    GEOPACKAGE("gpkg", "application/geopackage+sqlite3"),
    /** A zip holding one Shapefile layer's .shp, .dbf, .prj and .cpg. */
    SHAPEFILE("zip", "application/zip");

    private final String extension;
    private final String mediaType;

    RegisterFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** File name extension without the dot. */
    public String extension() {
        return extension;
    }

    /** The Content-Type to send with a download. */
    public String mediaType() {
        return mediaType;
    }

    public boolean importable() {
        return this != KML;
    }

    public boolean exportable() {
        return this != SHAPEFILE;
    }

    /** The format a file name's extension names ({@code .json} counts as GeoJSON), if any. */
    public static Optional<RegisterFormat> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        for (RegisterFormat f : values()) {
            if (f.extension.equals(ext)) {
                return Optional.of(f);
            }
        }
        return ext.equals("json") ? Optional.of(GEOJSON) : Optional.empty();
    }
}
