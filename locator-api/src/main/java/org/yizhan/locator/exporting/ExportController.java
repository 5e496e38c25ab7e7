package org.yizhan.locator.exporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.yizhan.geo.exchange.ExportOptions;
import org.yizhan.geo.exchange.GeoPackageExport;
import org.yizhan.geo.exchange.RegisterExport;
import org.yizhan.geo.exchange.RegisterFormat;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.changes.RegisterVersion;
import org.yizhan.locator.register.RegisterFilter;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.HttpCaching;

/**
 * The register as files. Unions' exports carry every field and need an account; the open-data
 * dump carries public fields of stations that are not closed, for anyone.
 */
@RestController
class ExportController {

    /** The files are large and the register changes by hand: five minutes, then revalidate cheaply. */
    private static final java.time.Duration OPEN_DATA_MAX_AGE = java.time.Duration.ofMinutes(5);

    private final RegisterReader register;
    private final RegisterVersion version;
    private final HttpCaching caching;

    private final AmenityVocabulary vocabulary;
    private final java.time.Clock clock;

    ExportController(
            RegisterReader register,
            RegisterVersion version,
            HttpCaching caching,
            AmenityVocabulary vocabulary,
            java.time.Clock clock) {
        this.vocabulary = vocabulary;
        this.clock = clock;
        this.register = register;
        this.version = version;
        this.caching = caching;
    }

    @Operation(
            summary = "Export the register of the account's regions",
            description =
                    "format=csv|xlsx|geojson|kml|gpkg; region (or district) = a division-code prefix inside the account's regions "
                            + "such as 1503 (default: all of them; admins: everything); status = comma-separated; q, amenities and "
                            + "needsChecking filter as GET /api/v1/register/search does, so the file holds what the search lists. "
                            + "CSV and XLSX cells that start with = + - @ are neutralised against formula injection. "
                            + "gpkg is an OGC GeoPackage with one point layer 'stations' that QGIS opens directly; crs=epsg:4490 (or cgcs2000) "
                            + "declares it CGCS2000 instead of WGS 84 (EPSG:4326), the coordinates being the same within a metre.")
    @SecurityRequirement(name = "basic")
    @GetMapping("/api/v1/register/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "") String district,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String amenities,
            @RequestParam(required = false) @Nullable Boolean needsChecking,
            @RequestParam(required = false) @Nullable String crs,
            @AuthenticationPrincipal SignedInUser user) {
        RegisterFormat chosen = format(format);
        GeoPackageExport.Srs srs = GeoPackageSrs.parse(crs, chosen);
        String prefix = region(region.isBlank() ? district : region);
        // Every field, responsible person and phone included: only the account's own regions (the filter narrows to
        // them).
        RegisterFilter filter = RegisterFilter.of(q, prefix, status, amenities, needsChecking, vocabulary);
        RegisterFilter.Sql where = filter.toSql(user.actor(), clock.instant());
        String name = "yizhan-register" + (prefix.isEmpty() ? "" : "-" + prefix) + "." + chosen.extension();
        return file(
                name,
                chosen,
                out -> register.forEach(where, stations -> {
                    if (chosen == RegisterFormat.GEOPACKAGE)
                        GeoPackageSrs.write(stations, ExportOptions.register(), srs, out);
                    else write(stations, chosen, ExportOptions.register(), out);
                }));
    }

    @Operation(
            summary = "Open data: public fields of all stations that are not closed (no login)",
            description =
                    "stations.geojson (RFC 7946), stations.csv (UTF-8 with BOM) or stations.gpkg (OGC GeoPackage, one "
                            + "point layer 'stations' that QGIS opens directly; crs=epsg:4490 or cgcs2000 declares it "
                            + "CGCS2000 instead of WGS 84). The ETag is the register's version (the change feed's last "
                            + "position), so If-None-Match gives 304 without building the file; Cache-Control: public, "
                            + "max-age=300.")
    @GetMapping("/api/v1/open-data/stations.{extension}")
    @Nullable
    ResponseEntity<StreamingResponseBody> openData(
            @PathVariable String extension,
            @RequestParam(required = false) @Nullable String crs,
            ServletWebRequest request) {
        RegisterFormat chosen = switch (extension) {
            case "geojson" -> RegisterFormat.GEOJSON;
            case "csv" -> RegisterFormat.CSV;
            case "gpkg" -> RegisterFormat.GEOPACKAGE;
            default -> throw ApiException.notFound("opendata.unknown");
        };
        GeoPackageExport.Srs srs = GeoPackageSrs.parse(crs, chosen);
        // Read the version before the rows: the file is then at least as new as its ETag says.
        RegisterVersion.Version current = version.current();
        String etag = "W/\"register-" + current.position() + "-" + chosen.extension()
                + (srs == GeoPackageExport.Srs.CGCS2000 ? "-4490" : "") + "\"";
        if (caching.notModified(request, etag, current.changedAt(), OPEN_DATA_MAX_AGE)) return null;
        return file(
                "yizhan-stations." + chosen.extension(),
                chosen,
                out -> register.forEach(List.of("%"), List.of("active", "suspended"), List.of(), stations -> {
                    if (chosen == RegisterFormat.GEOPACKAGE)
                        GeoPackageSrs.write(stations, ExportOptions.openData(), srs, out);
                    else write(stations, chosen, ExportOptions.openData(), out);
                }));
    }

    private static void write(
            java.util.stream.Stream<org.yizhan.geo.station.StationRecord> stations,
            RegisterFormat format,
            ExportOptions options,
            java.io.OutputStream out) {
        try {
            RegisterExport.write(stations, format, options, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseEntity<StreamingResponseBody> file(String name, RegisterFormat format, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .body(body);
    }

    static RegisterFormat format(String value) {
        return RegisterFormat.forFileName("x." + value.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(RegisterFormat::exportable)
                .orElseThrow(() -> ApiException.invalid("format", "export.format"));
    }

    static String region(String value) {
        String trimmed = value.trim();
        if (!trimmed.matches("[0-9]{0,6}")) {
            throw ApiException.invalid("region", "region.prefix.any");
        }
        return trimmed;
    }
}
