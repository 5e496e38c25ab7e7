package org.yizhan.locator.exporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.yizhan.geo.plaque.CjkFont;
import org.yizhan.geo.plaque.PlaqueOptions;
import org.yizhan.geo.plaque.PlaquePdf;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.station.StationCodes;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.PublicBaseUrl;

/** Printable A4 plaques with the station code in large type and a QR code to its public page. */
@RestController
@SecurityRequirement(name = "basic")
class PlaqueController {

    static final String DEFAULT_UNION = "工会户外劳动者服务站点";

    private final RegisterReader register;
    private final PublicBaseUrl publicBaseUrl;

    PlaqueController(RegisterReader register, PublicBaseUrl publicBaseUrl) {
        this.register = register;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Operation(
            summary = "Plaques as PDF (signed-in accounts)",
            description = "codes=a,b for chosen stations, or region=150302 for every active station of a division; "
                    + "perPage 1, 2 or 4; union = the union's name printed on top.")
    @GetMapping(value = "/api/v1/plaques", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<StreamingResponseBody> plaques(
            @RequestParam(required = false) @Nullable String codes,
            @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "1") int perPage,
            @RequestParam(defaultValue = DEFAULT_UNION) String union) {
        if (perPage != 1 && perPage != 2 && perPage != 4) throw ApiException.invalid("perPage", "plaque.perPage");
        List<StationRecord> stations = stations(codes, region);
        Path font =
                CjkFont.findDefault().orElseThrow(() -> ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "plaque.font"));
        String baseUrl = publicBaseUrl.base();
        PlaqueOptions options =
                PlaqueOptions.of(union.trim(), baseUrl).withPerPage(perPage).withFont(font);
        StreamingResponseBody body = out -> {
            try {
                PlaquePdf.write(stations.stream(), options, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"yizhan-plaques.pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(body);
    }

    /** What a print would hold: how many plaques, the first one's text and the address its QR code carries. */
    record Preview(
            @Schema(description = "Plaques the PDF would hold (active and suspended stations)")
            int count,

            String union,
            @Schema(example = "150302-00017-4") String code,
            String name,
            String address,

            @Schema(
                    description = "What the first plaque's QR code encodes: the station's public page",
                    example = "https://yizhan.example.org/s/150302-00017-4")
            String qrUrl) {}

    @Operation(
            summary = "Preview of a plaque print (signed-in accounts)",
            description = "The same parameters as GET /api/v1/plaques; answers with the number of plaques, the first "
                    + "station's text and the address its QR code will carry, so staff can check before printing.")
    @GetMapping(value = "/api/v1/plaques/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    Preview preview(
            @RequestParam(required = false) @Nullable String codes,
            @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = DEFAULT_UNION) String union) {
        List<StationRecord> stations = stations(codes, region);
        StationRecord first = stations.get(0);
        String code = java.util.Objects.requireNonNull(first.code(), "stored stations have codes");
        return new Preview(
                stations.size(),
                union.trim(),
                code,
                first.name(),
                first.address(),
                PlaqueOptions.stationUrl(publicBaseUrl.base(), code));
    }

    /** The stations named by codes, or every active and suspended one of a city or district; a 4xx problem for none. */
    private List<StationRecord> stations(@Nullable String codes, String region) {
        List<String> chosen = codes == null || codes.isBlank()
                ? List.of()
                : Arrays.stream(codes.split(","))
                        .map(c -> StationCodes.parse(c).value())
                        .toList();
        String prefix = ExportController.region(region);
        if (chosen.isEmpty() && prefix.length() < 4) {
            throw ApiException.invalid("region", "plaque.selection");
        }
        List<StationRecord> stations = new java.util.ArrayList<>();
        register.forEach(List.of(prefix + "%"), List.of("active", "suspended"), chosen, s -> s.forEach(stations::add));
        if (stations.isEmpty()) throw ApiException.notFound("plaque.none");
        return stations;
    }
}
