package org.yizhan.locator.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An account as an administrator writes it. The password is optional on update (unchanged if absent). */
record AccountForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,60}", message = "must be 3-60 letters, digits or . _ @ -")
        String username,

        @NotBlank @Size(max = 100) String displayName,

        @Size(min = 10, max = 200, message = "must be at least 10 characters") @Nullable
        String password,

        @NotNull @Pattern(regexp = "admin|editor|viewer", message = "must be admin, editor or viewer")
        String role,

        @NotNull
        List<
                        @Pattern(
                                regexp = "[0-9]{2}|[0-9]{4}|[0-9]{6}",
                                message = "must be a 2-, 4- or 6-digit division code prefix")
                        String>
                regions,

        @Nullable Boolean enabled,
        @Nullable Long version) {}
