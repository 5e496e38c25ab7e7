package org.yizhan.locator.amenity;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.yizhan.locator.web.HttpCaching;
import org.yizhan.locator.web.Language;

@RestController
class AmenityController {

    private final AmenityVocabulary vocabulary;

    /** The vocabulary changes only with a deployment; an hour of staleness costs nothing. */
    private static final java.time.Duration MAX_AGE = java.time.Duration.ofHours(1);

    private final HttpCaching caching;

    AmenityController(AmenityVocabulary vocabulary, HttpCaching caching) {
        this.vocabulary = vocabulary;
        this.caching = caching;
    }

    /** One amenity with its label in the requested language and both labels for clients that switch. */
    record AmenityResponse(String key, String label, String labelZh, String labelEn, String icon) {}

    record AmenitiesResponse(List<AmenityResponse> amenities) {}

    @Operation(
            summary = "The amenity vocabulary",
            description = "Keys usable in the amenities filter, with labels. "
                    + "Weak ETag and Last-Modified (304 on If-None-Match); Cache-Control: public, max-age=3600.")
    @GetMapping("/api/v1/amenities")
    @Nullable
    AmenitiesResponse amenities(
            @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage,
            ServletWebRequest request) {
        Language language = Language.resolve(lang, acceptLanguage);
        AmenitiesResponse body = new AmenitiesResponse(vocabulary.all().stream()
                .map(a -> new AmenityResponse(a.key(), a.label(language), a.labelZh(), a.labelEn(), a.icon()))
                .toList());
        return caching.notModified(request, body, vocabulary.lastChanged(), MAX_AGE) ? null : body;
    }
}
