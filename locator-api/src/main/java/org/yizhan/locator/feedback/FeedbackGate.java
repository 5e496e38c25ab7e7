package org.yizhan.locator.feedback;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What every anonymous feedback write passes before it is looked at: a device id, a token issued
 * to the sender's network a few minutes ago, and the per-device and per-network token buckets.
 * The client address is Tomcat's, so forwarded headers count only from configured proxies.
 */
@Component
class FeedbackGate {

    private final FeedbackTokens tokens;
    private final FeedbackThrottle throttle;
    private final Networks networks;

    FeedbackGate(FeedbackTokens tokens, FeedbackThrottle throttle, Networks networks) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.networks = networks;
    }

    /** Who sent it, as far as the rules need to know: the device and the keyed hash of its network. */
    record Sender(UUID device, String networkHash) {}

    Sender admit(@Nullable String deviceHeader, @Nullable String tokenHeader, HttpServletRequest request) {
        UUID device = DeviceIds.parse(deviceHeader);
        String address = request.getRemoteAddr();
        tokens.check(tokenHeader, address);
        throttle.take(device.toString(), Networks.prefix(address));
        return new Sender(device, networks.hash(address));
    }
}
