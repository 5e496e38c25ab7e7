package org.yizhan.locator.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "basic")
class AccountController {

    private final AccountService service;

    AccountController(AccountService service) {
        this.service = service;
    }

    /** An account as shown to administrators; never the password hash. */
    record AccountResponse(
            String username, String displayName, String role, List<String> regions, boolean enabled, long version) {
        static AccountResponse of(Account a) {
            return new AccountResponse(
                    a.username(), a.displayName(), a.role().value(), a.regions(), a.enabled(), a.version());
        }
    }

    /** The signed-in account, for the workspace to show who is signed in and where they may edit. */
    record MeResponse(String username, String role, List<String> regions) {}

    @Operation(summary = "The signed-in account")
    @GetMapping("/api/v1/me")
    MeResponse me(@AuthenticationPrincipal SignedInUser user) {
        return new MeResponse(
                user.username(), user.actor().role().value(), user.actor().regions());
    }

    /** Who is signed in, if anyone; {@code signedIn} false (and nothing else) for an anonymous caller. */
    record SessionResponse(
            boolean signedIn,
            @Nullable String username,
            @Nullable String role,
            List<String> regions) {}

    @Operation(
            summary = "Whether anyone is signed in, and who",
            description = "For the staff pages' first look: signed out is an answer (200, signedIn false), "
                    + "not an error, so a page that shows its sign-in form logs no failed request. "
                    + "/api/v1/me keeps answering 401 to a caller without an account.")
    @GetMapping("/api/v1/session")
    SessionResponse session(@AuthenticationPrincipal @Nullable SignedInUser user) {
        if (user == null) return new SessionResponse(false, null, null, List.of());
        return new SessionResponse(
                true, user.username(), user.actor().role().value(), user.actor().regions());
    }

    @Operation(summary = "List accounts (admin)")
    @GetMapping("/api/v1/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    List<AccountResponse> accounts() {
        return service.all().stream().map(AccountResponse::of).toList();
    }

    @Operation(summary = "Create an account (admin)")
    @PostMapping("/api/v1/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AccountResponse> create(@Valid @RequestBody AccountForm form) {
        Account account = service.create(form);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.username()))
                .body(AccountResponse.of(account));
    }

    @Operation(summary = "Change an account (admin): role, regions, enabled, password")
    @PutMapping("/api/v1/accounts/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    AccountResponse update(@PathVariable String username, @Valid @RequestBody AccountForm form) {
        return AccountResponse.of(service.update(username, form));
    }
}
