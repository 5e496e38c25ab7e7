package org.yizhan.locator.feedback;

import java.time.LocalDate;
import java.util.Map;
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
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "Missing device id",
                    "Send a random UUID in the " + HEADER
                            + " header and keep it on the device; it lets us count one rating per phone and day.",
                    Map.of("field", HEADER));
        }
        try {
            return UUID.fromString(header.trim());
        } catch (IllegalArgumentException e) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "Invalid device id",
                    HEADER + " must be a UUID such as 3f1c2a9e-7b4d-4c1e-9a2f-5d6e7f809a1b.",
                    Map.of("field", HEADER));
        }
    }

    /** 64 hex characters, stable for one device within one local day. */
    String hash(UUID device, LocalDate day) {
        return secret.hex(day + "|" + device);
    }
}
