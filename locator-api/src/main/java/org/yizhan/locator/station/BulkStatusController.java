package org.yizhan.locator.station;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.account.SignedInUser;

/** Many stations to one status at once: closing what an import or a test created by mistake. */
@RestController
class BulkStatusController {

    static final int MAX_STATIONS = 500;

    private final StationService service;

    BulkStatusController(StationService service) {
        this.service = service;
    }

    /** The stations, their new status and the reason shown to the public. */
    record BulkStatusForm(
            @NotNull @Size(min = 1, max = MAX_STATIONS) List<@NotNull String> codes,

            @NotNull @Pattern(regexp = "active|suspended|closed", message = "must be active, suspended or closed")
            String status,

            @Size(max = 200) @Nullable String reason) {}

    record BulkStatusResult(int stations, int changed) {}

    @Operation(
            summary = "Suspend, close or reactivate many stations at once",
            description = "All or nothing: an unknown code or a station outside the account's regions rejects the "
                    + "whole batch. Stations already in that status are left as they are (counted in stations, "
                    + "not in changed). At most 500 codes.")
    @PostMapping("/api/v1/stations/bulk-status")
    BulkStatusResult change(@Valid @RequestBody BulkStatusForm form, @AuthenticationPrincipal SignedInUser user) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String code : form.codes()) distinct.add(StationCodes.parse(code).value());
        List<StationCode> codes = distinct.stream().map(StationCodes::parse).toList();
        StationStatus status = StationStatus.parse(form.status()).orElseThrow();
        int changed = service.changeStatuses(codes, status, form.reason(), user.actor());
        return new BulkStatusResult(codes.size(), changed);
    }
}
