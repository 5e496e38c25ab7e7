package org.yizhan.locator.ogcapi;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.yizhan.locator.web.ApiException;

/** JSON or HTML: {@code f} wins, else the Accept header (a browser asks for text/html first). */
enum OgcFormat {
    JSON,
    HTML;

    static OgcFormat resolve(@Nullable String f, @Nullable String accept) {
        if (f != null && !f.isBlank()) {
            return switch (f.trim().toLowerCase(Locale.ROOT)) {
                case "json", "geojson", "application/json", "application/geo+json" -> JSON;
                case "html", "text/html" -> HTML;
                default -> throw ApiException.invalid("f", "ogc.f", f.trim());
            };
        }
        if (accept == null || accept.isBlank()) return JSON;
        try {
            // In the order the client lists them; browsers put text/html first.
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.getQualityValue() == 0) continue;
                if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) return HTML;
                if (type.getSubtype().endsWith("json")) return JSON;
            }
        } catch (IllegalArgumentException malformed) {
            // A broken Accept header is no reason to fail a read: answer JSON.
        }
        return JSON;
    }
}
