package org.yizhan.locator.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.yizhan.locator.web.ApiException;

class FeedbackTokensTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T03:00:00Z"));
    final FeedbackTokens tokens = new FeedbackTokens(
            new FeedbackSecret(NetworksTest.properties("test-secret")), clock, NetworksTest.properties("test-secret"));

    @Test
    void aTokenIsGoodFromItsNetworkUntilItExpires() {
        FeedbackTokens.Issued issued = tokens.issue("198.51.100.7");
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        tokens.check(issued.token(), "198.51.100.7");
        tokens.check(issued.token(), "198.51.100.99"); // the same /24
        clock.advance(Duration.ofMinutes(10));
        tokens.check(issued.token(), "198.51.100.7");
        clock.advance(Duration.ofSeconds(1));
        assertRefused(issued.token(), "198.51.100.7", HttpStatus.FORBIDDEN, "feedback.token.expired");
    }

    @Test
    void aTokenFromAnotherNetworkOrAnotherSecretOrAlteredIsRefused() {
        String token = tokens.issue("198.51.100.7").token();
        assertRefused(token, "198.51.101.7", HttpStatus.FORBIDDEN, "feedback.token.elsewhere");
        FeedbackTokens other = new FeedbackTokens(
                new FeedbackSecret(NetworksTest.properties("other-secret")),
                clock,
                NetworksTest.properties("other-secret"));
        assertRefused(
                other.issue("198.51.100.7").token(), "198.51.100.7", HttpStatus.FORBIDDEN, "feedback.token.elsewhere");
        // Moving the issue time forward to stretch the validity breaks the signature.
        String[] parts = token.split("\\.");
        String later = parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2];
        assertRefused(later, "198.51.100.7", HttpStatus.FORBIDDEN, "feedback.token.elsewhere");
    }

    @Test
    void aMissingOrMalformedTokenIsAClientError() {
        assertRefused(null, "198.51.100.7", HttpStatus.BAD_REQUEST, "feedback.token.missing");
        assertRefused(" ", "198.51.100.7", HttpStatus.BAD_REQUEST, "feedback.token.missing");
        assertRefused("v1.abc.def", "198.51.100.7", HttpStatus.BAD_REQUEST, "feedback.token.invalid");
        assertRefused("v2.1.x", "198.51.100.7", HttpStatus.BAD_REQUEST, "feedback.token.invalid");
        assertRefused("v1.99999999999999999999.x", "198.51.100.7", HttpStatus.BAD_REQUEST, "feedback.token.invalid");
    }

    private void assertRefused(String token, String address, HttpStatus status, String code) {
        assertThatThrownBy(() -> tokens.check(token, address)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.key()).isEqualTo(code);
        });
    }
}
