package org.yizhan.locator.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.web.GeoParams;
import org.yizhan.locator.web.Language;

/** Writes to the register. Spring Security lets signed-in accounts this far; the service checks their region. */
@RestController
@SecurityRequirement(name = "basic")
class StationWriteController {

    private final StationService service;
    private final StationReader reader;
    private final StationResponses responses;
    private final DuplicateCheck duplicates;
    private final Clock clock;

    StationWriteController(
            StationService service,
            StationReader reader,
            StationResponses responses,
            DuplicateCheck duplicates,
            Clock clock) {
        this.service = service;
        this.reader = reader;
        this.responses = responses;
        this.duplicates = duplicates;
        this.clock = clock;
    }

    @Operation(
            summary = "Create a station",
            description = "The server assigns the code. Coordinates may be in wgs84, gcj02 or bd09. "
                    + "The response lists likely duplicates in `warnings`.")
    @PostMapping("/api/v1/stations")
    ResponseEntity<StationResponse> create(
            @Valid @RequestBody StationForm form, @AuthenticationPrincipal SignedInUser user) {
        StationService.Saved saved = service.create(form, user.actor());
        return ResponseEntity.created(
                        URI.create("/api/v1/stations/" + saved.code().value()))
                .body(view(saved));
    }

    @Operation(summary = "Update a station", description = "Send the version you read; a stale version gets 409.")
    @PutMapping("/api/v1/stations/{code}")
    StationResponse update(
            @PathVariable String code,
            @Valid @RequestBody StationForm form,
            @AuthenticationPrincipal SignedInUser user) {
        return view(service.update(StationCodes.parse(code), form, user.actor()));
    }

    @Operation(
            summary = "Suspend, close or reactivate a station",
            description = "Closing keeps the record and the code forever.")
    @PostMapping("/api/v1/stations/{code}/status")
    StationResponse changeStatus(
            @PathVariable String code,
            @Valid @RequestBody StatusForm form,
            @AuthenticationPrincipal SignedInUser user) {
        StationCode parsed = StationCodes.parse(code);
        service.changeStatus(parsed, form, user.actor());
        return view(new StationService.Saved(parsed, List.of()));
    }

    record DuplicatesResponse(List<DuplicateCheck.Warning> warnings) {}

    @Operation(
            summary = "Likely duplicates of a station about to be saved",
            description =
                    "An active station within 30 m, or a similar name within 200 m. For inline warnings in editing forms.")
    @GetMapping("/api/v1/stations/duplicates")
    DuplicatesResponse duplicates(
            @RequestParam(required = false) @Nullable Double lat,
            @RequestParam(required = false) @Nullable Double lng,
            @RequestParam(required = false, defaultValue = "") String name,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(required = false) @Nullable String except) {
        LatLng at = GeoParams.crs(crs).toWgs84(GeoParams.point(lat, lng));
        return new DuplicatesResponse(duplicates.find(
                at, name, except == null ? null : StationCodes.parse(except).value()));
    }

    private StationResponse view(StationService.Saved saved) {
        StationRow row = reader.find(saved.code()).orElseThrow();
        return responses
                .toPrivateResponse(row, Language.ZH, CoordinateSystem.WGS84, clock.instant())
                .withWarnings(saved.warnings());
    }
}
