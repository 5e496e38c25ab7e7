package org.yizhan.locator.apikey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.web.ApiException;

/** Administrators issue, list and revoke the keys of other people's apps. */
@RestController
@SecurityRequirement(name = "basic")
@PreAuthorize("hasRole('ADMIN')")
class ApiKeyController {

    private final ApiKeys keys;
    private final QuotaProperties quota;

    ApiKeyController(ApiKeys keys, QuotaProperties quota) {
        this.keys = keys;
        this.quota = quota;
    }

    record KeyList(
            @Schema(description = "The quota the workspace offers for a new key")
            QuotaProperties.Limit newKey,

            @Schema(description = "What an anonymous client address may do")
            QuotaProperties.Limit anonymous,

            List<ApiKeys.KeyView> keys) {}

    record IssuedKey(
            @Schema(description = "The key, shown this once; only its SHA-256 is kept")
            String key,

            ApiKeys.KeyView apiKey) {}

    @Operation(
            summary = "List API keys with their daily use (admin)",
            description =
                    "usage lists the requests of each of the last `days` local days that had any; today is also in `today`.")
    @GetMapping("/api/v1/api-keys")
    KeyList list(@RequestParam(required = false) @Parameter(description = "1-90, default 14") @Nullable Integer days) {
        int n = days == null ? 14 : days;
        if (n < 1 || n > 90) throw ApiException.invalid("days", "number.outOfRange", "days", 1, 90, n);
        return new KeyList(quota.newKey(), quota.anonymous(), keys.all(n));
    }

    @Operation(
            summary = "Issue an API key (admin)",
            description = "The answer holds the key once; store it in the app's configuration. Requests sending it in "
                    + "X-API-Key get perMinute and perDay instead of the anonymous quota.")
    @PostMapping("/api/v1/api-keys")
    ResponseEntity<IssuedKey> issue(@RequestBody ApiKeys.KeyForm form, @AuthenticationPrincipal SignedInUser user) {
        ApiKeys.Issued issued = keys.issue(form, user.username());
        return ResponseEntity.created(
                        URI.create("/api/v1/api-keys/" + issued.view().id()))
                .body(new IssuedKey(issued.key(), issued.view()));
    }

    @Operation(
            summary = "Revoke an API key (admin)",
            description =
                    "At once on this instance, within yizhan.quota.key-cache-ttl (5 s) on every other; requests with it then get 401.")
    @PostMapping("/api/v1/api-keys/{id}/revoke")
    ApiKeys.KeyView revoke(@PathVariable long id) {
        return keys.revoke(id);
    }
}
