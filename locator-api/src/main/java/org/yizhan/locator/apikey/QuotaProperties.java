package org.yizhan.locator.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yizhan.quota.*}; application.yaml carries a commented example and the
 * README's configuration table the environment variables.
 *
 * @param enabled     false turns counting and the 429s off (the RateLimit fields go too)
 * @param anonymous   what one client address without a key may do (riders behind a carrier's
 *                    NAT share an address, so keep it generous)
 * @param newKey      the quota the workspace offers for a new key
 * @param maxKey      the most an administrator may give one key
 * @param syncInterval how often each instance adds its counts to the shared ones in PostgreSQL;
 *                    with n instances a caller can exceed a quota by at most what it sends to the
 *                    other n-1 instances in one interval
 * @param keyCacheTtl how long an instance trusts what it read about a key: a revoked key stops
 *                    working on every instance within this time (at once on the one that revoked)
 */
@ConfigurationProperties("yizhan.quota")
public record QuotaProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"300", "30000"}) Limit anonymous,
        @DefaultValue({"1200", "500000"}) Limit newKey,
        @DefaultValue({"60000", "50000000"}) Limit maxKey,
        @DefaultValue("1s") Duration syncInterval,
        @DefaultValue("5s") Duration keyCacheTtl) {

    /** Requests per minute and per local day (the zone of opening hours, yizhan.time-zone). */
    public record Limit(
            @DefaultValue("300") long perMinute,
            @DefaultValue("30000") long perDay) {}
}
