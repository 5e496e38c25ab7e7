package org.yizhan.locator.ogcapi;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute links as OGC API documents carry them: rel, type, title, href. */
final class OgcLinks {

    static final String ROOT = "/ogcapi";
    static final String JSON = "application/json";
    static final String GEO_JSON = "application/geo+json";
    static final String HTML = "text/html";
    static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";
    static final String MVT = "application/vnd.mapbox-vector-tile";

    private OgcLinks() {}

    /** The API root as the client reached it (behind a proxy: as X-Forwarded-* say, see server.forward-headers-strategy). */
    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(ROOT)
                .build()
                .toUriString();
    }

    static Map<String, Object> link(String rel, String type, String title, String href) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("rel", rel);
        link.put("type", type);
        link.put("title", title);
        link.put("href", href);
        return link;
    }

    /**
     * {@code href} with {@code f} added. Query values are written with only the characters a URL
     * cannot carry escaped: clients such as the OGC test suite split next links on '&amp;' and '='
     * and send the pieces again, so a value escaped twice would no longer be the same value.
     */
    static String withQuery(String path, Map<String, String> query) {
        StringBuilder out = new StringBuilder(path);
        char sep = path.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            out.append(sep).append(escape(e.getKey())).append('=').append(escape(e.getValue()));
            sep = '&';
        }
        return out.toString();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "-._~:/,@!$'()*;".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
