package org.yizhan.locator.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The service's one secret for anonymous data ({@code yizhan.feedback.device-secret}): the key of
 * the daily device hash, the network hash, the feedback tokens and the quota counters' address
 * hash. Each use prefixes its message with its own purpose (the device hash with its date), so one
 * use's output never stands for another's. With no secret set, each start makes a random one.
 */
@Component
public class FeedbackSecret {

    private final SecretKeySpec key;
    /** A Mac per thread: the quota filter hashes an address on every anonymous API request. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::mac);

    FeedbackSecret(FeedbackProperties properties) {
        byte[] secret = properties.deviceSecret().isBlank()
                ? random()
                : properties.deviceSecret().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** HMAC-SHA256 of {@code message}, 64 hex characters. */
    public String hex(String message) {
        return HexFormat.of().formatHex(macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
