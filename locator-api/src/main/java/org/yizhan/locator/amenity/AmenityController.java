package org.yizhan.locator.amenity;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.locator.web.Language;

@RestController
class AmenityController {

    private final AmenityVocabulary vocabulary;

    AmenityController(AmenityVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** One amenity with its label in the requested language and both labels for clients that switch. */
    record AmenityResponse(String key, String label, String labelZh, String labelEn, String icon) {}

    record AmenitiesResponse(List<AmenityResponse> amenities) {}

    @Operation(summary = "The amenity vocabulary", description = "Keys usable in the amenities filter, with labels.")
    @GetMapping("/api/v1/amenities")
    AmenitiesResponse amenities(@RequestParam(required = false) @Nullable String lang,
                                @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        Language language = Language.resolve(lang, acceptLanguage);
        return new AmenitiesResponse(vocabulary.all().stream()
                .map(a -> new AmenityResponse(a.key(), a.label(language), a.labelZh(), a.labelEn(), a.icon()))
                .toList());
    }
}
