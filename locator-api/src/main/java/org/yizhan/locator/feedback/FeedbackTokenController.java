package org.yizhan.locator.feedback;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hands out the short-lived token that anonymous feedback writes must carry. */
@RestController
class FeedbackTokenController {

    private final FeedbackTokens tokens;

    FeedbackTokenController(FeedbackTokens tokens) {
        this.tokens = tokens;
    }

    record Token(String token, Instant expiresAt, String header) {}

    @Operation(
            summary = "A token for posting feedback (no login)",
            description =
                    "Send it as X-Feedback-Token with ratings, reports and check-ins. It is bound to the caller's network "
                            + "(IPv4 /24, IPv6 /64) and good for 10 minutes (yizhan.feedback.token-ttl).")
    @GetMapping("/api/v1/feedback-token")
    ResponseEntity<Token> token(HttpServletRequest request) {
        FeedbackTokens.Issued issued = tokens.issue(request.getRemoteAddr());
        // Bound to a network: no shared cache may hand one caller's token to another.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Token(issued.token(), issued.expiresAt(), FeedbackTokens.HEADER));
    }
}
