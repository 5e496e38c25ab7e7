package org.yizhan.locator.station;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Suspend, close or reactivate a station; the reason is shown to the public. */
public record StatusForm(
        @NotNull @Pattern(regexp = "active|suspended|closed", message = "{validation.station.status}")
        String status,

        @Size(max = 200) @Nullable String reason,
        @NotNull Long version) {}
