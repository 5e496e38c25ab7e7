package org.yizhan.locator.apikey;

import org.springframework.stereotype.Component;
import org.yizhan.locator.feedback.FeedbackSecret;

/**
 * The name an anonymous client address is counted under: a keyed hash (HMAC-SHA256, 128 bits),
 * never the address itself, so {@code api_usage} holds no address (the IPv4 space is small
 * enough to reverse an unkeyed hash). The key is the service's one anonymous-data secret
 * ({@link FeedbackSecret}); instances share anonymous counts only when they share it.
 */
@Component
class AddressKeys {

    private final FeedbackSecret secret;

    AddressKeys(FeedbackSecret secret) {
        this.secret = secret;
    }

    String subject(String address) {
        return "a" + secret.hex("quota-address|" + address).substring(0, 32);
    }
}
