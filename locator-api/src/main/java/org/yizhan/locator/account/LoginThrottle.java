package org.yizhan.locator.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: each failed sign-in takes a token from a bucket for the username and
 * one for the client address; an empty bucket refuses further attempts until it refills.
 * Buckets live in memory and expire; no addresses are kept longer than that.
 */
@Component
public class LoginThrottle {

    /** Per username: ten failures, then one more attempt every 30 seconds. */
    private static final Bandwidth PER_USER = Bandwidth.builder()
            .capacity(10)
            .refillGreedy(2, Duration.ofMinutes(1))
            .build();
    /** Per address: more, because a union office shares one address, but still far from brute force. */
    private static final Bandwidth PER_ADDRESS = Bandwidth.builder()
            .capacity(50)
            .refillGreedy(10, Duration.ofMinutes(1))
            .build();

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(15))
            .maximumSize(100_000)
            .build();

    /** True when this username or address has failed too often recently. */
    public boolean blocked(String username, String address) {
        return exhausted("u:" + normalise(username)) || exhausted("a:" + address);
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        bucket("u:" + normalise(username), PER_USER).tryConsume(1);
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            bucket("a:" + details.getRemoteAddress(), PER_ADDRESS).tryConsume(1);
        }
    }

    private boolean exhausted(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    private Bucket bucket(String key, Bandwidth limit) {
        return buckets.get(key, k -> Bucket.builder().addLimit(limit).build());
    }

    private static String normalise(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
