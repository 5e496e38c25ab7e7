package org.yizhan.locator.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An account as an administrator writes it. The password is optional on update (unchanged if absent). */
record AccountForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,60}", message = "{validation.account.username}")
        String username,

        @NotBlank @Size(max = 100) String displayName,

        @Size(min = 10, max = 200, message = "{validation.account.password}") @Nullable
        String password,

        @NotNull @Pattern(regexp = "admin|editor|viewer", message = "{validation.account.role}")
        String role,

        @NotNull
        List<@Pattern(regexp = "[0-9]{2}|[0-9]{4}|[0-9]{6}", message = "{validation.account.region}") String> regions,

        @Nullable Boolean enabled,
        @Nullable Long version) {}
