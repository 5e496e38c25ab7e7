package org.yizhan.locator.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yizhan.feedback.*}; application.yaml carries a commented example.
 *
 * @param deviceSecret key of the daily device HMAC (env {@code YIZHAN_FEEDBACK_DEVICE_SECRET}); when
 *                     empty a random key is made at start-up, so the one-per-day rules forget
 *                     devices on restart
 * @param perDevice writes one device may make
 * @param perAddress writes one network (IPv4 /24, IPv6 /64) may make; generous, since riders on
 *                   mobile data share carrier-grade NAT addresses
 * @param perNetworkStationDay ratings, and separately reports, one network may file about one
 *                   station in one local day; more get 429, and a network that reaches it is flagged
 * @param tokenTtl how long a token from GET /api/v1/feedback-token is good for
 */
@ConfigurationProperties("yizhan.feedback")
public record FeedbackProperties(
        @DefaultValue("") String deviceSecret,
        @DefaultValue({"20", "20"}) Limit perDevice,
        @DefaultValue({"300", "300"}) Limit perAddress,
        @DefaultValue("3") int perNetworkStationDay,
        @DefaultValue("10m") java.time.Duration tokenTtl) {

    /** A token bucket: {@code burst} writes at once, refilled at {@code perHour}. */
    public record Limit(
            @DefaultValue("20") int burst,
            @DefaultValue("20") int perHour) {}
}
