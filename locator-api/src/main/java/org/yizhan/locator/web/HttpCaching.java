package org.yizhan.locator.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validators and freshness for answers that change rarely (RFC 9110 §8.8, §13; RFC 9111).
 * ETags are weak because Tomcat may gzip the body: the bytes on the wire differ by content
 * coding while the meaning is the same. Anonymous answers are {@code public} so shared caches
 * and CDNs may keep them; answers to signed-in accounts carry private fields and stay
 * {@code private, no-cache}. Usage: {@code if (caching.notModified(request, body, ...)) return null;}.
 */
@Component
public class HttpCaching {

    private final JsonMapper json;

    HttpCaching(JsonMapper json) {
        this.json = json;
    }

    /**
     * Sets Cache-Control, Vary, ETag (of the body as JSON) and Last-Modified, and answers whether
     * the request's preconditions say the client's copy is current; then the response is already a 304.
     */
    public boolean notModified(
            ServletWebRequest request, Object body, @Nullable Instant lastModified, Duration maxAge) {
        return notModified(request, weakEtag(json.writeValueAsBytes(body)), lastModified, maxAge);
    }

    /** As above, with a validator the caller derived without building the body (e.g. a register version). */
    public boolean notModified(
            ServletWebRequest request, String etag, @Nullable Instant lastModified, Duration maxAge) {
        var response = request.getResponse();
        if (response != null) {
            response.setHeader(
                    HttpHeaders.CACHE_CONTROL,
                    anonymous() ? "public, max-age=" + maxAge.toSeconds() : "private, no-cache");
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
        // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2); HTTP dates have whole seconds.
        boolean current = request.checkNotModified(etag, lastModified == null ? -1 : lastModified.toEpochMilli());
        if (current && response != null && response.getStatus() == HttpStatus.PRECONDITION_FAILED.value()) {
            // If-Match / If-Unmodified-Since failed: say so as a problem detail, not an empty 412.
            throw ApiException.of(HttpStatus.PRECONDITION_FAILED, "resource.changed");
        }
        return current;
    }

    /**
     * {@code W/"…"}: the CRC-32C and the CRC-32 of the bytes and their length. A validator must
     * change when the answer does; two different checksums and the length together miss a change
     * with a chance of about 2^-64, and both are one CPU instruction's loop (~2 µs for a 40 KB
     * country view, where SHA-256 took ~24 µs, as much as writing the view). Nothing asks for a
     * cryptographic hash here: the answers are public, and a forged collision would only keep a
     * client's copy of an answer it could read anyway.
     */
    public static String weakEtag(byte[] bytes) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(bytes);
        CRC32 ieee = new CRC32();
        ieee.update(bytes);
        HexFormat hex = HexFormat.of();
        return "W/\"" + hex.toHexDigits((int) castagnoli.getValue()) + hex.toHexDigits((int) ieee.getValue())
                + Integer.toHexString(bytes.length) + "\"";
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }
}
