package org.yizhan.locator.station;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.station.FieldLimits;

/**
 * The writable fields of a station, as sent by union staff. Coordinates are in {@code crs}
 * (default wgs84) because staff copy them from Amap or Baidu. {@code version} is required on
 * update and ignored on create. The API's input boundary: what a client may set, with Bean
 * Validation; the server's fields (code, status, timestamps) are deliberately absent.
 */
@Schema(name = "StationForm")
public record StationForm(
        @NotBlank @Size(max = FieldLimits.NAME) String name,
        @Size(max = FieldLimits.NAME_EN) @Nullable String nameEn,
        @NotBlank @Size(max = FieldLimits.ADDRESS) String address,
        @NotNull @Valid LocationForm location,

        @Schema(description = "wgs84 (default), gcj02 or bd09") @Nullable
        String crs,

        @Schema(
                description =
                        "County-level division code; on create, absent = taken from the point where the boundaries tell it "
                                + "(otherwise a 422 lists the candidates); on update, absent = unchanged")
        @Pattern(regexp = "[0-9]{6}", message = "{validation.station.adcode}")
        @Nullable
        String adcode,

        @NotNull @Pattern(regexp = "self_built|co_built", message = "{validation.station.ownership}")
        String hostType,

        @NotBlank @Size(max = FieldLimits.HOST_ORGANISATION) String hostOrganisation,
        @NotBlank @Size(max = FieldLimits.CONTACT_PERSON) String contactPerson,

        @NotBlank @Pattern(regexp = "[0-9+\\-() ]{5,30}", message = "{validation.station.phone}")
        String contactPhone,

        @NotBlank @Size(max = FieldLimits.OPENING_HOURS) @Schema(example = "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00")
        String openingHours,

        @NotNull List<@NotNull String> amenities,
        @Positive @DecimalMax("9999") @Nullable Double floorArea,

        @Schema(description = "Required on update: the version you read") @Nullable
        Long version) {

    public record LocationForm(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {}
}
