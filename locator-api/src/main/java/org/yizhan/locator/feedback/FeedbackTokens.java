package org.yizhan.locator.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yizhan.locator.web.ApiException;

/**
 * Short-lived tokens the map fetches (GET) before it may post feedback:
 * {@code v1.<issued epoch second>.<HMAC(secret, "token|" + issued + "|" + network)>}. A token is
 * good for {@code yizhan.feedback.token-ttl} from the network it was issued to; it holds no
 * state on the server, so any instance sharing the secret accepts it.
 */
@Component
class FeedbackTokens {

    static final String HEADER = "X-Feedback-Token";
    /** Clocks of instances behind one proxy may differ a little. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final FeedbackSecret secret;
    private final Clock clock;
    private final Duration ttl;

    FeedbackTokens(FeedbackSecret secret, Clock clock, FeedbackProperties properties) {
        this.secret = secret;
        this.clock = clock;
        this.ttl = properties.tokenTtl();
    }

    record Issued(String token, Instant expiresAt) {}

    Issued issue(String address) {
        long issued = clock.instant().getEpochSecond();
        return new Issued(
                "v1." + issued + "." + mac(issued, address),
                Instant.ofEpochSecond(issued).plus(ttl));
    }

    /** Accepts a token issued to this address's network within the validity period, or refuses with a problem. */
    void check(@Nullable String token, String address) {
        if (token == null || token.isBlank()) {
            throw refusal(HttpStatus.BAD_REQUEST, "feedback.token.missing");
        }
        String[] parts = token.trim().split("\\.", -1);
        long issued;
        try {
            if (parts.length != 3 || !parts[0].equals("v1")) throw new NumberFormatException();
            issued = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw refusal(HttpStatus.BAD_REQUEST, "feedback.token.invalid");
        }
        byte[] expected = mac(issued, address).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw refusal(HttpStatus.FORBIDDEN, "feedback.token.elsewhere");
        }
        Instant at = Instant.ofEpochSecond(issued);
        Instant now = clock.instant();
        if (now.isAfter(at.plus(ttl)) || now.isBefore(at.minus(SKEW))) {
            throw refusal(HttpStatus.FORBIDDEN, "feedback.token.expired", ttl.toMinutes());
        }
    }

    private String mac(long issued, String address) {
        // Half the HMAC is plenty against guessing and keeps the header short.
        return secret.hex("token|" + issued + "|" + Networks.prefix(address)).substring(0, 32);
    }

    private static ApiException refusal(HttpStatus status, String key, Object... args) {
        return ApiException.of(status, key, args).with("field", HEADER);
    }
}
