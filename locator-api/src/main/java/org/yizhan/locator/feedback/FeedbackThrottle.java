package org.yizhan.locator.feedback;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yizhan.locator.web.ApiException;

/**
 * Per-device and per-network (IPv4 /24, IPv6 /64) token buckets for anonymous feedback writes.
 * State lives in memory only and is dropped two hours after a key's last write; it guards the
 * service, while the rules a union relies on are counted from the stored rows (FeedbackService).
 */
@Component
class FeedbackThrottle {

    private final Bandwidth perDevice;
    private final Bandwidth perAddress;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(200_000)
            .build();

    FeedbackThrottle(FeedbackProperties properties) {
        this.perDevice = bandwidth(properties.perDevice());
        this.perAddress = bandwidth(properties.perAddress());
    }

    /** Takes one token for the device and one for the network, or refuses with 429. */
    void take(String deviceKey, String network) {
        boolean device = buckets.get(
                        "d:" + deviceKey,
                        k -> Bucket.builder().addLimit(perDevice).build())
                .tryConsume(1);
        boolean addr = device
                && buckets.get(
                                "n:" + network,
                                k -> Bucket.builder().addLimit(perAddress).build())
                        .tryConsume(1);
        if (!device || !addr) {
            throw ApiException.of(
                            HttpStatus.TOO_MANY_REQUESTS,
                            device ? "feedback.throttle.network" : "feedback.throttle.phone")
                    .with("limit", device ? "address" : "device");
        }
    }

    private static Bandwidth bandwidth(FeedbackProperties.Limit limit) {
        return Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.perHour(), Duration.ofHours(1))
                .build();
    }
}
