package org.yizhan.locator.apikey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.yizhan.locator.feedback.FeedbackProperties;

/**
 * The name an anonymous client address is counted under: a keyed hash (HMAC-SHA256, 128 bits),
 * never the address itself, so {@code api_usage} holds no address (the IPv4 space is small
 * enough to reverse an unkeyed hash). The key is the service's one anonymous-data secret,
 * {@code yizhan.feedback.device-secret}; instances share anonymous counts only when they share it
 * (with none set, each start makes a random one).
 */
@Component
class AddressKeys {

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    AddressKeys(FeedbackProperties properties) {
        byte[] secret = properties.deviceSecret().isBlank()
                ? random()
                : properties.deviceSecret().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::mac);
    }

    String subject(String address) {
        Mac mac = macs.get();
        byte[] digest = mac.doFinal(("quota-address:" + address).getBytes(StandardCharsets.UTF_8));
        return "a" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
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
