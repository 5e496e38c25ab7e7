package org.yizhan.locator.exporting;

import io.swagger.v3.oas.annotations.Operation;
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
            @RequestParam(defaultValue = "工会户外劳动者服务站点") String union) {
        if (perPage != 1 && perPage != 2 && perPage != 4) throw ApiException.invalid("perPage", "plaque.perPage");
        List<String> chosen = codes == null || codes.isBlank()
                ? List.of()
                : Arrays.stream(codes.split(","))
                        .map(c -> StationCodes.parse(c).value())
                        .toList();
        String prefix = ExportController.region(region);
        if (chosen.isEmpty() && prefix.length() < 4) {
            throw ApiException.invalid("region", "plaque.selection");
        }
        Path font =
                CjkFont.findDefault().orElseThrow(() -> ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "plaque.font"));
        String baseUrl = publicBaseUrl.base();
        PlaqueOptions options =
                PlaqueOptions.of(union.trim(), baseUrl).withPerPage(perPage).withFont(font);
        List<StationRecord> stations = new java.util.ArrayList<>();
        register.forEach(List.of(prefix + "%"), List.of("active", "suspended"), chosen, s -> s.forEach(stations::add));
        if (stations.isEmpty()) throw ApiException.notFound("plaque.none");
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
}
