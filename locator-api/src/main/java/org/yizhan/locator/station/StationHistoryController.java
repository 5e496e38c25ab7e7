package org.yizhan.locator.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.web.ApiException;

@RestController
@SecurityRequirement(name = "basic")
class StationHistoryController {

    private final StationHistory history;
    private final StationReader reader;

    StationHistoryController(StationHistory history, StationReader reader) {
        this.history = history;
        this.reader = reader;
    }

    record HistoryResponse(String code, List<StationHistory.Entry> entries) {}

    @Operation(
            summary = "Change history of a station (accounts whose regions hold it)",
            description = "Newest first; before/after per changed field.")
    @GetMapping("/api/v1/stations/{code}/history")
    HistoryResponse history(@PathVariable String code, @AuthenticationPrincipal SignedInUser user) {
        StationCode parsed = StationCodes.parse(code);
        StationRow station =
                reader.find(parsed).orElseThrow(() -> ApiException.notFound("station.unknown", parsed.value()));
        // History carries responsible persons and phones before and after: the account's regions only.
        user.actor().requireMayRead(station.adcode());
        return new HistoryResponse(parsed.value(), history.of(parsed.value()));
    }
}
