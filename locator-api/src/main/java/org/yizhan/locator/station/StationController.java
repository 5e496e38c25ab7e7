package org.yizhan.locator.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;
import org.yizhan.locator.web.HttpCaching;
import org.yizhan.locator.web.Language;

@RestController
class StationController {

    private final StationReader reader;
    private final StationResponses responses;
    private final Clock clock;

    /** Open state may flip on any minute; a minute of staleness is what a rider can live with. */
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final HttpCaching caching;

    StationController(StationReader reader, StationResponses responses, Clock clock, HttpCaching caching) {
        this.caching = caching;
        this.reader = reader;
        this.responses = responses;
        this.clock = clock;
    }

    @Operation(
            summary = "One station by its code",
            description = "Accepts the code as printed on the plaque; lower-case x and surrounding spaces are fine. "
                    + "Carries a weak ETag and Last-Modified; If-None-Match / If-Modified-Since give 304. "
                    + "Anonymous answers are Cache-Control: public, max-age=60.")
    @GetMapping("/api/v1/stations/{code}")
    @Nullable
    StationResponse station(
            @PathVariable @Parameter(example = "150302-00017-4") String code,
            @RequestParam(required = false) @Parameter(description = "wgs84 (default), gcj02 or bd09") @Nullable
                    String crs,
            @RequestParam(required = false) @Parameter(description = "zh or en; overrides Accept-Language") @Nullable
                    String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage,
            @AuthenticationPrincipal @Nullable SignedInUser user,
            ServletWebRequest request) {
        StationCode parsed = StationCodes.parse(code);
        StationRow row =
                reader.find(parsed).orElseThrow(() -> ApiException.notFound("station.unknown", parsed.value()));
        Language language = Language.resolve(lang, acceptLanguage);
        Instant now = clock.instant();
        // Responsible person and the like only for accounts whose regions hold the station.
        StationResponse body = user == null || !user.actor().mayRead(row.adcode())
                ? responses.toResponse(row, language, GeoParams.crs(crs), now, null)
                : responses.toPrivateResponse(row, language, GeoParams.crs(crs), now);
        return caching.notModified(request, body, responses.lastChanged(row, now), MAX_AGE) ? null : body;
    }
}
