package org.yizhan.locator.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The one server secret of anonymous feedback ({@code yizhan.feedback.device-secret}): the key of
 * the daily device hash, the network hash and the feedback tokens. Each use prefixes its message
 * with its own purpose (the device hash with its date), so one use's output never stands for another's.
 */
@Component
class FeedbackSecret {

    private final SecretKeySpec key;

    FeedbackSecret(FeedbackProperties properties) {
        byte[] secret = properties.deviceSecret().isBlank()
                ? random()
                : properties.deviceSecret().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** HMAC-SHA256 of {@code message}, 64 hex characters. */
    String hex(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
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
