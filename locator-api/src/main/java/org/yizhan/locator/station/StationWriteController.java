package org.yizhan.locator.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.locator.web.Language;

/** Writes to the register; Spring Security only lets authorised accounts this far. */
@RestController
@SecurityRequirement(name = "basic")
class StationWriteController {

    private final StationService service;
    private final StationReader reader;
    private final StationResponses responses;
    private final Clock clock;

    StationWriteController(StationService service, StationReader reader, StationResponses responses, Clock clock) {
        this.service = service;
        this.reader = reader;
        this.responses = responses;
        this.clock = clock;
    }

    @Operation(summary = "Create a station", description = "The server assigns the code. Coordinates may be in wgs84, gcj02 or bd09.")
    @PostMapping("/api/v1/stations")
    ResponseEntity<StationResponse> create(@Valid @RequestBody StationForm form) {
        StationCode code = service.create(form);
        return ResponseEntity.created(URI.create("/api/v1/stations/" + code.value())).body(view(code));
    }

    @Operation(summary = "Update a station", description = "Send the version you read; a stale version gets 409.")
    @PutMapping("/api/v1/stations/{code}")
    StationResponse update(@PathVariable String code, @Valid @RequestBody StationForm form) {
        StationCode parsed = StationCodes.parse(code);
        service.update(parsed, form);
        return view(parsed);
    }

    @Operation(summary = "Suspend, close or reactivate a station", description = "Closing keeps the record and the code forever.")
    @PostMapping("/api/v1/stations/{code}/status")
    StationResponse changeStatus(@PathVariable String code, @Valid @RequestBody StatusForm form) {
        StationCode parsed = StationCodes.parse(code);
        service.changeStatus(parsed, form);
        return view(parsed);
    }

    private StationResponse view(StationCode code) {
        StationRow row = reader.find(code).orElseThrow();
        return responses.toResponse(row, Language.ZH, CoordinateSystem.WGS84, clock.instant(), null);
    }
}
