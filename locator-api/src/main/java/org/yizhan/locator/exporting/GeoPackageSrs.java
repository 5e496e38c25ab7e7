package org.yizhan.locator.exporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.exchange.ExportOptions;
import org.yizhan.geo.exchange.GeoPackageExport;
import org.yizhan.geo.exchange.RegisterFormat;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.web.ApiException;

/** The export's {@code crs=}: which system a GeoPackage declares (the other formats are WGS-84 by their standards). */
final class GeoPackageSrs {

    private GeoPackageSrs() {}

    static GeoPackageExport.Srs parse(@Nullable String crs, RegisterFormat format) {
        if (crs == null || crs.isBlank()) return GeoPackageExport.Srs.WGS84;
        String value = crs.trim().toLowerCase(Locale.ROOT);
        GeoPackageExport.Srs srs = switch (value) {
            case "wgs84", "epsg:4326", "4326" -> GeoPackageExport.Srs.WGS84;
            case "cgcs2000", "epsg:4490", "4490" -> GeoPackageExport.Srs.CGCS2000;
            default -> throw ApiException.invalid("crs", "export.crs");
        };
        if (format != RegisterFormat.GEOPACKAGE && srs != GeoPackageExport.Srs.WGS84) {
            throw ApiException.invalid("crs", "export.crs.gpkgOnly", format.extension());
        }
        return srs;
    }

    static void write(
            Stream<StationRecord> stations, ExportOptions options, GeoPackageExport.Srs srs, OutputStream out) {
        try {
            GeoPackageExport.write(stations, options, srs, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
