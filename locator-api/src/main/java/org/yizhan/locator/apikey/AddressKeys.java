package org.yizhan.locator.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
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
    /**
     * Recent addresses' names: an HMAC on every anonymous request was a measurable part of a
     * nearest answer. Bounded, and expiring, so it holds no history of addresses.
     */
    private final Cache<String, String> recent = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    AddressKeys(FeedbackSecret secret) {
        this.secret = secret;
    }

    String subject(String address) {
        return recent.get(address, a -> "a" + secret.hex("quota-address|" + a).substring(0, 32));
    }
}
