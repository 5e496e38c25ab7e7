package org.yizhan.locator.feedback;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yizhan.locator.web.ApiException;

/**
 * Turns the browser's random device id ({@code X-Device-Id}, a UUID kept in localStorage) into
 * an HMAC-SHA256 of (local day, id) under a server secret. The same phone gets a different hash
 * each day, so stored hashes cannot follow a worker over time; the raw id is never stored.
 */
@Component
class DeviceIds {

    static final String HEADER = "X-Device-Id";

    private final FeedbackSecret secret;

    DeviceIds(FeedbackSecret secret) {
        this.secret = secret;
    }

    /** The validated device id from the header, or a 400 problem. */
    static UUID parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw ApiException.of(HttpStatus.BAD_REQUEST, "feedback.device.missing")
                    .with("field", HEADER);
        }
        try {
            return UUID.fromString(header.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.of(HttpStatus.BAD_REQUEST, "feedback.device.invalid")
                    .with("field", HEADER);
        }
    }

    /** 64 hex characters, stable for one device within one local day. */
    String hash(UUID device, LocalDate day) {
        return secret.hex(day + "|" + device);
    }
}
