package org.yizhan.locator.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;
import org.yizhan.locator.web.Language;

@RestController
class StationController {

    private final StationReader reader;
    private final StationResponses responses;
    private final Clock clock;

    StationController(StationReader reader, StationResponses responses, Clock clock) {
        this.reader = reader;
        this.responses = responses;
        this.clock = clock;
    }

    @Operation(summary = "One station by its code",
            description = "Accepts the code as printed on the plaque; lower-case x and surrounding spaces are fine.")
    @GetMapping("/api/v1/stations/{code}")
    StationResponse station(
            @PathVariable @Parameter(example = "150302-00017-4") String code,
            @RequestParam(required = false) @Parameter(description = "wgs84 (default), gcj02 or bd09") @Nullable String crs,
            @RequestParam(required = false) @Parameter(description = "zh or en; overrides Accept-Language") @Nullable String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage,
            @AuthenticationPrincipal @Nullable SignedInUser user) {
        StationCode parsed = StationCodes.parse(code);
        StationRow row = reader.find(parsed).orElseThrow(() -> ApiException.notFound("No such station",
                "There is no station with code " + parsed.value() + "."));
        Language language = Language.resolve(lang, acceptLanguage);
        // Responsible person and the like only for accounts whose regions hold the station.
        return user == null || !user.actor().mayRead(row.adcode())
                ? responses.toResponse(row, language, GeoParams.crs(crs), clock.instant(), null)
                : responses.toPrivateResponse(row, language, GeoParams.crs(crs), clock.instant());
    }
}
