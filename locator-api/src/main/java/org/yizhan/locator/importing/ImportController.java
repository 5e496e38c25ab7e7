package org.yizhan.locator.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.yizhan.geo.exchange.RegisterFormat;
import org.yizhan.geo.exchange.RegisterTemplate;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;
import org.yizhan.locator.web.HttpCaching;
import org.yizhan.locator.web.Language;
import org.yizhan.locator.web.Problems;

@RestController
@SecurityRequirement(name = "basic")
class ImportController {

    private final RegisterImporter importer;
    private final HttpCaching caching;
    private volatile @Nullable Template kept;

    ImportController(RegisterImporter importer, HttpCaching caching) {
        this.importer = importer;
        this.caching = caching;
    }

    @Operation(
            summary = "Import a register file (.xlsx, .csv UTF-8/GBK, .geojson, .gpkg, zipped Shapefile)",
            description =
                    "dryRun=true (default) reports per row what would be created, updated, left unchanged or rejected "
                            + "and why. dryRun=false commits atomically: if any row is rejected nothing is written and the answer is 422. "
                            + "A GeoPackage's point layer or a .zip of one point Shapefile (.shp, .dbf, .prj, .cpg; attributes UTF-8 or GBK) "
                            + "may be in WGS 84, CGCS2000 (EPSG:4490) or a CGCS2000 3-degree Gauss-Kruger zone (EPSG:4513-4554), as its "
                            + ".prj or srs says; crs= (gcj02, bd09) applies only to layers declared WGS 84 or without a .prj.")
    @PostMapping(value = "/api/v1/register/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importRegister(
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(required = false) @Nullable String crs,
            @AuthenticationPrincipal SignedInUser user,
            jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        if (user.actor().role() == org.yizhan.locator.account.Role.VIEWER) {
            throw ApiException.of(HttpStatus.FORBIDDEN, "import.viewer");
        }
        if (file == null || file.isEmpty()) throw ApiException.invalid("file", "import.file.missing");
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return importer.run(in, name, GeoParams.crs(crs), dryRun, user.actor(), Language.of(request));
        }
    }

    @ExceptionHandler(RegisterImporter.RejectedImportException.class)
    ResponseEntity<ProblemDetail> rejected(
            RegisterImporter.RejectedImportException e, jakarta.servlet.http.HttpServletRequest request) {
        ImportReport report = e.report;
        Language language = Language.of(request);
        ProblemDetail problem = Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT, language, "import.rejected", report.rejected(), report.rows());
        Map.<String, Object>of(
                        "fileName",
                        report.fileName(),
                        "rows",
                        report.rows(),
                        "rejected",
                        report.rejected(),
                        "problems",
                        report.problems(),
                        "problemCount",
                        report.problemCount(),
                        "preview",
                        report.preview(),
                        "committed",
                        false)
                .forEach(problem::setProperty);
        return Problems.response(problem, language);
    }

    @Operation(summary = "The register template (.xlsx) with Chinese headers, an example row and notes")
    @GetMapping("/api/v1/register/template.xlsx")
    @Nullable
    ResponseEntity<byte[]> template(ServletWebRequest request) {
        Template template = keptTemplate();
        if (caching.notModified(request, template.etag(), null, Duration.ofDays(1))) return null;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"yizhan-register-template.xlsx\"")
                .contentType(MediaType.parseMediaType(RegisterFormat.XLSX.mediaType()))
                .body(template.bytes());
    }

    /** The template's bytes and validator. */
    private record Template(byte[] bytes, String etag) {}

    /**
     * Written once: the template is the same for every caller until the next release, and writing a
     * workbook took ~100 ms of CPU on an anonymous request.
     */
    private Template keptTemplate() {
        Template made = kept;
        if (made == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                RegisterTemplate.xlsx(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] bytes = out.toByteArray();
            made = kept = new Template(bytes, HttpCaching.weakEtag(bytes));
        }
        return made;
    }
}
